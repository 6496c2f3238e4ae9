/**
 * Backup benchmark: a library of the BBC corpus imported several times over, then the costs a
 * person could feel — the online backup (and the longest pause it causes between saves), the
 * one-go copy made before a migration, the quick_check run when the app opens a library, and
 * a restore. Prints its figures; asserts nothing.
 *
 *   npx tsx bench/backup.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { copyLibraryNow, quickCheck } from '../electron/db/backup';
import { createArticle } from '../electron/services/articles';
import { LibraryHost } from '../electron/services/LibraryHost';
import { bodyFromParagraphs } from '../shared/text';
import { bbcNews } from '../tests/helpers/corpora';

const BBC = bbcNews();
const COPIES = 4;

const ms = (from: number) => performance.now() - from;
const mb = (file: string) => (fs.statSync(file).size / (1024 * 1024)).toFixed(1);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-backup-'));
  try {
    const file = path.join(dir, 'desk.sqlite3');
    const host = LibraryHost.open(file);
    const texts = fs
      .readdirSync(BBC, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.txt'))
      .map((name) => fs.readFileSync(path.join(BBC, name), 'utf8').split(/\n\s*\n/));
    host.current.db.transaction(() => {
      for (let copy = 0; copy < COPIES; copy += 1) {
        for (const [headline = '', ...paragraphs] of texts) {
          createArticle(host.current, {
            headline: headline.trim().slice(0, 400),
            body: bodyFromParagraphs(paragraphs),
          });
        }
      }
    })();
    host.current.db.pragma('wal_checkpoint(TRUNCATE)');
    const articles = host.current.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    console.log(`Library: ${articles.toLocaleString('en')} articles, ${mb(file)} MB`);

    // The online backup, with saves going on: the longest gap between timer ticks is the
    // longest a keystroke's save could have waited.
    let longestGap = 0;
    let last = performance.now();
    let saves = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      createArticle(host.current, { headline: `Typed during the backup ${saves}`, body: bodyFromParagraphs(['x']) });
      saves += 1;
    }, 5);
    const started = performance.now();
    const backup = await host.backups.backUp('manual');
    const onlineMs = ms(started);
    // One more tick, so a pause at the very end of the backup is counted too.
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(ticker);
    console.log(
      `Online backup (checked, renamed): ${onlineMs.toFixed(0)} ms for ${mb(backup.path)} MB; ${saves} saves ran meanwhile; longest pause between them ${longestGap.toFixed(1)} ms`,
    );

    const vacuumStarted = performance.now();
    const vacuumFile = path.join(dir, 'vacuum-copy.sqlite3');
    copyLibraryNow(host.current.db, vacuumFile);
    console.log(`VACUUM INTO copy (as before a migration, checked): ${ms(vacuumStarted).toFixed(0)} ms`);

    const checkStarted = performance.now();
    const problem = quickCheck(host.current.db);
    console.log(`quick_check at open: ${ms(checkStarted).toFixed(0)} ms (${problem ?? 'ok'})`);

    const restoreStarted = performance.now();
    host.restore(backup.path);
    console.log(`Restore (copy into place, reopen): ${ms(restoreStarted).toFixed(0)} ms`);
    host.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
