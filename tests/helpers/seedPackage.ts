/**
 * The seed article (../shared/samples/seed-article.txt) built in Copydesk the way a desk would:
 * imported, its Also See and first related story linked to articles of the library, a lead
 * image with its credit and an inline image, sources with snapshots, claims marked in the
 * text, evidence and verdicts.
 */

import { importFiles } from '../../electron/import/importFiles';
import { createArticle, getArticle, saveArticle } from '../../electron/services/articles';
import { addImage } from '../../electron/services/assets';
import { addEvidence, createClaim, setVerdict } from '../../electron/services/claims';
import type { Library } from '../../electron/services/LibraryHost';
import { addSource, getSnapshot } from '../../electron/services/sources';
import type { Article, Body, StoredBody } from '../../shared/domain';
import { BodySchema } from '../../shared/domain';
import type { Claim, ClaimKind } from '../../shared/sources';
import { bodyFromParagraphs } from '../../shared/text';
import { seedArticle } from './corpora';
import { jpegImage, pngImage } from './images';
import type { manualClock } from './library';

export const SEED_ARTICLE = seedArticle();

export const ALSO_SEE_HEADLINE = 'Russia Warns UN: ISIS May Have Access to U.S. Weapons in Afghanistan';
export const FIRST_RELATED_HEADLINE = 'Anonymous Sources, Big Claims, Thin Ground';

/** The foreign ministry's statement, as a fact-checker would paste it as a source. */
export const MINISTRY_STATEMENT = [
  'Press release: 11th meeting of the Pakistan-Russia Joint Working Group on Counter Terrorism',
  'The two sides held an in-depth exchange of views on the global and regional terrorism landscape, with particular attention to the evolving threat posed by terrorism in Afghanistan and the region.',
  'The discussions focused around the increasingly transnational nature of terrorism and the growing need for adaptive and cooperative strategies.',
  'The next meeting of the Joint Working Group will be held in 2026.',
].join('\n\n');

/**
 * The text files every export package holds, in the order they are written: the article's
 * formats come before its pictures, the fact-check report after them.
 */
export const PACKAGE_FORMATS = [
  'article.html',
  'article.md',
  'article.ninjs.json',
  'article.newsml.xml',
  'claims.jsonld',
  'annotations.jsonld',
  'sources.csl.json',
] as const;
export const PACKAGE_REPORT = 'factcheck-report.html';

type JsonNode = { type: string; text?: string; children?: JsonNode[]; [key: string]: unknown };

/**
 * The body with `text` (inside one text node) wrapped in a claim mark, as the editor marks a
 * claim: the text node split around it, the middle inside a MarkNode with the claim's id.
 */
export function markClaim(body: StoredBody, text: string, claimId: string): Body {
  const found = { done: false };
  const visit = (nodes: JsonNode[]): JsonNode[] =>
    nodes.flatMap((node) => {
      if (!found.done && node.type === 'text' && typeof node.text === 'string' && node.text.includes(text)) {
        found.done = true;
        const at = node.text.indexOf(text);
        const before = node.text.slice(0, at);
        const after = node.text.slice(at + text.length);
        return [
          ...(before === '' ? [] : [{ ...node, text: before }]),
          {
            type: 'mark',
            version: 1,
            ids: [claimId],
            direction: null,
            format: '',
            indent: 0,
            children: [{ ...node, text }],
          },
          ...(after === '' ? [] : [{ ...node, text: after }]),
        ];
      }
      return node.children === undefined ? [node] : [{ ...node, children: visit(node.children) }];
    });
  const children = visit(body.root.children);
  if (!found.done) throw new Error(`"${text}" is not in one run of the body's text`);
  return BodySchema.parse({ root: { ...body.root, children } });
}

export type SeedPackage = {
  article: Article;
  alsoSee: Article;
  claims: { toll: Claim; statement: Claim; meeting: Claim; unchecked: Claim };
};

/** Builds the seed article with everything an export carries; `clock` dates each step. */
export async function buildSeedArticle(lib: Library, clock: ReturnType<typeof manualClock>): Promise<SeedPackage> {
  const alsoSee = createArticle(lib, { headline: ALSO_SEE_HEADLINE, body: bodyFromParagraphs(['Earlier story.']) });
  createArticle(lib, { headline: FIRST_RELATED_HEADLINE, body: bodyFromParagraphs(['An earlier analysis.']) });
  const report = await importFiles(lib, [SEED_ARTICLE], { context: { clock: () => clock(), userName: 'Amna Riaz' } });
  const id = report.imported[0]?.id;
  if (id === undefined) throw new Error(`the seed article was not imported: ${JSON.stringify(report.failed)}`);

  const lead = addImage(lib, 'MOFA Pakistan – talks in Moscow.jpg', jpegImage(640, 360));
  const inline = addImage(lib, 'crocus-city-hall.png', pngImage(32, 24));
  const checker = { clock: () => clock(), userName: 'Omar Khan' };

  const claim = (kind: ClaimKind, text: string) => createClaim(lib, id, kind, text, checker);
  const toll = claim('figure', 'killed over 140 people');
  const statement = claim(
    'quote',
    '“The discussions focused around the increasingly transnational nature of terrorism and the growing need for adaptive and cooperative strategies.”',
  );
  const meeting = claim('date', 'next meeting in 2026');
  const unchecked = claim('attribution', 'allegations denied by Kabul');

  const article = getArticle(lib, id);
  let body: Body = BodySchema.parse(article.body);
  for (const [text, marked] of [
    ['killed over 140 people', toll],
    [statement.text, statement],
    ['next meeting in 2026', meeting],
    ['allegations denied by Kabul', unchecked],
  ] as const) {
    body = markClaim(body, text, marked.id);
  }
  // A picture of the venue after the third paragraph, credited, as the photo desk places it.
  const children = [...body.root.children];
  children.splice(3, 0, {
    type: 'inline-image',
    version: 1,
    assetId: inline.id,
    altText: 'The Crocus City Hall concert venue',
    caption: 'Crocus City Hall, near Moscow, after the attack.',
    credit: 'Reuters',
    width: inline.width,
    height: inline.height,
  });
  body = BodySchema.parse({ root: { ...body.root, children } });
  clock.advance(60_000);
  saveArticle(
    lib,
    id,
    article.version,
    {
      body,
      section: 'World',
      tags: ['Pakistan', 'Russia', 'counterterrorism'],
      leadImage: {
        assetId: lead.id,
        caption: 'Pakistani and Russian officials at the working group meeting in Moscow.',
        credit: 'MOFA Pakistan',
      },
    },
    checker,
  );

  const source = await addSource(
    lib,
    { kind: 'paste', text: MINISTRY_STATEMENT, label: 'Ministry statement' },
    {
      kind: 'official-statement',
      title: 'Pakistan-Russia Joint Working Group on Counter Terrorism: press release',
      publisher: 'Ministry of Foreign Affairs, Pakistan',
      url: 'https://mofa.gov.pk/press-releases/pakistan-russia-jwg',
      publishedDate: '2025-06-10',
      reliability: 'A',
    },
    id,
    clock,
  );
  const wire = await addSource(
    lib,
    {
      kind: 'paste',
      text: 'At least 145 people were killed in the attack on Crocus City Hall on March 22, 2024.',
      label: 'Wire',
    },
    {
      kind: 'wire-copy',
      title: 'Death toll in Moscow concert hall attack rises to 145',
      publisher: 'Reuters',
      author: 'Guy Faulconbridge',
      reliability: 'B',
    },
    id,
    clock,
  );
  const statementSnapshot = getSnapshot(lib, source.snapshots[0]?.id ?? '');
  const wireSnapshot = getSnapshot(lib, wire.snapshots[0]?.id ?? '');
  const passage = (text: string, snapshot: typeof statementSnapshot) => {
    const start = snapshot.text.indexOf(text);
    if (start < 0) throw new Error(`"${text}" is not in the snapshot`);
    return { snapshotId: snapshot.id, start, end: start + text.length };
  };
  addEvidence(
    lib,
    toll.id,
    { ...passage('145 people were killed', wireSnapshot), note: 'Reuters puts the toll at 145.' },
    checker,
  );
  addEvidence(
    lib,
    statement.id,
    {
      ...passage(
        'The discussions focused around the increasingly transnational nature of terrorism and the growing need for adaptive and cooperative strategies.',
        statementSnapshot,
      ),
      note: 'Word for word in the statement.',
    },
    checker,
  );
  addEvidence(lib, meeting.id, { ...passage('will be held in 2026', statementSnapshot), note: '' }, checker);
  clock.advance(60_000);
  setVerdict(lib, toll.id, 'verified', 'Reuters: 145 killed.', checker);
  setVerdict(lib, statement.id, 'verified', 'Matches the press release.', checker);
  setVerdict(lib, meeting.id, 'partly-true', 'The statement says 2026 but gives no date.', checker);

  return { article: getArticle(lib, id), alsoSee, claims: { toll, statement, meeting, unchecked } };
}
