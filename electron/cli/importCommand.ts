import type { ImportReport } from '../../shared/imports';
import { plural } from '../../shared/plural';
import type { ImportOptions } from '../import/importFiles';
import { importFiles } from '../import/importFiles';
import type { Library } from '../services/LibraryHost';
import { WorkerPool } from '../workers/WorkerPool';
import { unindexedCount } from '../services/related';
import type { Io } from './options';

/** Lines of each kind printed before "… and N more". */
const LIST_LIMIT = 50;
/** Interrupts closer together than this are one Ctrl+C. */
const REPEAT_INTERRUPT_MS = 1000;
/** A progress line at most this often when stderr is not a terminal. */
const LOG_INTERVAL_MS = 1000;

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, LIST_LIMIT).map((item) => `  ${line(item)}`);
  if (items.length > LIST_LIMIT) lines.push(`  … and ${items.length - LIST_LIMIT} more (--json lists them all)`);
  return lines;
}

/** The report as a person reads it: the totals, then what needs their attention. */
export function formatImportReport(report: ImportReport): string {
  const notImported = report.total - report.imported.length - report.duplicates.length - report.failed.length;
  const lines = [
    `Imported ${plural(report.imported.length, 'article')}, skipped ${plural(report.duplicates.length, 'duplicate')}, failed ${report.failed.length.toLocaleString('en')}.`,
  ];
  if (report.cancelled) lines.push(`Cancelled: ${plural(notImported, 'file was', 'files were')} not read.`);
  if (report.failed.length > 0) {
    lines.push('', 'Not imported:', ...listed(report.failed, (item) => item.reason));
  }
  if (report.duplicates.length > 0) {
    lines.push(
      '',
      'Already in the library (same text):',
      ...listed(
        report.duplicates,
        (item) => `${item.file}: "${item.existingHeadline}"${item.existingTrashed ? ' (in the trash)' : ''}`,
      ),
    );
  }
  const notes = report.imported.flatMap((item) => [
    ...item.unlinkedAlsoSee.map(
      (headline) => `${item.file}: Also See "${headline}" matches no article in the library; it was kept as text.`,
    ),
    ...item.notes.map((note) => `${item.file}: ${note}`),
  ]);
  if (notes.length > 0) lines.push('', 'Notes:', ...listed(notes, (note) => note));
  if (report.ignored.length > 0) {
    lines.push(
      '',
      `Left alone: ${plural(report.ignored.length, 'file')} that ${report.ignored.length === 1 ? 'is' : 'are'} not articles.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `copydesk import PATH…`: imports files and folders, printing progress to stderr and the
 * report to stdout. Ctrl+C stops after the current file (a second Ctrl+C quits at once).
 * Exit code 0 when every file was imported or skipped as a duplicate, 1 when any failed, 130
 * when cancelled.
 */
export async function importCommand(
  lib: Library,
  paths: readonly string[],
  options: { io: Io; json: boolean; context?: ImportOptions['context'] },
): Promise<number> {
  const { io } = options;
  const controller = new AbortController();
  let stoppingSince = 0;
  const onInterrupt = () => {
    if (controller.signal.aborted) {
      // A library that cleans up on exit (conf's atomically) re-raises the signal at once: only a
      // second Ctrl+C from the person, a moment later, quits without waiting.
      if (Date.now() - stoppingSince > REPEAT_INTERRUPT_MS) process.exit(130);
      return;
    }
    stoppingSince = Date.now();
    controller.abort();
    io.err(`${io.interactive === true ? '\n' : ''}Stopping after the current file… (Ctrl+C again quits at once)\n`);
  };
  process.on('SIGINT', onInterrupt);
  let lastLog = 0;
  let report: ImportReport;
  // Files are read on every core, in worker threads; the articles are stored here.
  const workers = new WorkerPool();
  try {
    report = await importFiles(lib, paths, {
      signal: controller.signal,
      context: options.context,
      read: workers.read,
      onProgress: (done, total, current) => {
        if (current === null) {
          if (io.interactive === true) io.err('\r\u001b[2K');
          return;
        }
        const line = `Importing ${done + 1}/${total}: ${current}`;
        if (io.interactive === true) {
          io.err(`\r\u001b[2K${line.slice(0, 150)}`);
        } else if (done === 0 || Date.now() - lastLog >= LOG_INTERVAL_MS) {
          lastLog = Date.now();
          io.err(`${line}\n`);
        }
      },
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    await workers.close();
  }
  io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatImportReport(report));
  const waiting = unindexedCount(lib);
  if (report.imported.length > 0 && waiting > 0) {
    io.err(
      `${plural(waiting, 'article waits', 'articles wait')} to be analysed for related-article suggestions: Copydesk does it in the background while it runs, or run copydesk related --reindex.\n`,
    );
  }
  if (report.cancelled) return 130;
  return report.failed.length > 0 ? 1 : 0;
}
