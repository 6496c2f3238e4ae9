/**
 * "Also See" blocks, for the editor, the checklist and the exporters: a block points at a story
 * of the library by its id, or at a story elsewhere by its web address and headline.
 */

/** What an Also See block of a body holds. A story of the library has an id and no address. */
export type AlsoSeePayload = {
  /** The library article's id; empty for a story outside the library. */
  articleId: string;
  /** The web address of a story outside the library; empty for a library article. */
  url: string;
  /** The headline of a story outside the library (a library article's is read when shown). */
  headline: string;
};

export const MAX_ALSO_SEE_URL = 2000;
export const MAX_ALSO_SEE_HEADLINE = 300;

/** The fields of a serialised also-see node; anything missing or of another type reads as empty. */
export function alsoSeeOf(node: Readonly<Record<string, unknown>>): AlsoSeePayload {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { articleId: text(node.articleId), url: text(node.url), headline: text(node.headline) };
}

/** True for a block that points outside the library. */
export function isOutsideStory(payload: AlsoSeePayload): boolean {
  return payload.articleId === '' && payload.url !== '';
}

/** What is wrong with the web address of a story outside the library, in words for the person typing it; null when it will do. */
export function storyAddressProblem(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return 'Type or paste the story’s web address, such as https://www.example.com/news/story.';
  if (trimmed.length > MAX_ALSO_SEE_URL) return `A web address is at most ${MAX_ALSO_SEE_URL} characters.`;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return `“${trimmed.slice(0, 80)}” is not a web address: it should start with https:// (or http://).`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'Only a web page can be an Also See: the address starts with https:// (or http://).';
  }
  if (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost') {
    return `“${parsed.hostname}” is not a site’s name: check the address.`;
  }
  return null;
}

/** What is wrong with the headline given to a story outside the library; null when it will do. */
export function storyHeadlineProblem(headline: string): string | null {
  const trimmed = headline.trim();
  if (trimmed === '') return 'Give the story’s headline: it is what the reader sees and clicks.';
  if (trimmed.length > MAX_ALSO_SEE_HEADLINE) return `A headline is at most ${MAX_ALSO_SEE_HEADLINE} characters.`;
  return null;
}

/** The site a web address belongs to, as a reader names it: "www.example.com" → "example.com". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return '';
  }
}
