import { v5 as uuidv5 } from 'uuid';

import type { Claim, Evidence, SnapshotFormat, Source } from '../../shared/sources';
import { VERDICT_LABELS } from '../../shared/sources';
import { QUOTE_CONTEXT } from '../services/claims';
import type { ExportData, TextRange } from './exportData';
import { niUri, urn } from './exportData';

type Annotation = Record<string, unknown>;

const CLAIM_KIND_LABELS: Readonly<Record<Claim['kind'], string>> = {
  quote: 'Quotation',
  figure: 'Figure',
  date: 'Date',
  attribution: 'Attribution',
  other: 'Other claim',
};

/** The media type of what each kind of snapshot captured. */
const SNAPSHOT_MEDIA_TYPES: Readonly<Record<SnapshotFormat, string>> = {
  'web-page': 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  text: 'text/plain',
  paste: 'text/plain',
};

/** The TextQuote and TextPosition selectors of [start, end) in `text`. */
function textSelectors(text: string, range: TextRange): Annotation[] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(range.start, range.end),
      prefix: text.slice(Math.max(0, range.start - QUOTE_CONTEXT), range.start),
      suffix: text.slice(range.end, range.end + QUOTE_CONTEXT),
    },
    { type: 'TextPositionSelector', start: range.start, end: range.end },
  ];
}

/** The claim's words in the exported body text (the plain-text body of the ninjs item). */
function claimTarget(data: ExportData, range: TextRange): Annotation {
  return {
    type: 'SpecificResource',
    source: { id: data.uri, type: 'Text', format: 'text/plain', language: data.article.language },
    selector: textSelectors(data.plainText, range),
  };
}

function person(name: string): Annotation | undefined {
  return name.trim() === '' ? undefined : { type: 'Person', name };
}

function claimAnnotation(data: ExportData, claim: Claim, range: TextRange): Annotation {
  // A verdict given to words that changed since assesses other words: the claim is only highlighted.
  const checked = claim.verdict !== 'unchecked' && !claim.changedSinceVerdict;
  const body: Annotation[] = [{ type: 'TextualBody', purpose: 'classifying', value: CLAIM_KIND_LABELS[claim.kind] }];
  if (claim.changedSinceVerdict && claim.verdictText !== null) {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      format: 'text/plain',
      value: `Changed since the verdict: ${VERDICT_LABELS[claim.verdict]} was given to “${claim.verdictText}”; not checked again.`,
    });
  }
  if (checked) {
    body.push({
      type: 'TextualBody',
      purpose: 'assessing',
      format: 'text/plain',
      value: claim.note === '' ? VERDICT_LABELS[claim.verdict] : `${VERDICT_LABELS[claim.verdict]}: ${claim.note}`,
    });
  }
  const creator = person(claim.checker);
  return {
    id: urn(claim.id),
    type: 'Annotation',
    motivation: checked ? 'assessing' : 'highlighting',
    created: claim.createdAt,
    modified: claim.updatedAt,
    ...(creator === undefined ? {} : { creator }),
    body,
    target: claimTarget(data, range),
  };
}

/** The passage of the source, as the snapshot the evidence points into holds it. */
function evidenceBody(data: ExportData, evidence: Evidence, source: Source | undefined): Annotation {
  const snapshot = data.snapshots.get(evidence.snapshotId);
  const passage: Annotation = {
    type: 'SpecificResource',
    source: {
      id: source !== undefined && source.url !== '' ? source.url : urn(evidence.sourceId),
      type: 'Text',
      ...(snapshot === undefined ? {} : { format: SNAPSHOT_MEDIA_TYPES[snapshot.format] }),
    },
    selector: [
      { type: 'TextQuoteSelector', exact: evidence.exact, prefix: evidence.prefix, suffix: evidence.suffix },
      { type: 'TextPositionSelector', start: evidence.start, end: evidence.end },
    ],
  };
  // The snapshot is the cached copy the passage was read in: captured then, named by its hash.
  if (snapshot !== undefined) {
    passage.state = { type: 'TimeState', sourceDate: snapshot.capturedAt, cached: niUri(snapshot.sha256) };
  }
  return passage;
}

function evidenceAnnotation(data: ExportData, claim: Claim, evidence: Evidence, range: TextRange): Annotation {
  const source = data.sources.find((candidate) => candidate.id === evidence.sourceId);
  const body: Annotation[] = [evidenceBody(data, evidence, source)];
  if (evidence.note !== '')
    body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: evidence.note });
  const creator = person(evidence.addedBy);
  return {
    id: urn(evidence.id),
    type: 'Annotation',
    motivation: 'linking',
    created: evidence.addedAt,
    ...(creator === undefined ? {} : { creator }),
    body,
    target: claimTarget(data, range),
  };
}

/**
 * annotations.jsonld: a W3C Web Annotation collection with an annotation for each claim in
 * the text (its kind and verdict) and one for each evidence link (the source passage and the
 * snapshot it was read in, as cached state). Every annotation targets the claim's words with
 * TextQuote and TextPosition selectors counted in the exported plain-text body.
 */
export function annotationsJsonLd(data: ExportData): Annotation {
  const items: Annotation[] = [];
  for (const claim of data.claims) {
    const range = data.claimRanges.get(claim.id);
    if (range === undefined) continue;
    items.push(claimAnnotation(data, claim, range));
    for (const evidence of claim.evidence) items.push(evidenceAnnotation(data, claim, evidence, range));
  }
  const collection = urn(uuidv5('annotations', data.article.id));
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: collection,
    type: 'AnnotationCollection',
    label: `Claims and evidence: ${data.article.headline}`,
    total: items.length,
    ...(items.length === 0
      ? {}
      : {
          first: {
            id: urn(uuidv5('annotations-page-1', data.article.id)),
            type: 'AnnotationPage',
            startIndex: 0,
            items,
          },
        }),
  };
}
