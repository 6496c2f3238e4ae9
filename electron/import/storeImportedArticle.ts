import type { ArticlePatch } from '../../shared/api';
import { ArticlePatchSchema, bodySizeProblem } from '../../shared/api';
import type { Body, BodyAlsoSee, BodyImage, BodyRoot } from '../../shared/body/bodySchema';
import type { ArticleId } from '../../shared/domain';
import { ArticleIdSchema } from '../../shared/domain';
import { describeIssues } from '../../shared/errors';
import { bodyToPlainText, nodeToPlainText } from '../../shared/text';
import type { EditContext } from '../services/articles';
import { findSummary, insertNewArticle, slugTaken } from '../services/articles';
import { addImage } from '../services/assets';
import { authorNamed } from '../services/authors';
import { articleWithHash, articleWithText, findArticleByHeadline, recordImport, textHash } from '../services/imports';
import { keepCapture } from '../services/sources';
import type { Library } from '../services/LibraryHost';
import type { ImportedArticle } from './importedArticle';
import { collapseSpace, headlineKey } from './importedArticle';
import { refuse } from './importFormats';

/** What storing one imported article did. */
export type StoreOutcome =
  | {
      kind: 'imported';
      id: ArticleId;
      headline: string;
      /** "Also See" headlines no article in the library has; they stay as text. */
      unlinkedAlsoSee: string[];
      notes: string[];
    }
  | { kind: 'duplicate'; existingId: ArticleId; existingHeadline: string; existingTrashed: boolean };

const ALSO_SEE = /^\s*also see:\s*(\S.*?)\s*$/isu;

type Block = BodyRoot['children'][number];

/** The words of a top-level paragraph, or null for any other block. */
function paragraphText(node: Block): string | null {
  return node.type === 'paragraph' ? nodeToPlainText(node) : null;
}

/**
 * The library article a file links to: the one it names by identifier when the library still
 * has it, live, else the live article whose headline is exactly `headline`.
 */
function linkedArticle(
  lib: Library,
  headline: string,
  linkedIds: ReadonlyMap<string, string> | undefined,
): ArticleId | null {
  const named = linkedIds?.get(headlineKey(headline));
  if (named !== undefined) {
    const summary = findSummary(lib, named);
    if (summary !== undefined && summary.trashedAt === null) return ArticleIdSchema.parse(summary.id);
  }
  return findArticleByHeadline(lib, headline);
}

/**
 * Replaces each top-level "Also See: <headline>" paragraph with an Also See block linked to
 * the article with that headline, or to the story outside the library whose address the file
 * gives for it. A headline the library does not have and with no address stays a paragraph.
 */
export function linkAlsoSee(
  lib: Library,
  body: Body,
  linkedIds?: ReadonlyMap<string, string>,
  linkedAddresses?: ReadonlyMap<string, string>,
): { body: Body; unlinked: string[] } {
  const unlinked: string[] = [];
  const children = body.root.children.map((node): Block => {
    const match = ALSO_SEE.exec(paragraphText(node) ?? '');
    if (match === null) return node;
    const headline = (match[1] ?? '').replace(/\s+/gu, ' ');
    const articleId = linkedArticle(lib, headline, linkedIds);
    if (articleId !== null) return { type: 'also-see', version: 1, articleId } satisfies BodyAlsoSee;
    // A story outside the library the file gives the address of.
    const url = linkedAddresses?.get(headlineKey(headline));
    if (url !== undefined) return { type: 'also-see', version: 1, articleId: '', url, headline } satisfies BodyAlsoSee;
    unlinked.push(headline);
    return node;
  });
  const linked = children.some((node, index) => node !== body.root.children[index]);
  return { body: linked ? { root: { ...body.root, children } } : body, unlinked };
}

/**
 * Stores the pictures that came with an import and puts each inline one in place of its
 * placeholder paragraph; returns the body and the lead image to save with the article.
 */
function storeImages(
  lib: Library,
  imported: ImportedArticle,
  body: Body,
): { body: Body; leadImage: ArticlePatch['leadImage'] } {
  if (imported.images.length === 0) return { body, leadImage: undefined };
  let leadImage: ArticlePatch['leadImage'];
  const inline = new Map<string, BodyImage>();
  for (const image of imported.images) {
    const asset = addImage(lib, image.name, Buffer.from(image.bytes));
    if (image.placeholder === null) {
      leadImage ??= {
        assetId: asset.id,
        caption: image.caption.slice(0, 1000),
        credit: image.credit.slice(0, 300),
        altText: image.altText.slice(0, 1000),
      };
    } else {
      inline.set(image.placeholder, {
        type: 'inline-image',
        version: 1,
        assetId: asset.id,
        altText: image.altText,
        caption: image.caption,
        credit: image.credit,
        width: asset.width,
        height: asset.height,
      });
    }
  }
  const children = body.root.children.map((node) => {
    const text = paragraphText(node);
    return (text === null ? undefined : inline.get(text.trim())) ?? node;
  });
  return { body: { root: { ...body.root, children } }, leadImage };
}

/** The body without the paragraphs that hold the place of pictures still to be stored. */
function withoutPlaceholders(body: Body, imported: ImportedArticle): Body {
  const placeholders = new Set(
    imported.images.flatMap((image) => (image.placeholder === null ? [] : [image.placeholder])),
  );
  if (placeholders.size === 0) return body;
  const children = body.root.children.filter((node) => {
    const text = paragraphText(node);
    return text === null || !placeholders.has(text.trim());
  });
  return { root: { ...body.root, children } };
}

/** The article fields of an import, validated as any other save is. */
function patchOf(lib: Library, imported: ImportedArticle, body: Body, fileName: string, notes: string[]): ArticlePatch {
  let slug = imported.slug ?? undefined;
  if (slug !== undefined && slugTaken(lib, slug)) {
    notes.push(`The slug "${slug}" is used by another article; one was made from the headline instead.`);
    slug = undefined;
  }
  const candidate = {
    headline: imported.headline,
    dek: imported.dek,
    authorIds: imported.authors.map((author) => authorNamed(lib, author.name, author.bio).id),
    dateline: imported.dateline,
    datelineDate: imported.datelineDate,
    syndicationCredit: imported.syndicationCredit,
    ...imported.publishing,
    // A credit named without its picture is kept for the picture to be added.
    leadImageCredit: collapseSpace(imported.leadImage?.credit ?? '').slice(0, 300),
    ...(imported.language === null ? {} : { language: imported.language }),
    ...(slug === undefined ? {} : { slug }),
    body,
    section: imported.section,
    tags: imported.tags,
    // The "Recent" list: each story linked to the library's article with that headline, if any.
    related: imported.related.slice(0, 50).map((story) => ({
      articleId: linkedArticle(lib, story.headline, imported.linkedIds),
      headline: story.headline,
      teaser: story.teaser,
    })),
  };
  const parsed = ArticlePatchSchema.safeParse(candidate);
  if (!parsed.success) {
    if (bodySizeProblem(body) !== null) {
      throw refuse(`${fileName} is too large to import: its text would be more than 8 MB of editor data.`);
    }
    throw refuse(`${fileName} could not be imported: ${describeIssues(parsed.error.issues)}`);
  }
  return parsed.data;
}

/**
 * Stores an imported article, all or nothing: skipped when an article with the same text is
 * already in the library; otherwise created with its authors (found or added by name, with
 * their bios), its Also See links, its content hash and a record of the file it came from.
 * Inside a caller's transaction this is a savepoint, so a failure undoes only this article.
 */
export function storeImportedArticle(
  lib: Library,
  imported: ImportedArticle,
  fileName: string,
  context: EditContext = {},
): StoreOutcome {
  return lib.db.transaction(() => storeInTransaction(lib, imported, fileName, context)).immediate();
}

/** An imported article to store, and the name of the file it was read from. */
export type ImportToStore = { imported: ImportedArticle; fileName: string };

/**
 * Stores imported articles as storeImportedArticle stores each, in one transaction (a savepoint
 * inside a caller's), and returns what became of each, in order: its outcome, or the error that
 * kept it out. The articles are written under one savepoint rather than one each: the search
 * index writes out the words it holds at every savepoint, so a savepoint per article would make
 * each article a segment of its own, several times the work of writing the batch's words at once.
 * When one of them fails, that savepoint is undone; the articles before it are stored again,
 * the failed one is tried once more on its own, and the rest follow: a failure still keeps out
 * only its own article, and every outcome is that of what stands. An error that ends the whole
 * transaction (a full disk) is thrown: nothing of the batch stands.
 *
 * With `untilMs`, the transaction takes articles only until it has run that long (always one at
 * least): the outcomes are then those of the front of `items`, and the rest is left for another.
 */
export function storeImportedArticles(
  lib: Library,
  items: readonly ImportToStore[],
  context: EditContext = {},
  untilMs = Number.POSITIVE_INFINITY,
): (StoreOutcome | Error)[] {
  const started = performance.now();
  const outOfTime = () => performance.now() - started >= untilMs;
  return lib.db
    .transaction(() => {
      const outcomes: (StoreOutcome | Error)[] = [];
      let next = 0;
      let end = items.length;
      while (next < items.length) {
        const stored: StoreOutcome[] = [];
        const attempt: { failed?: { index: number; error: Error } } = {};
        try {
          lib.db.transaction(() => {
            for (let index = next; index < end; index += 1) {
              if (index > next && outOfTime()) {
                end = index;
                break;
              }
              const item = items[index] as ImportToStore;
              try {
                stored.push(storeInTransaction(lib, item.imported, item.fileName, context));
              } catch (error) {
                attempt.failed = { index, error: error instanceof Error ? error : new Error(String(error)) };
                throw error;
              }
            }
          })();
        } catch (error) {
          if (attempt.failed === undefined || !lib.db.inTransaction) throw error;
        }
        const failure = attempt.failed;
        if (failure !== undefined && failure.index > next) {
          // Undone with the failed one: the articles before it, stored again without it.
          end = failure.index;
          continue;
        }
        if (failure === undefined) {
          outcomes.push(...stored);
          next = end;
        } else {
          outcomes.push(failure.error);
          next += 1;
        }
        end = items.length;
        if (outOfTime()) break;
      }
      return outcomes;
    })
    .immediate();
}

/** storeImportedArticle's work, inside the caller's transaction (which undoes it on a throw). */
function storeInTransaction(
  lib: Library,
  imported: ImportedArticle,
  fileName: string,
  context: EditContext,
): StoreOutcome {
  const text = bodyToPlainText(imported.body);
  const linked = linkAlsoSee(lib, imported.body, imported.linkedIds, imported.linkedAddresses);
  // The file's text as read, or as the article reads once stored (Also See lines linked,
  // pictures in place): an exported article comes back as the second.
  const storedText = bodyToPlainText(withoutPlaceholders(linked.body, imported));
  const hash = textHash(imported.headline, text);
  const existing =
    articleWithHash(lib, hash) ??
    (storedText === text ? undefined : articleWithText(lib, imported.headline, storedText));
  if (existing !== undefined) {
    return {
      kind: 'duplicate',
      existingId: existing.id,
      existingHeadline: existing.headline,
      existingTrashed: existing.trashed,
    };
  }
  const notes = [...imported.notes];
  const unlinked = linked.unlinked;
  const { body, leadImage } = storeImages(lib, imported, linked.body);
  const patch = patchOf(lib, imported, body, fileName, notes);
  // Stored with the hash of the text it was imported with: importing that file again finds it.
  const article = insertNewArticle(lib, leadImage === undefined ? patch : { ...patch, leadImage }, context, {
    contentHash: hash,
  });
  const id = ArticleIdSchema.parse(article.id);
  const image = imported.leadImage;
  recordImport(lib, {
    articleId: id,
    fileName,
    format: imported.format,
    sourceUrl: imported.source.url,
    siteName: imported.source.siteName,
    publishedAt: imported.source.publishedTime,
    leadImageUrl: image?.url ?? '',
    leadImageCredit: image?.credit ?? '',
    leadImageCaption: image?.caption ?? '',
    importedAt: article.createdAt,
  });
  if (imported.keepAsSource !== undefined) {
    keepCapture(lib, imported.keepAsSource, {}, id, article.createdAt);
    notes.push(
      `The file is kept as the story's source, with its text as a snapshot (Sources panel): "${imported.keepAsSource.about.title}".`,
    );
  }
  if (imported.format === 'ninjs' || imported.format === 'package') {
    if (image !== null) {
      notes.push(
        `The file names a lead image${image.url === '' ? '' : ` at ${image.url}`}${image.credit === '' ? '' : ` (credit: ${image.credit})`} but has no picture for it; add the image to show it.`,
      );
    }
  } else if (image !== null && image.credit !== '' && article.content.leadImage === null) {
    notes.push(
      `The file names a lead image credit ("${image.credit}") but has no picture: the credit is kept on the article, beside Choose lead image, and the picture you add takes it.`,
    );
  }
  return { kind: 'imported', id, headline: article.content.headline, unlinkedAlsoSee: unlinked, notes };
}
