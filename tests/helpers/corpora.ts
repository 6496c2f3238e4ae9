/**
 * The shared test material the tests, benchmarks and evaluation read: the folder `shared` beside
 * the repository (../shared from its root), with real news, web pages, fact-check data, the
 * standards' schemas and the seed article. Every reader reaches it through these functions, so a
 * missing folder is reported once, by name, rather than as a file a test could not open.
 * README.md (Tests) names each corpus and what it is used for.
 */
import fs from 'node:fs';
import path from 'node:path';

/** ../shared from the repository's root. */
export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared');

/**
 * The path of `relative` inside the shared folder (`root`, ../shared unless a test says otherwise),
 * or an error naming what is missing and where it was looked for.
 */
export function material(relative: string, what: string, root: string = SHARED_DIR): string {
  const full = path.join(root, relative);
  if (!fs.existsSync(root)) {
    throw new Error(
      `The shared test material is missing: no folder ${root}. The tests read ${what} from ` +
        `${path.join('shared', relative)}, in a folder named shared beside the repository; put it there.`,
    );
  }
  if (!fs.existsSync(full)) {
    throw new Error(`The shared test material has no ${path.join('shared', relative)} (${what}): looked for ${full}.`);
  }
  return full;
}

/** BBC news: 2,225 stories of 2004–2005 in five sections, one plain-text file each (headline, then paragraphs). */
export function bbcNews(): string {
  return material(path.join('corpora', 'news', 'bbc'), 'the BBC news corpus');
}

/** The BBC corpus's manifest: each file's section, headline and the exact-duplicate groups. */
export function bbcManifestFile(): string {
  return material(path.join('corpora', 'news', 'bbc-manifest.csv'), "the BBC news corpus's manifest");
}

/** The news corpora's folder (bbc/ and its manifest), as the evaluation reads it. */
export function newsCorpora(): string {
  return material(path.join('corpora', 'news'), 'the news corpora');
}

/** 23 saved web pages, each with source.html, Readability's expected.html and expected-metadata.json. */
export function webPages(): string {
  return material(path.join('corpora', 'pages'), 'the saved web pages');
}

/** The standards' schemas and examples: ninjs, NewsML-G2, schema.org, W3C Web Annotation. */
export function schemas(): string {
  return material(path.join('corpora', 'schemas'), "the standards' schemas");
}

/** FEVER's development claims (paper_dev.jsonl), one claim a line. */
export function feverClaims(): string {
  return material(path.join('corpora', 'factcheck', 'fever', 'paper_dev.jsonl'), "FEVER's development claims");
}

/** The seed article: the story every structured field of Copydesk is built and checked against. */
export function seedArticle(): string {
  return material(path.join('samples', 'seed-article.txt'), 'the seed article');
}

/** The seed article's text. */
export function seedArticleText(): string {
  return fs.readFileSync(seedArticle(), 'utf8');
}
