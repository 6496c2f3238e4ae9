export { isAllowedUrl, LINK_RULE_MESSAGE } from '../../shared/links';

/**
 * What a person typed into the link box, as an absolute URL: "example.com/x" becomes
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
