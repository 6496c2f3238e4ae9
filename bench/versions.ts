/**
 * Versions benchmark: what History's automatic versions cost on a 70,000-word story, through
 * the services the app calls. Times a save of one more sentence when no version is due (the
 * editing time counted, the newest version looked up without its text), the save that
 * completes ten minutes of editing (the story compared with the newest version, then kept),
 * and leaving the story, with a change to keep and with none (the comparison alone). Prints
 * median and p95 of several runs after a warm-up; asserts no time.
 *
 *   npm run bench -- versions
 */
import { createArticle, getArticle, saveArticle } from '../electron/services/articles';
import { AUTO_VERSION_EDITING_MS, LATE_SAVE_MS } from '../electron/services/automaticVersions';
import type { Library } from '../electron/services/LibraryHost';
import { endEditingSession, listRevisions } from '../electron/services/revisions';
import { bodyFromParagraphs, countWords } from '../shared/text';
import { manualClock } from '../tests/helpers/library';
import { withTempLibrary } from '../tests/helpers/tempLibrary';

const WORDS = 70_000;
const RUNS = 15;

/** Paragraphs of news-like sentences, varied so the text does not compress to nothing. */
function longStory(words: number): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  for (let n = 1; count < words; n += 1) {
    const paragraph = `Paragraph ${n}: the harbour council said on day ${n % 31} that crossing ${n * 7} would run at ${n % 24}:${String(n % 60).padStart(2, '0')}, after ${n * 13} residents asked for it in writing.`;
    paragraphs.push(paragraph);
    count += countWords(paragraph);
  }
  return paragraphs;
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function summary(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return `median ${quantile(0.5).toFixed(1)} ms, p95 ${quantile(0.95).toFixed(1)} ms`;
}

function bench(lib: Library): void {
  const clock = manualClock();
  const text = longStory(WORDS);
  const story = createArticle(
    lib,
    { headline: 'Harbour council timetable', body: bodyFromParagraphs(text) },
    { clock },
  );
  let version = story.version;
  let typed = 0;
  const typeOneMore = () => {
    typed += 1;
    text.push(`Sentence ${typed} typed at the end.`);
    version = saveArticle(
      lib,
      story.id,
      version,
      { body: bodyFromParagraphs(text) },
      { clock, userName: 'Amna' },
    ).version;
  };

  const plain: number[] = [];
  const due: number[] = [];
  for (let run = 0; run < RUNS + 2; run += 1) {
    clock.advance(1000);
    const ms = timed(typeOneMore);
    if (run >= 2) plain.push(ms);
  }
  for (let run = 0; run < RUNS + 2; run += 1) {
    // Nine minutes of typing, a save a minute; the tenth minute's save is timed.
    for (let minute = 1; minute < AUTO_VERSION_EDITING_MS / 60_000; minute += 1) {
      clock.advance(60_000);
      typeOneMore();
    }
    clock.advance(60_000);
    const before = listRevisions(lib, story.id).length;
    const ms = timed(typeOneMore);
    if (listRevisions(lib, story.id).length !== before + 1) throw new Error('no version was kept after ten minutes');
    if (run >= 2) due.push(ms);
  }
  const left: number[] = [];
  const leftUnchanged: number[] = [];
  for (let run = 0; run < RUNS + 2; run += 1) {
    clock.advance(LATE_SAVE_MS + 1000);
    typeOneMore();
    clock.advance(1000);
    const changed = timed(() => {
      if (endEditingSession(lib, story.id, { clock }) === null) throw new Error('nothing was kept on leaving');
    });
    const unchanged = timed(() => {
      if (endEditingSession(lib, story.id, { clock }) !== null) throw new Error('an identical version was kept');
    });
    if (run >= 2) {
      left.push(changed);
      leftUnchanged.push(unchanged);
    }
  }

  console.log(`A story of ${getArticle(lib, story.id).wordCount.toLocaleString('en')} words; ${RUNS} runs each.`);
  console.log(`Save, no version due:                 ${summary(plain)}`);
  console.log(`Save completing ten minutes (kept):   ${summary(due)}`);
  console.log(`Leaving the story, changed (kept):    ${summary(left)}`);
  console.log(`Leaving the story, unchanged:         ${summary(leftUnchanged)}`);
}

void withTempLibrary('copydesk-bench-versions-', bench);
