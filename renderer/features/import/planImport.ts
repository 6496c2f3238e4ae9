import type { FileProblem, ImportReport } from '../../../shared/imports';
import {
  fileSizeProblem,
  formatOfFile,
  isPictureFile,
  leftAloneReason,
  MAX_IMPORT_REQUEST_BYTES,
  MAX_IMPORT_REQUEST_FILES,
  packageFolders,
  pageFileReason,
  pageOfFile,
} from '../../../shared/imports';

/** A file the person chose or dropped, named by its path inside a dropped folder. */
export type PickedFile = { name: string; size: number };

/**
 * How a set of files will be imported: the batches sent one after another (each within the
 * size and count a single request may carry, as indexes into the files), and the files left
 * out before anything is sent — too large or empty, or not a kind of file Copydesk imports.
 */
export type ImportPlan = {
  batches: number[][];
  refused: FileProblem[];
  ignored: FileProblem[];
};

/**
 * Base64 turns 3 bytes into 4, and a request has room for MAX_IMPORT_REQUEST_BYTES before
 * encoding; a batch is kept to a quarter of that so a progress step never waits on 50 MB.
 */
const BATCH_BYTES = Math.floor(MAX_IMPORT_REQUEST_BYTES / 4);
/** Files per batch: enough to keep the library busy, few enough for steady progress. */
const BATCH_FILES = Math.min(200, MAX_IMPORT_REQUEST_FILES);

export function planImport(files: readonly PickedFile[]): ImportPlan {
  const refused: FileProblem[] = [];
  const ignored: FileProblem[] = [];
  const batches: number[][] = [];
  let batch: number[] = [];
  let batchBytes = 0;
  const order = files.map((_, index) => index).sort((a, b) => compareNames(files[a], files[b]));
  const names = files.map((file) => file.name.replace(/\\/g, '/'));
  // An export package's files (its pictures among them) go together in a batch of their own.
  const packages = new Map(packageFolders(names).map((folder) => [folder, [] as number[]]));
  // So does a saved page with the pictures of its own folder ("Story_files/" beside "Story.html").
  const pages = new Set(names.filter((name) => formatOfFile(name) === 'html'));
  const pageOf = names.map((name) => pageOfFile(name, pages));
  const pagesWithPictures = new Set(pageOf.filter((page, index) => page !== null && isPictureFile(names[index] ?? '')));
  const pageGroups = new Map<string, number[]>();
  for (const index of order) {
    const file = files[index] as PickedFile;
    const name = names[index] ?? file.name;
    const inPackage = [...packages.entries()].find(([folder]) => name.startsWith(folder));
    if (inPackage !== undefined) {
      inPackage[1].push(index);
      continue;
    }
    const page = pageOf[index] ?? null;
    if (page !== null) {
      if (isPictureFile(name)) pageGroups.set(page, [...(pageGroups.get(page) ?? []), index]);
      else ignored.push({ file: file.name, reason: pageFileReason(page) });
      continue;
    }
    const format = formatOfFile(file.name);
    if (format === null) {
      ignored.push({ file: file.name, reason: leftAloneReason(file.name) });
      continue;
    }
    const problem = fileSizeProblem(file.name, format, file.size);
    if (problem !== null) {
      refused.push({ file: file.name, reason: problem });
      continue;
    }
    if (pagesWithPictures.has(name)) {
      pageGroups.set(name, [index, ...(pageGroups.get(name) ?? [])]);
      continue;
    }
    if (batch.length > 0 && (batch.length >= BATCH_FILES || batchBytes + file.size > BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      batchBytes = 0;
    }
    batch.push(index);
    batchBytes += file.size;
  }
  if (batch.length > 0) batches.push(batch);
  for (const members of packages.values()) if (members.length > 0) batches.push(members);
  for (const [page, members] of pageGroups) {
    if (members.some((index) => names[index] === page)) {
      batches.push(members);
    } else {
      // The page itself was refused: its pictures have nothing to go with.
      for (const index of members) {
        ignored.push({
          file: files[index]?.name ?? '',
          reason: `a picture of the saved page ${page}, which was not imported`,
        });
      }
    }
  }
  return { batches, refused, ignored };
}

function compareNames(a: PickedFile | undefined, b: PickedFile | undefined): number {
  return (a?.name ?? '').localeCompare(b?.name ?? '', 'en', { numeric: true });
}

/** An empty report for `total` files, to which each batch's report is added. */
export function emptyReport(total: number, plan: ImportPlan): ImportReport {
  return {
    total,
    imported: [],
    duplicates: [],
    failed: [...plan.refused],
    ignored: [...plan.ignored],
    cancelled: false,
  };
}

/** One report for a whole import made of several batches. */
export function addReport(into: ImportReport, batch: ImportReport): ImportReport {
  return {
    total: into.total,
    imported: [...into.imported, ...batch.imported],
    duplicates: [...into.duplicates, ...batch.duplicates],
    failed: [...into.failed, ...batch.failed],
    ignored: [...into.ignored, ...batch.ignored],
    cancelled: into.cancelled || batch.cancelled,
  };
}
