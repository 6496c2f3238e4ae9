'use strict';
// The `copydesk` command runs from a build (dist/cli), made like the main process's: one small
// entry and a chunk per command. This module tells whether that build is missing or older than
// its sources, and makes it again when it is. A checkout's first run builds it; so does a run
// after the sources changed, so the command never runs code older than the checkout.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'dist', 'cli');
const ENTRY = path.join(OUT_DIR, 'main.cjs');
const SOURCES = ['electron', 'shared', 'package.json', 'vite.cli.config.mts'];
const LOCK = path.join(ROOT, 'dist', '.cli-build-lock');
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 5 * 60 * 1000;
/** Chunks of earlier builds are kept a while: a running `copydesk serve` may still load them. */
const OLD_CHUNK_MS = 24 * 60 * 60 * 1000;

/** True as soon as one file under `target` is newer than `than`. */
function hasNewer(target, than) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return false;
  }
  if (stat.mtimeMs > than) return true;
  if (!stat.isDirectory()) return false;
  return fs.readdirSync(target).some((entry) => hasNewer(path.join(target, entry), than));
}

function isStale() {
  let builtAt;
  try {
    builtAt = fs.statSync(ENTRY).mtimeMs;
  } catch {
    return true;
  }
  // An installed copy without its sources runs the build it came with.
  if (!fs.existsSync(path.join(ROOT, 'electron'))) return false;
  return SOURCES.some((source) => hasNewer(path.join(ROOT, source), builtAt));
}

function pause(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the build lock, or returns false once another process's build has made the command fresh. */
function lockOrWait() {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      return true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    try {
      if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // Released meanwhile.
    }
    pause(100);
    if (!fs.existsSync(LOCK) && !isStale()) return false;
  }
}

function moveInto(fromDir, toDir) {
  fs.mkdirSync(path.join(toDir, 'chunks'), { recursive: true });
  for (const name of fs.readdirSync(path.join(fromDir, 'chunks'))) {
    fs.renameSync(path.join(fromDir, 'chunks', name), path.join(toDir, 'chunks', name));
  }
  // The worker threads' entries, then the main entry last: until it is in place, a starting
  // command reads the previous build whole.
  for (const name of fs.readdirSync(fromDir)) {
    if (name.endsWith('.cjs') && name !== 'main.cjs') fs.renameSync(path.join(fromDir, name), path.join(toDir, name));
  }
  fs.renameSync(path.join(fromDir, 'main.cjs'), path.join(toDir, 'main.cjs'));
}

function pruneOldChunks(keep) {
  const chunks = path.join(OUT_DIR, 'chunks');
  for (const name of fs.readdirSync(chunks)) {
    const file = path.join(chunks, name);
    if (keep.has(name)) continue;
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > OLD_CHUNK_MS) fs.rmSync(file, { force: true });
    } catch {
      // Another build pruned it.
    }
  }
}

/** Builds the command with Vite. Throws with Vite's own words when the build fails. */
function build(log) {
  const temp = path.join(ROOT, 'dist', `.cli-build-${process.pid}`);
  fs.rmSync(temp, { recursive: true, force: true });
  log('Building the copydesk command (first run, or its sources changed)…');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(vite)) {
    throw new Error('The copydesk command is not built, and Vite is not installed to build it: run npm install.');
  }
  const { spawnSync } = require('node:child_process');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'vite.cli.config.mts', '--outDir', temp, '--logLevel', 'error'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  try {
    if (result.status !== 0) {
      throw new Error(`The copydesk command could not be built:\n${result.stdout}${result.stderr}`);
    }
    const made = new Set(fs.readdirSync(path.join(temp, 'chunks')));
    moveInto(temp, OUT_DIR);
    pruneOldChunks(made);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Makes sure dist/cli holds a build of the current sources; returns the entry's path. */
function ensureCliBuilt(log = (line) => process.stderr.write(`${line}\n`)) {
  if (!isStale()) return ENTRY;
  if (lockOrWait()) {
    try {
      if (isStale()) build(log);
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
  return ENTRY;
}

module.exports = { ensureCliBuilt, CLI_ENTRY: ENTRY };

if (require.main === module) {
  try {
    ensureCliBuilt((line) => console.log(line));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
