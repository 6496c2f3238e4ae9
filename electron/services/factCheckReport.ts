import { readStoredBody } from '../../shared/body/readStoredBody';
import { pendingChangesInClaims, quotedClaim, type PendingChange } from '../../shared/claimMarks';
import type { CommentEntry, CommentThread } from '../../shared/comments';
import { commentsInClaims } from '../../shared/comments';
import { escapeHtml } from '../../shared/escapeHtml';
import type { Claim, Evidence, SnapshotMeta, Source, VerdictChange } from '../../shared/sources';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS, VERDICT_LABELS } from '../../shared/sources';
import { getArticle } from './articles';
import { listClaims, verdictHistory } from './claims';
import { listThreads } from './comments';
import { articleSources, getSource } from './sources';
import type { Library } from './LibraryHost';

const KIND_LABELS: Readonly<Record<Claim['kind'], string>> = {
  quote: 'Quotation',
  figure: 'Figure',
  date: 'Date',
  attribution: 'Attribution',
  other: 'Other',
};

const STATE_LABELS: Readonly<Record<Claim['state'], string>> = {
  attached: 'In the text',
  orphaned: 'Orphaned: its words were deleted from the article',
  dismissed: 'Dismissed',
};

/** The report forbids everything but its own inline styles: no scripts, images, fonts or requests. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b66; --rule: #d8d8de; --mark: #fff1a8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem 4rem; font: 16px/1.55 Georgia, 'Times New Roman', serif; color: var(--ink); background: #fff; }
header { border-bottom: 3px double var(--rule); margin-bottom: 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2rem 0 0.4rem; }
h2 { font: 600 1.2rem/1.3 system-ui, sans-serif; border-bottom: 1px solid var(--rule); padding-bottom: 0.3rem; margin-top: 2.2rem; }
h3 { font: 600 1rem/1.3 system-ui, sans-serif; margin: 0 0 0.5rem; }
h4 { font: 600 0.85rem/1.3 system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 1rem 0 0.4rem; }
.kicker, .meta, dt, th, .coverage-detail { font-family: system-ui, sans-serif; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--muted); margin: 0; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0; }
.coverage { font: 600 1.3rem/1.3 system-ui, sans-serif; margin: 0.3rem 0; }
ol.claims { list-style: none; padding: 0; }
ol.claims > li { border: 1px solid var(--rule); border-radius: 6px; padding: 1rem 1.2rem; margin: 0 0 1.2rem; }
blockquote { margin: 0.3rem 0 0.6rem; padding-left: 0.9rem; border-left: 3px solid var(--rule); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.4rem 0; font-size: 0.95rem; }
dt { color: var(--muted); font-size: 0.85rem; }
dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; border-bottom: 1px solid var(--rule); padding: 0.25rem 0.5rem 0.25rem 0; vertical-align: top; }
mark { background: var(--mark); color: inherit; padding: 0 0.1em; }
.verdict { font: 600 0.85rem/1 system-ui, sans-serif; padding: 0.2rem 0.5rem; border-radius: 999px; border: 1px solid currentColor; white-space: nowrap; }
.verdict-verified { color: #1b6e3a; } .verdict-partly-true { color: #8a5a00; } .verdict-unsupported { color: #8a5a00; }
.verdict-false { color: #a4161a; } .verdict-opinion { color: #3a4a8a; } .verdict-unchecked { color: var(--muted); }
.passage { font-size: 0.95rem; }
.changed { margin: 0.4rem 0 0.6rem; padding: 0.4rem 0.7rem; border-left: 3px solid #a4161a; background: #fbeceb; }
.verdict-changed { color: #a4161a; border-style: dashed; }
code { font-size: 0.8rem; overflow-wrap: anywhere; }
ol.comments, ol.comment-entries { list-style: none; padding: 0; }
.comment-thread { border-left: 3px solid var(--rule); padding-left: 0.8rem; margin: 0.4rem 0 0.8rem; }
.comment-entries p { margin: 0.15rem 0; }
.comment-text { white-space: pre-wrap; }
.comment-state { font-weight: 600; }
@media print { body { padding: 0; } ol.claims > li { break-inside: avoid; } }
`;

/** An address a reader may follow: http or https only; anything else (javascript:, data:) is left out. */
function webAddress(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "2026-03-02 09:00 UTC": unambiguous wherever the report is read. */
function when(timestamp: string | null): string {
  if (timestamp === null || timestamp === '') return '';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function time(timestamp: string | null): string {
  if (timestamp === null || timestamp === '') return '';
  return `<time datetime="${escapeHtml(timestamp)}">${escapeHtml(when(timestamp))}</time>`;
}

/** A definition list of the rows that have a value; values are already HTML. */
function details(rows: readonly (readonly [string, string])[]): string {
  const kept = rows.filter(([, value]) => value !== '');
  if (kept.length === 0) return '';
  return `<dl>${kept.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function verdictBadge(verdict: Claim['verdict']): string {
  return `<span class="verdict verdict-${verdict}">${escapeHtml(VERDICT_LABELS[verdict])}</span>`;
}

function sourceDetails(source: Source): string {
  const href = webAddress(source.url);
  return details([
    ['Kind', escapeHtml(SOURCE_KIND_LABELS[source.kind])],
    ['Publisher', escapeHtml(source.publisher)],
    ['Author', escapeHtml(source.author)],
    ['Address', href === null ? '' : `<a href="${escapeHtml(href)}" rel="noreferrer">${escapeHtml(href)}</a>`],
    ['Published', escapeHtml(source.publishedDate)],
    ['Accessed', escapeHtml(source.accessedDate)],
    ['Reliability', escapeHtml(RELIABILITY_LABELS[source.reliability])],
  ]);
}

function snapshotDetails(snapshot: SnapshotMeta | undefined): string {
  if (snapshot === undefined) return '';
  return details([
    ['Snapshot', escapeHtml(`${snapshot.format}${snapshot.fileName === '' ? '' : ` (${snapshot.fileName})`}`)],
    ['SHA-256', `<code>${escapeHtml(snapshot.sha256)}</code>`],
    ['Captured', time(snapshot.capturedAt)],
  ]);
}

function evidenceItem(evidence: Evidence, source: Source | undefined): string {
  const snapshot = source?.snapshots.find((candidate) => candidate.id === evidence.snapshotId);
  const passage =
    `<blockquote class="passage">${evidence.prefix === '' ? '' : `…${escapeHtml(evidence.prefix)}`}` +
    `<mark>${escapeHtml(evidence.exact)}</mark>${evidence.suffix === '' ? '' : `${escapeHtml(evidence.suffix)}…`}</blockquote>`;
  return [
    '<li>',
    passage,
    `<p class="meta">Characters ${evidence.start}–${evidence.end} of the snapshot · added by ${escapeHtml(evidence.addedBy || 'unknown')}, ${time(evidence.addedAt)}</p>`,
    evidence.note === '' ? '' : `<p>${escapeHtml(evidence.note)}</p>`,
    `<h5 class="meta">From <cite>${escapeHtml(source?.title ?? evidence.sourceTitle)}</cite></h5>`,
    source === undefined ? '' : sourceDetails(source),
    snapshotDetails(snapshot),
    '</li>',
  ].join('');
}

function historyTable(history: readonly VerdictChange[]): string {
  if (history.length === 0) return '<p class="meta">No verdict has been given yet.</p>';
  const rows = history
    .map(
      (change) =>
        `<tr><td>${time(change.at)}</td><td>${verdictBadge(change.verdict)}</td><td>${escapeHtml(change.checker)}</td><td>${escapeHtml(change.note)}</td><td>${escapeHtml(change.text)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th scope="col">When</th><th scope="col">Verdict</th><th scope="col">Checker</th><th scope="col">Note</th><th scope="col">Words judged</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** What a reader of the report must know of a claim edited after its verdict: the words then and now. */
function changedNotice(claim: Claim): string {
  if (!claim.changedSinceVerdict || claim.verdictText === null) return '';
  return `<p class="changed"><strong>Changed since the verdict:</strong> was ${escapeHtml(quotedClaim(claim.verdictText))}, now ${escapeHtml(quotedClaim(claim.text))}. The verdict (${escapeHtml(VERDICT_LABELS[claim.verdict])}) was given to the earlier words and has not been confirmed for these.</p>`;
}

/** Suggested changes waiting in the claim's words: the verdict is for the words as they stand. */
function pendingNotice(changes: readonly PendingChange[]): string {
  if (changes.length === 0) return '';
  const items = changes.map(
    (change) =>
      `<li>${escapeHtml(change.author === '' ? 'Someone unnamed' : change.author)} suggests ${
        change.kind === 'insert' ? 'adding' : 'taking out'
      } ${escapeHtml(quotedClaim(change.words))}${change.at === '' ? '' : `, ${time(change.at)}`}</li>`,
  );
  return `<div class="changed"><p><strong>Suggested changes wait in these words.</strong> The verdict is for the words as they stand; accepting a change asks for a fresh look.</p><ul>${items.join('')}</ul></div>`;
}

/** One entry of a comment thread: who wrote it and when, and what they wrote, or who resolved or reopened the thread. */
function commentEntry(entry: CommentEntry): string {
  const who = escapeHtml(entry.author === '' ? 'someone unnamed' : entry.author);
  if (entry.kind === 'comment') {
    return `<li><p class="meta">${who}, ${time(entry.at)}</p><p class="comment-text">${escapeHtml(entry.text)}</p></li>`;
  }
  return `<li><p class="meta">${entry.kind === 'resolved' ? 'Resolved' : 'Reopened'} by ${who}, ${time(entry.at)}</p></li>`;
}

/** The comment threads on a claim's words, each with the words it is on, whether it is resolved, and every entry. */
function commentList(threads: readonly CommentThread[]): string {
  if (threads.length === 0) return '';
  const items = threads.map(
    (thread) =>
      `<li class="comment-thread"><p class="meta">On ${escapeHtml(quotedClaim(thread.quote))} · <span class="comment-state">${
        thread.resolved ? 'Resolved' : 'Open'
      }</span></p><ol class="comment-entries">${thread.entries.map(commentEntry).join('')}</ol></li>`,
  );
  return `<h4>Comments</h4><ol class="comments">${items.join('')}</ol>`;
}

function claimItem(
  claim: Claim,
  number: number,
  history: readonly VerdictChange[],
  sources: ReadonlyMap<string, Source>,
  pending: readonly PendingChange[],
  threads: readonly CommentThread[],
): string {
  const evidence =
    claim.evidence.length === 0
      ? '<p class="meta">No evidence attached.</p>'
      : `<ol class="evidence">${claim.evidence.map((item) => evidenceItem(item, sources.get(item.sourceId))).join('')}</ol>`;
  return [
    `<li><article class="claim" id="claim-${number}" aria-labelledby="claim-${number}-title">`,
    `<h3 id="claim-${number}-title">Claim ${number} · ${escapeHtml(KIND_LABELS[claim.kind])} ${verdictBadge(claim.verdict)}${
      claim.changedSinceVerdict ? ' <span class="verdict verdict-changed">Changed since the verdict</span>' : ''
    }</h3>`,
    `<blockquote class="claim-text">${escapeHtml(claim.text)}</blockquote>`,
    changedNotice(claim),
    pendingNotice(pending),
    details([
      ['Kind', escapeHtml(KIND_LABELS[claim.kind])],
      ['State', escapeHtml(STATE_LABELS[claim.state])],
      ['Verdict', escapeHtml(VERDICT_LABELS[claim.verdict])],
      ['Checked by', escapeHtml(claim.checker)],
      ['Checked', time(claim.checkedAt)],
      ['Note', escapeHtml(claim.note)],
    ]),
    '<h4>Verdict history</h4>',
    historyTable(history),
    '<h4>Evidence</h4>',
    evidence,
    commentList(threads),
    '</article></li>',
  ].join('');
}

/** A file name for the report: the article's slug, or its id when it has none. */
export function reportFileName(article: { id: string; slug: string }): string {
  const slug = article.slug
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `fact-check-${slug === '' ? article.id : slug}.html`;
}

/**
 * The fact-check report of an article as a standalone HTML5 document: its coverage, every
 * claim with its verdict, who checked it and when, the full verdict history and the evidence
 * passages with their sources and snapshots (hashes and capture times), then the sources the
 * article cites. Inline styles only and a Content-Security-Policy that forbids anything else,
 * every piece of library text escaped, and only http(s) addresses linked — so a hostile source
 * title or address cannot run or fetch anything where the report is opened.
 *
 * With `comments`, each claim also lists the comment threads on its words: for the desk's own
 * use. The report in an export package leaves them out, as comments stay in Copydesk.
 */
export function factCheckReport(
  lib: Library,
  articleId: string,
  now: Date,
  { comments = false }: { comments?: boolean } = {},
): string {
  const article = getArticle(lib, articleId);
  const claims = listClaims(lib, articleId);
  const cited = articleSources(lib, articleId);
  const sources = new Map<string, Source>(cited.map((source) => [source.id, source]));
  for (const claim of claims) {
    for (const evidence of claim.evidence) {
      if (!sources.has(evidence.sourceId)) sources.set(evidence.sourceId, getSource(lib, evidence.sourceId));
    }
  }
  const body = readStoredBody(article.body).body;
  const pending = pendingChangesInClaims(body);
  const threads = new Map<string, CommentThread>(
    comments ? listThreads(lib, articleId).map((thread) => [thread.id, thread]) : [],
  );
  const commented = comments ? commentsInClaims(body) : new Map<string, string[]>();
  const threadsOn = (claimId: string): CommentThread[] =>
    (commented.get(claimId) ?? []).flatMap((id) => threads.get(id) ?? []);
  const live = claims.filter((claim) => claim.state !== 'dismissed');
  const checked = live.filter((claim) => claim.verdict !== 'unchecked');
  const byVerdict = new Map<Claim['verdict'], number>();
  for (const claim of live) byVerdict.set(claim.verdict, (byVerdict.get(claim.verdict) ?? 0) + 1);
  const dismissed = claims.length - live.length;
  const changed = live.filter((claim) => claim.changedSinceVerdict).length;

  const headline = article.headline === '' ? 'Untitled article' : article.headline;
  const coverage = `${checked.length} of ${live.length} ${live.length === 1 ? 'claim' : 'claims'} checked`;
  const claimList =
    claims.length === 0
      ? '<p>No claims have been marked in this article.</p>'
      : `<ol class="claims">${claims
          .map((claim, index) =>
            claimItem(
              claim,
              index + 1,
              verdictHistory(lib, claim.id),
              sources,
              pending.get(claim.id) ?? [],
              threadsOn(claim.id),
            ),
          )
          .join('')}</ol>`;
  const sourceList =
    sources.size === 0
      ? '<p>This article cites no sources.</p>'
      : `<ol class="sources">${[...sources.values()]
          .map(
            (source) =>
              `<li><h3><cite>${escapeHtml(source.title)}</cite></h3>${sourceDetails(source)}${
                source.snapshots.length === 0
                  ? ''
                  : `<h4>Snapshots</h4><ul>${source.snapshots
                      .map(
                        (snapshot) =>
                          `<li>${escapeHtml(snapshot.format)} · captured ${time(snapshot.capturedAt)} · SHA-256 <code>${escapeHtml(snapshot.sha256)}</code></li>`,
                      )
                      .join('')}</ul>`
              }</li>`,
          )
          .join('')}</ol>`;

  return `<!doctype html>
<html lang="${escapeHtml(article.language || 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Fact-check report: ${escapeHtml(headline)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="kicker">Fact-check report</p>
<h1>${escapeHtml(headline)}</h1>
${article.byline === '' ? '' : `<p class="meta byline">By ${escapeHtml(article.byline)}</p>`}
<p class="meta">Report of ${time(now.toISOString())} · article version ${article.version}, last saved ${time(article.updatedAt)}</p>
</header>
<main>
<section aria-labelledby="coverage-title">
<h2 id="coverage-title">Coverage</h2>
<p class="coverage">${escapeHtml(coverage)}</p>
${
  live.length === 0
    ? ''
    : `<p class="coverage-detail">${[...byVerdict]
        .map(([verdict, count]) => `${escapeHtml(VERDICT_LABELS[verdict])}: ${count}`)
        .join(' · ')}${dismissed === 0 ? '' : ` · ${dismissed} dismissed`}${
        changed === 0 ? '' : ` · ${changed} changed since ${changed === 1 ? 'its verdict' : 'their verdicts'}`
      }</p>`
}
</section>
<section aria-labelledby="claims-title">
<h2 id="claims-title">Claims</h2>
${claimList}
</section>
<section aria-labelledby="sources-title">
<h2 id="sources-title">Sources cited</h2>
${sourceList}
</section>
</main>
</body>
</html>
`;
}
