/** The only kinds of address a link in an article may point to. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export const LINK_RULE_MESSAGE = 'A link must be a web address (http:// or https://) or an email address (mailto:).';

/**
 * True for an absolute http:, https: or mailto: URL: the only links a body may hold, whether
 * typed, pasted or imported.
 */
export function isAllowedUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
    return parsed.protocol === 'mailto:' ? parsed.pathname.length > 0 : parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The rel every link in a body carries, however it was made: the page it opens is not told where it came from. */
export const BODY_LINK_REL = 'noreferrer';

/**
 * What a person typed as a link's address, as an absolute URL: "example.com/x" becomes
 * "https://example.com/x" and "name@example.com" becomes "mailto:name@example.com".
 * Anything else is returned trimmed, for isAllowedUrl to judge.
 */
export function normaliseUrl(input: string): string {
  const value = input.trim();
  if (value === '') return value;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value);
  // "example.com:8080/x" has a port, not a scheme.
  if (scheme !== null && (value.includes('://') || !scheme[1]?.includes('.'))) return value;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  if (/^(www\.)?[^\s/]+\.[a-z]{2,}(?:[/?#:]\S*)?$/i.test(value)) return `https://${value}`;
  return value;
}

/** Where an article opens in Copydesk. */
export function articleHref(articleId: string): string {
  return `#/article/${encodeURIComponent(articleId)}`;
}

/** The elements of a story's body that survive sanitising, wherever the HTML came from. */
export const STORY_TAGS = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'strike',
  'del',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
] as const;
