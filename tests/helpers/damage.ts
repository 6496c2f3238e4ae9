import fs from 'node:fs';

/**
 * Damages a closed library the way a failing disk does: its header and schema page stay
 * readable, so it still opens, but the pages after them are overwritten with noise.
 */
export function damageLibraryPages(file: string): void {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  if (bytes.length < pageSize * 3) throw new Error(`${file} is too small to damage realistically`);
  for (let offset = pageSize; offset < bytes.length; offset += 1) bytes[offset] = (offset * 7919) % 251;
  fs.writeFileSync(file, bytes);
}
