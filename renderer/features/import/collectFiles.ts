/** A file from a drop or a file dialog, named by its path inside any folder it came in. */
export type ChosenFile = { name: string; file: File };

/** Past this many files a drop stops walking its folders: no desk imports more at once. */
export const MAX_DROPPED_FILES = 100_000;

const isHidden = (name: string): boolean => name.startsWith('.');

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every entry of a folder: readEntries hands them out a hundred or so at a time. */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const some = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (some.length === 0) return all;
    all.push(...some);
  }
}

function isFolder(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

async function walk(entry: FileSystemEntry, prefix: string, into: ChosenFile[]): Promise<void> {
  if (into.length >= MAX_DROPPED_FILES || isHidden(entry.name)) return;
  const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  if (isFile(entry)) {
    into.push({ name, file: await fileOf(entry) });
  } else if (isFolder(entry)) {
    for (const child of await entriesOf(entry)) await walk(child, name, into);
  }
}

/**
 * The files of a drop, with the contents of any dropped folder (hidden files and folders left
 * out). The entries are taken synchronously, as the browser only lends them during the event.
 */
export async function filesFromDrop(transfer: DataTransfer): Promise<ChosenFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry !== null) {
      entries.push(entry);
    } else {
      const file = item.getAsFile();
      if (file !== null) loose.push(file);
    }
  }
  const chosen: ChosenFile[] = loose.map((file) => ({ name: file.name, file }));
  for (const entry of entries) await walk(entry, '', chosen);
  return chosen;
}

/** The files of an <input type="file">, folder paths kept when a whole folder was chosen. */
export function filesFromInput(list: FileList): ChosenFile[] {
  return Array.from(list)
    .filter((file) => !file.webkitRelativePath.split('/').some(isHidden))
    .map((file) => ({ name: file.webkitRelativePath === '' ? file.name : file.webkitRelativePath, file }));
}

/** A file's bytes as base64, read off the main thread by the browser. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}
