import { createHash } from 'node:crypto';

/** Text as the duplicate check compares it: composed Unicode, lower case, single spaces. */
function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The SHA-256 (hex) identifying an article's text: its headline and body text, normalised so
 * that the same story saved with different line ends, spacing or capitalisation is the same.
 */
export function contentHash(headline: string, bodyText: string): string {
  return createHash('sha256').update(normalise(headline)).update('\n').update(normalise(bodyText)).digest('hex');
}
