import { $generateHtmlFromNodes } from '@lexical/html';
import DOMPurify from 'dompurify';
import type { LexicalEditor } from 'lexical';

import { COMMENT_THREADS_ATTRIBUTE } from '../../../shared/body/lexical/CommentNode';
import type { CommentThread } from '../../../shared/comments';
import { escapeHtml } from '../../../shared/escapeHtml';
import { plural } from '../../../shared/plural';
import { slugify } from '../../../shared/text';
import { suggestionWords, whenText } from '../../editor/plugins/SuggestionsPlugin';
import type { SuggestionSummary } from '../../editor/suggestions';

const STYLE = `body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; font: 1.05rem/1.6 Georgia, serif; color: #1c1c1e; }
header { border-bottom: 1px solid #cfccc4; margin-bottom: 1.5rem; }
.kicker, .meta { font: 0.85rem/1.4 system-ui, sans-serif; color: #55555a; }
ins { background: #dff3e4; color: #1d5c30; text-decoration: underline; }
del { background: #fbe3e1; color: #9a2119; text-decoration: line-through; }
ins[data-author]::after, del[data-author]::after { content: " [" attr(data-author) "]"; font: 0.7rem system-ui, sans-serif; }
ins[data-moved], del[data-moved] { text-decoration-style: double; }
ins[data-moved][data-author]::after { content: " [moved here by " attr(data-author) "]"; }
del[data-moved][data-author]::after { content: " [moved from here by " attr(data-author) "]"; }
ins[data-split]::before { content: "¶"; font-weight: 600; }
span[data-suggestion] { border-bottom: 2px dotted #5b3fa8; }
span[data-suggestion][data-author]::after { content: " [" attr(data-author) ": " attr(data-change) "]"; font: 0.7rem system-ui, sans-serif; }
mark { background: #fdf0d5; border-bottom: 2px solid #c98a1a; color: inherit; }
sup { font: 0.7rem system-ui, sans-serif; color: #8a5a00; }
blockquote { margin: 0.25rem 0; font-style: italic; }
section { border-top: 1px solid #cfccc4; margin-top: 2rem; font: 0.9rem/1.5 system-ui, sans-serif; }
@media print { body { margin: 0 auto; } }`;

const nameOf = (author: string) => (author === '' ? 'Someone unnamed' : author);

/**
 * The text's commented words for a proof: the words of each open thread highlighted and
 * numbered after their last word, in the order they come; the anchors of resolved threads left
 * out. Answers with the text, and the open threads in their numbered order (how many are
 * numbered), those whose words were deleted last.
 */
function numberComments(
  html: string,
  threads: readonly CommentThread[],
): { html: string; open: CommentThread[]; numbered: number } {
  const open = new Map<string, CommentThread>(
    threads.filter((thread) => !thread.resolved).map((thread) => [thread.id, thread]),
  );
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const spans = [...doc.body.querySelectorAll(`[${COMMENT_THREADS_ATTRIBUTE}]`)];
  const last = new Map<string, Element>();
  const order: string[] = [];
  for (const span of spans) {
    const ids = (span.getAttribute(COMMENT_THREADS_ATTRIBUTE) ?? '').split(' ').filter((id) => open.has(id));
    for (const id of ids) {
      if (!order.includes(id)) order.push(id);
      last.set(id, span);
    }
  }
  for (const span of spans) {
    const ids = (span.getAttribute(COMMENT_THREADS_ATTRIBUTE) ?? '').split(' ').filter((id) => open.has(id));
    const replacement = ids.length === 0 ? doc.createDocumentFragment() : doc.createElement('mark');
    replacement.append(...span.childNodes);
    for (const id of ids) {
      if (last.get(id) !== span) continue;
      const sup = doc.createElement('sup');
      sup.textContent = `[${order.indexOf(id) + 1}]`;
      replacement.append(sup);
    }
    span.replaceWith(replacement);
  }
  const numbered = order.flatMap((id) => open.get(id) ?? []);
  const orphans = [...open.values()].filter((thread) => !order.includes(thread.id));
  return { html: doc.body.innerHTML, open: [...numbered, ...orphans], numbered: numbered.length };
}

function commentList(threads: readonly CommentThread[], numbered: number, now: Date): string {
  return threads
    .map((thread, index) => {
      const entries = thread.entries
        .filter((entry) => entry.kind === 'comment')
        .map(
          (entry) =>
            `<p><strong>${escapeHtml(nameOf(entry.author))}</strong> · ${escapeHtml(whenText(entry.at, now))}: ${escapeHtml(entry.text)}</p>`,
        )
        .join('');
      const where = index < numbered ? `[${index + 1}]` : '(its words were deleted from the text)';
      return `<li>${where} <blockquote>${escapeHtml(thread.quote)}</blockquote>${entries}</li>`;
    })
    .join('');
}

/**
 * The story as a marked-up copy, for a printed proof: the text with the suggested additions
 * underlined and removals struck through, each signed, and the words of open comments
 * highlighted and numbered; then the list of suggestions and the comments. A standalone HTML
 * document that runs nothing.
 */
export function markedUpCopy(
  editor: LexicalEditor,
  story: { headline: string; byline: string },
  suggestions: readonly SuggestionSummary[],
  comments: readonly CommentThread[] = [],
  now = new Date(),
): { html: string; fileName: string } {
  const { html: text, open, numbered } = numberComments(storyHtml(editor), comments);
  const list = suggestions
    .map(
      (item) =>
        `<li>${escapeHtml(nameOf(item.author))}${
          item.at === '' ? '' : ` · ${escapeHtml(whenText(item.at, now))}`
        }: ${escapeHtml(suggestionWords(item))}</li>`,
    )
    .join('');
  return proof('Marked-up copy', 'marked-up', story, now, {
    note: `${plural(suggestions.length, 'suggested change')} waiting: words to add are underlined, words to take out struck through, each signed in brackets. ${plural(open.length, 'open comment')}: the words commented on are highlighted and numbered, the comments listed at the end. Pictures are left out of this copy.`,
    text,
    after: `<section>
<h2>Suggested changes</h2>
${suggestions.length === 0 ? '<p>None.</p>' : `<ol>${list}</ol>`}
</section>
<section>
<h2>Comments</h2>
${open.length === 0 ? '<p>None open.</p>' : `<ul>${commentList(open, numbered, now)}</ul>`}
</section>`,
  });
}

/** The text of the editor as HTML that runs nothing: no pictures, no styles, no classes. */
function storyHtml(editor: LexicalEditor): string {
  return DOMPurify.sanitize(
    editor.read(() => $generateHtmlFromNodes(editor, null)),
    { FORBID_ATTR: ['style', 'class'], FORBID_TAGS: ['img'] },
  );
}

/**
 * The story as a clean copy: the text as it would read with every suggestion accepted (words
 * suggested for removal gone, additions in as plain words), without comments. A standalone
 * HTML document that runs nothing.
 */
export function cleanCopy(
  editor: LexicalEditor,
  story: { headline: string; byline: string },
  now = new Date(),
): { html: string; fileName: string } {
  const doc = new DOMParser().parseFromString(`<body>${storyHtml(editor)}</body>`, 'text/html');
  for (const removed of doc.body.querySelectorAll('del[data-suggestion]')) removed.remove();
  for (const kept of doc.body.querySelectorAll(`ins[data-suggestion], [${COMMENT_THREADS_ATTRIBUTE}]`))
    kept.replaceWith(...kept.childNodes);
  return proof('Clean copy', 'clean', story, now, {
    note: 'The text as it reads with every suggested change accepted; comments are left out, as are pictures.',
    text: doc.body.innerHTML,
    after: '',
  });
}

/** A proof of the story as a standalone HTML document: its kind, when it was made, the story's headline and byline, a note, the text and what follows. */
function proof(
  kind: string,
  suffix: string,
  story: { headline: string; byline: string },
  now: Date,
  parts: { note: string; text: string; after: string },
): { html: string; fileName: string } {
  const headline = story.headline.trim() === '' ? 'Untitled story' : story.headline.trim();
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${kind}: ${escapeHtml(headline)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="kicker">${kind} · ${escapeHtml(now.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }))}</p>
<h1>${escapeHtml(headline)}</h1>
${story.byline.trim() === '' ? '' : `<p class="meta">By ${escapeHtml(story.byline.trim())}</p>`}
<p class="meta">${escapeHtml(parts.note)}</p>
</header>
<main>
${parts.text}
</main>
${parts.after}
</body>
</html>
`;
  const stem = slugify(headline) || 'story';
  return { html, fileName: `${stem}-${suffix}.html` };
}
