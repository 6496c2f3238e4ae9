/**
 * ZIP archives as an attacker writes them: entries whose names climb out of the folder, sizes
 * that lie, and deflate streams that expand a few kilobytes into gigabytes.
 */
import { Deflate, deflateSync } from 'fflate';

/** One entry: its name as stored, its bytes as stored, and the sizes its headers declare. */
export type RawZipEntry = {
  name: string;
  /** The stored bytes: raw deflate data when `method` is 8, the content itself when 0. */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare. */
  declaredSize: number;
};

/** An entry holding `content`, deflated, with its true size declared. */
export function deflatedEntry(name: string, content: Uint8Array | string): RawZipEntry {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, data: deflateSync(bytes), method: 8, declaredSize: bytes.length };
}

/** A ZIP archive of `entries` exactly as given: names, methods and declared sizes are not checked. */
export function rawZip(entries: readonly RawZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]));
}

let zeroChunk: Uint8Array | null = null;

/**
 * A raw deflate stream that inflates to `megabytes` MB of zeros (in steps of 16 MB) while
 * weighing about 1 KB per 16 MB: one byte-aligned, non-final block of 16 MB of zeros, repeated
 * (each copy refers only to its own bytes), then an empty final block.
 */
export function bombStream(megabytes: number): Uint8Array {
  if (zeroChunk === null) {
    const parts: Uint8Array[] = [];
    const deflate = new Deflate((chunk) => parts.push(chunk));
    deflate.push(new Uint8Array(16 * 1024 * 1024));
    deflate.flush(true);
    zeroChunk = new Uint8Array(Buffer.concat(parts));
  }
  const chunk = zeroChunk;
  const repeats = Math.max(1, Math.ceil(megabytes / 16));
  const stream = new Uint8Array(chunk.length * repeats + 2);
  for (let i = 0; i < repeats; i += 1) stream.set(chunk, i * chunk.length);
  // An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block.
  stream.set([0x03, 0x00], chunk.length * repeats);
  return stream;
}

/** A bomb entry: `megabytes` of zeros once inflated, declaring `declaredSize` (a lie unless it matches). */
export function bombEntry(name: string, megabytes: number, declaredSize: number): RawZipEntry {
  return { name, data: bombStream(megabytes), method: 8, declaredSize };
}
