// The built renderer's files, found and typed one way for the desktop window's app:// scheme
// and for browser mode's web server: each transport only wraps what it is given in its own reply.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The content type of each kind of file the built renderer holds; anything else is sent as bytes. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The Content-Type a file is served with, by its extension in any case. */
export function contentTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a request's decoded path names ("/" is index.html), or undefined
 * for a path that would leave `root` (`..`, an absolute path, a backslash, NUL).
 */
export function staticFilePath(root: string, pathname: string): string | undefined {
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const relative = pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative === '' ? 'index.html' : relative);
  return file.startsWith(base + path.sep) ? file : undefined;
}

export type StaticFile = { file: string; bytes: Buffer; contentType: string };

/** The file a request's decoded path names under `root`, read, with its type; undefined when there is none. */
export async function readStaticFile(root: string, pathname: string): Promise<StaticFile | undefined> {
  const file = staticFilePath(root, pathname);
  if (file === undefined) return undefined;
  try {
    return { file, bytes: await readFile(file), contentType: contentTypeOf(file) };
  } catch {
    // Missing, a folder, or unreadable: all the same to a page asking for it.
    return undefined;
  }
}
