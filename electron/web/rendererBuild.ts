import fs from 'node:fs';
import path from 'node:path';

/** The checkout this code runs from: the folder holding Copydesk's package.json. */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate) && fs.existsSync(path.join(dir, 'renderer'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Copydesk folder (package.json beside renderer/).');
    dir = parent;
  }
}

export const WEB_BUILD_DIR = path.join('dist', 'web');

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when the built renderer is missing or older than any of its sources. */
export function rendererBuildIsStale(root: string): boolean {
  const built = path.join(root, WEB_BUILD_DIR, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const sources = ['renderer', 'shared', 'vite.renderer.config.mts', 'package.json'].map((p) => path.join(root, p));
  return sources.some((source) => newestMtime(source) > builtAt);
}

/** Builds the renderer for browser mode when its sources changed since the last build. */
export async function ensureRendererBuilt(root: string, log: (line: string) => void): Promise<string> {
  const outDir = path.join(root, WEB_BUILD_DIR);
  if (rendererBuildIsStale(root)) {
    log('Building the Copydesk interface (first run or sources changed)…');
    const { build } = await import('vite');
    await build({
      configFile: path.join(root, 'vite.renderer.config.mts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  }
  return outDir;
}
