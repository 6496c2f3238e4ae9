import type { Source, SourceKind } from '../../shared/sources';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from '../../shared/sources';
import type { ExportData } from './exportData';

/** The CSL item type of each kind of source (CSL 1.0.2 types, which Zotero and Pandoc read). */
const CSL_TYPES: Readonly<Record<SourceKind, string>> = {
  'official-statement': 'document',
  'wire-copy': 'article-newspaper',
  interview: 'interview',
  document: 'document',
  'web-page': 'webpage',
  'social-post': 'post',
  dataset: 'dataset',
};

/** A CSL date from YYYY-MM-DD. */
function cslDate(date: string): { 'date-parts': number[][] } | undefined {
  if (date === '') return undefined;
  return { 'date-parts': [date.split('-').map(Number)] };
}

function cslItem(source: Source): Record<string, unknown> {
  const issued = cslDate(source.publishedDate);
  const accessed = cslDate(source.accessedDate);
  const item: Record<string, unknown> = {
    id: source.id,
    type: CSL_TYPES[source.kind],
    title: source.title,
    genre: SOURCE_KIND_LABELS[source.kind],
  };
  // A name as written, not split into given and family names a machine might get wrong.
  if (source.author !== '') item.author = [{ literal: source.author }];
  if (source.publisher !== '') {
    item.publisher = source.publisher;
    if (source.kind === 'web-page' || source.kind === 'wire-copy') item['container-title'] = source.publisher;
  }
  if (source.url !== '') item.URL = source.url;
  if (issued !== undefined) item.issued = issued;
  if (accessed !== undefined) item.accessed = accessed;
  item.note = [`Reliability: ${RELIABILITY_LABELS[source.reliability]}`, source.notes]
    .filter((text) => text !== '')
    .join('\n');
  return item;
}

/** sources.csl.json: the article's sources as a CSL-JSON array, the form Zotero imports and Pandoc cites from. */
export function sourcesCslJson(data: ExportData): Record<string, unknown>[] {
  return data.sources.map(cslItem);
}
