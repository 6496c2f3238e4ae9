import packageJson from '../../package.json';
import type { AlsoSeePayload } from '../../shared/alsoSee';
import { readStoredBody } from '../../shared/body/readStoredBody';
import type { Article, Asset } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { imageExtension } from '../../shared/imageTypes';
import { publicAddressOf } from '../../shared/publicAddress';
import type { Claim, SnapshotMeta, Source } from '../../shared/sources';
import { getImage } from '../services/assets';
import { findArticle, getArticle } from '../services/articles';
import { listClaims } from '../services/claims';
import type { Library } from '../services/LibraryHost';
import { articleEntities } from '../services/related';
import type { Entity } from '../related/entities';
import { articleSources, getSource } from '../services/sources';
import type { Block, Inline } from './exportBody';
import { hasText, imageAssetIds, readBody } from './exportBody';

/** The program named as the generator of every package. */
export const GENERATOR = { name: 'Copydesk', version: packageJson.version } as const;

/** An image of the package: where it is written and what the article says about it. */
export type PackageImage = {
  asset: Asset;
  bytes: Uint8Array;
  /** The file's path inside the package, e.g. "assets/lead-harbour.jpg". */
  path: string;
  role: 'lead' | 'inline';
  caption: string;
  credit: string;
  /** What the picture shows for someone who cannot see it; '' when nobody wrote it (a page then reads the caption). */
  altText: string;
};

/**
 * The story an "Also See" block points at, or null when it is a library article no longer in
 * the library (or in the trash).
 */
export type LinkedStory = {
  /** The library article's id; null for a story outside the library. */
  id: string | null;
  headline: string;
  /** Where a reader finds it: its web address, or null when none is known (it is then written as text). */
  url: string | null;
  /** Its identifier in the machine-readable formats: its address, or urn:uuid:<id> for a library article without one. */
  uri: string;
} | null;

/** A story of the related list, with where a reader finds it when that is known. */
export type RelatedStory = { articleId: string | null; headline: string; teaser: string; url: string | null };

/** How a library story's public address is known: from the desk's pattern (Settings), or not at all. */
export type ExportOptions = { publicAddressPattern?: string };

/** The key of an Also See block in ExportData.alsoSee: the article's id, or the outside story's address. */
export function alsoSeeKey(block: Pick<AlsoSeePayload, 'articleId' | 'url'>): string {
  return block.articleId !== '' ? block.articleId : `url:${block.url}`;
}

/** Where a claim's words are in the exported plain text: [start, end). */
export type TextRange = { start: number; end: number };

/**
 * Everything the formats are written from, read from the library once: the article, its body
 * with the dateline in place, its claims, sources, images and linked articles.
 */
export type ExportData = {
  article: Article;
  now: Date;
  /** The article's identifier in every format: urn:uuid:<article id>. */
  uri: string;
  /** "ISLAMABAD:" or "ISLAMABAD, March 2, 2026:"; empty without a dateline. */
  datelineLabel: string;
  blocks: Block[];
  /** The body as plain text, the text annotation selectors count in. */
  plainText: string;
  claimRanges: ReadonlyMap<string, TextRange>;
  /** Claims still in the text, in document order of their words. */
  claims: Claim[];
  sources: Source[];
  snapshots: ReadonlyMap<string, SnapshotMeta>;
  images: PackageImage[];
  /** The stories the Also See blocks point at, by alsoSeeKey. */
  alsoSee: ReadonlyMap<string, LinkedStory>;
  /** The related list, each story with its public address when one is known. */
  related: RelatedStory[];
  /** The story's own public address, when one is known. */
  url: string | null;
  /** The people, places and organisations the story names, most mentioned first. */
  entities: Entity[];
};

/** A URN for an identifier of the library (UUIDs throughout). */
export function urn(id: string): string {
  return `urn:uuid:${id}`;
}

/** An RFC 6920 "ni" URI naming bytes by their SHA-256 (hex in, base64url out). */
export function niUri(sha256Hex: string): string {
  return `ni:///sha-256;${Buffer.from(sha256Hex, 'hex').toString('base64url')}`;
}

/** Characters as a reader counts them: code points, not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const char of text) if (char !== '') count += 1;
  return count;
}

/**
 * A safe file name from an image's original name: ASCII letters, digits and hyphens only, so
 * it means the same on every file system and in every URL, never "..", never a path.
 */
export function safeAssetStem(originalName: string): string {
  const stem = originalName
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem === '' ? 'image' : stem;
}

/**
 * "March 2, 2026", from a date ("2026-03-02", the day itself) or a timestamp (its day in UTC):
 * the one way every format writes a date for readers, so the dateline and the date under the
 * byline never disagree.
 */
export function readableDate(dateOrTimestamp: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/u.test(dateOrTimestamp) ? `${dateOrTimestamp}T00:00:00Z` : dateOrTimestamp;
  return new Date(instant).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}

function datelineLabel(article: Article): string {
  const place = article.dateline.trim();
  if (place === '') return '';
  if (article.datelineDate === '') return `${place}:`;
  return `${place}, ${readableDate(article.datelineDate)}:`;
}

/** The blocks with the dateline at the start of the first paragraph, as a wire story opens. */
function withDateline(blocks: readonly Block[], label: string): Block[] {
  if (label === '') return [...blocks];
  const dateline: Inline = { kind: 'dateline', text: label };
  const first = blocks.findIndex((block) => block.kind === 'paragraph');
  if (first === -1) return [{ kind: 'paragraph', children: [dateline] }, ...blocks];
  return blocks.map((block, index) =>
    index === first && block.kind === 'paragraph' ? { ...block, children: [dateline, ...block.children] } : block,
  );
}

/** Plain text of the blocks: blocks apart by a blank line; images and rules carry no text. */
export function blocksToPlainText(
  blocks: readonly Block[],
  alsoSee: ReadonlyMap<string, LinkedStory>,
): { text: string; ranges: Map<string, TextRange> } {
  const ranges = new Map<string, TextRange>();
  let text = '';
  const inline = (inlines: readonly Inline[], open: readonly string[]) => {
    for (const node of inlines) {
      if (node.kind === 'dateline') {
        text += `${node.text} `;
      } else if (node.kind === 'text' || node.kind === 'break') {
        const start = text.length;
        text += node.kind === 'text' ? node.text : '\n';
        for (const id of open) {
          const range = ranges.get(id);
          ranges.set(id, { start: range?.start ?? start, end: text.length });
        }
      } else if (node.kind === 'link') {
        inline(node.children, open);
      } else {
        inline(node.children, [...open, ...node.ids]);
      }
    }
  };
  const pieces: (() => void)[] = [];
  const addList = (list: Extract<Block, { kind: 'list' }>) => {
    for (const item of list.items) {
      pieces.push(() => inline(item.children, []));
      for (const nested of item.lists) addList(nested);
    }
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
      case 'quote':
        if (hasText(block.children)) pieces.push(() => inline(block.children, []));
        break;
      case 'list':
        addList(block);
        break;
      case 'also-see': {
        const linked = alsoSee.get(alsoSeeKey(block));
        if (linked !== null && linked !== undefined) pieces.push(() => (text += `Also See: ${linked.headline}`));
        break;
      }
      default:
        break;
    }
  }
  pieces.forEach((write, index) => {
    if (index > 0) text += '\n\n';
    write();
  });
  return { text, ranges };
}

/** An image of the article with its bytes, or a refusal that says which image is missing. */
function imageFor(lib: Library, assetId: string, role: PackageImage['role']): { asset: Asset; bytes: Uint8Array } {
  try {
    return getImage(lib, assetId);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not-found') {
      throw new ApiError(
        'not-found',
        role === 'lead'
          ? 'The lead image is no longer in this library. Choose the lead image again, then export.'
          : 'An image in the text is no longer in this library. Remove it or add the picture again, then export.',
      );
    }
    throw error;
  }
}

/** Reads what a package of `articleId` is written from. */
export function readExportData(lib: Library, articleId: string, now: Date, options: ExportOptions = {}): ExportData {
  const article = getArticle(lib, articleId);
  const label = datelineLabel(article);
  const saved = readBody(readStoredBody(article.body).body);
  const blocks = withDateline(saved, label);
  const pattern = options.publicAddressPattern ?? '';
  /** A library article as it is now, with its public address; null when it is gone or in the trash. */
  const libraryStory = (id: string): { headline: string; url: string | null } | null => {
    const stored = findArticle(lib, id);
    if (stored === undefined || stored.trashedAt !== null) return null;
    return { headline: stored.headline, url: publicAddressOf(pattern, stored) };
  };

  const alsoSee = new Map<string, LinkedStory>();
  for (const block of blocks) {
    if (block.kind !== 'also-see' || alsoSee.has(alsoSeeKey(block))) continue;
    if (block.articleId === '') {
      alsoSee.set(alsoSeeKey(block), { id: null, headline: block.headline.trim(), url: block.url, uri: block.url });
      continue;
    }
    const found = libraryStory(block.articleId);
    alsoSee.set(
      block.articleId,
      found === null ? null : { id: block.articleId, ...found, uri: found.url ?? urn(block.articleId) },
    );
  }
  const related = article.related.map(({ articleId: id, headline, teaser }): RelatedStory => ({
    articleId: id,
    headline,
    teaser,
    url: id === null ? null : (libraryStory(id)?.url ?? null),
  }));

  const { text: plainText, ranges } = blocksToPlainText(blocks, alsoSee);
  const claims = listClaims(lib, articleId)
    .filter((claim) => claim.state === 'attached' && ranges.has(claim.id))
    .sort((a, b) => (ranges.get(a.id)?.start ?? 0) - (ranges.get(b.id)?.start ?? 0));

  const sourceMap = new Map<string, Source>(articleSources(lib, articleId).map((source) => [source.id, source]));
  for (const claim of claims) {
    for (const evidence of claim.evidence) {
      if (!sourceMap.has(evidence.sourceId)) sourceMap.set(evidence.sourceId, getSource(lib, evidence.sourceId));
    }
  }
  const sources = [...sourceMap.values()];
  const snapshots = new Map<string, SnapshotMeta>();
  for (const source of sources) for (const snapshot of source.snapshots) snapshots.set(snapshot.id, snapshot);

  const images: PackageImage[] = [];
  const taken = new Set<string>();
  const place = (
    assetId: string,
    role: PackageImage['role'],
    about: Omit<PackageImage, 'asset' | 'bytes' | 'path' | 'role'>,
  ) => {
    if (images.some((image) => image.asset.id === assetId)) return;
    const { asset, bytes } = imageFor(lib, assetId, role);
    const number = images.filter((image) => image.role === 'inline').length + 1;
    const stem = `${role === 'lead' ? 'lead' : String(number).padStart(2, '0')}-${safeAssetStem(asset.originalName)}`;
    let name = stem;
    for (let n = 2; taken.has(name); n += 1) name = `${stem}-${n}`;
    taken.add(name);
    images.push({ asset, bytes, path: `assets/${name}.${imageExtension(asset.mimeType) ?? 'bin'}`, role, ...about });
  };
  if (article.leadImage !== null) {
    place(article.leadImage.asset.id, 'lead', {
      caption: article.leadImage.caption,
      credit: article.leadImage.credit,
      altText: article.leadImage.altText,
    });
  }
  for (const assetId of imageAssetIds(blocks)) {
    const block = blocks.find((candidate) => candidate.kind === 'image' && candidate.assetId === assetId);
    if (block?.kind === 'image') {
      place(assetId, 'inline', {
        caption: block.caption,
        credit: block.credit,
        altText: block.altText,
      });
    }
  }

  return {
    article,
    now,
    uri: urn(article.id),
    datelineLabel: label,
    blocks,
    plainText,
    claimRanges: ranges,
    claims,
    sources,
    snapshots,
    images,
    alsoSee,
    related,
    url: publicAddressOf(pattern, article),
    entities: [...articleEntities(lib, article.id)].sort((a, b) => b.mentions - a.mentions),
  };
}
