import type { Body } from '../shared/domain';
import { bodyFromParagraphs, bodyToPlainText } from '../shared/text';

const FILLER =
  'The harbour authority said the night ferry would run on a trial basis from March, with crossings every two hours and fares held at last year’s level.';

/** The headline a writer gives `version` of its article: unique to the round and the version. */
export function savedHeadline(round: number, version: number): string {
  return `Round ${round} save ${version}`;
}

/**
 * The body a writer gives `version` of its article. Its length changes from save to save
 * (1 to 40 paragraphs) so that saves grow, shrink and move pages, as editing does.
 */
export function savedBody(round: number, version: number): Body {
  const paragraphs = 1 + ((round * 31 + version * 17) % 40);
  return bodyFromParagraphs(
    Array.from({ length: paragraphs }, (_, n) => `Marker r${round}v${version}p${n}. ${FILLER}`),
  );
}

/** What the library must hold as the plain text of that version. */
export function savedText(round: number, version: number): string {
  return bodyToPlainText(savedBody(round, version));
}
