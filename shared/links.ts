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
