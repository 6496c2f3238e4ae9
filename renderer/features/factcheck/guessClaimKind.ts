import { quotationsIn } from '../../../shared/quoteCheck';
import type { ClaimKind } from '../../../shared/sources';
import type { SelectionContext } from '../../editor/plugins/ClaimsPlugin';

const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b(?:19|20)\d{2}\b/i;

/** Whether [start, end) of a paragraph lies inside one of its quotations, the quote marks selected or not. */
function insideQuotation(context: SelectionContext): boolean {
  const { paragraph, start, end } = context;
  if (!/[\p{L}\p{N}]/u.test(paragraph.slice(start, end))) return false;
  return quotationsIn(paragraph).some((quote) => quote.start <= start && end <= quote.end);
}

/**
 * The kind a newly marked claim most likely is, from its words and, when known, the paragraph
 * around them (words inside quotation marks are a quote, whether or not the marks were
 * selected with them); the checker can change it.
 */
export function guessClaimKind(text: string, context: SelectionContext | null = null): ClaimKind {
  const trimmed = text.trim();
  if (/^["“‘'«„]/.test(trimmed) || (context !== null && insideQuotation(context))) return 'quote';
  if (/\b(?:said|says|told|according to|in a statement|announced|stated)\b/i.test(trimmed)) return 'attribution';
  if (MONTH.test(trimmed)) return 'date';
  if (/\d/.test(trimmed) || /\b(?:percent|per cent|million|billion|thousand|hundred|dozen)\b/i.test(trimmed)) {
    return 'figure';
  }
  return 'other';
}
