/** The article view still imports the compared-text type from here; the diff itself lives in shared/. */
export type { ComparedText } from '../../../shared/wordDiff';
