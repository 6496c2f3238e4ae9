import type { Claim, Verdict } from '../../shared/sources';
import { VERDICT_LABELS } from '../../shared/sources';
import type { ExportData } from './exportData';

/**
 * Verdicts on an ordinal scale for schema.org's Rating, worst 1 to best 4, as fact-checkers'
 * ClaimReview markup rates them; an opinion is not rated true or false and carries only its label.
 */
const RATING: Readonly<Record<Exclude<Verdict, 'unchecked'>, number | null>> = {
  verified: 4,
  'partly-true': 3,
  unsupported: 2,
  false: 1,
  opinion: null,
};

function claimReview(
  data: ExportData,
  claim: Claim & { verdict: Exclude<Verdict, 'unchecked'> },
): Record<string, unknown> {
  const { article } = data;
  const value = RATING[claim.verdict];
  const sources = new Map<string, { name: string; url: string }>();
  for (const evidence of claim.evidence) {
    const source = data.sources.find((candidate) => candidate.id === evidence.sourceId);
    sources.set(evidence.sourceId, { name: source?.title ?? evidence.sourceTitle, url: source?.url ?? '' });
  }
  return {
    '@type': 'ClaimReview',
    identifier: claim.id,
    ...(claim.checkedAt === null ? {} : { datePublished: claim.checkedAt }),
    ...(claim.checker === '' ? {} : { author: { '@type': 'Person', name: claim.checker } }),
    claimReviewed: claim.text,
    ...(claim.note === '' ? {} : { reviewBody: claim.note }),
    reviewRating: {
      '@type': 'Rating',
      ...(value === null ? {} : { ratingValue: value, bestRating: 4, worstRating: 1 }),
      alternateName: VERDICT_LABELS[claim.verdict],
    },
    itemReviewed: {
      '@type': 'Claim',
      appearance: {
        '@type': 'NewsArticle',
        '@id': data.uri,
        headline: article.headline,
        ...(article.authors.length === 0
          ? {}
          : { author: article.authors.map((author) => ({ '@type': 'Person', name: author.name })) }),
      },
    },
    ...(sources.size === 0
      ? {}
      : {
          citation: [...sources.values()].map((source) => ({
            '@type': 'CreativeWork',
            name: source.name,
            ...(source.url === '' ? {} : { url: source.url }),
          })),
        }),
  };
}

/** A verdict that stands for the claim's words: given, and not to words that have changed since. */
function hasVerdict(claim: Claim): claim is Claim & { verdict: Exclude<Verdict, 'unchecked'> } {
  return claim.verdict !== 'unchecked' && !claim.changedSinceVerdict;
}

/**
 * claims.jsonld: a schema.org ClaimReview for each claim in the text that has a verdict for
 * its words as they stand (a claim edited after its verdict has none until it is confirmed) —
 * the words claimed, who checked them and when, the verdict as a rating with its label, the
 * note, the article the claim appears in and the sources used as evidence — shaped like
 * schema.org's own ClaimReview examples.
 */
export function claimsJsonLd(data: ExportData): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@graph': data.claims.filter(hasVerdict).map((claim) => claimReview(data, claim)),
  };
}
