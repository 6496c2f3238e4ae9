import { createHash } from 'node:crypto';

import type { EntityKind } from '../../shared/entities';
import { entityKey } from '../../shared/entities';
import type { Entity } from './entities';
import { cleanEntityName, extractEntities } from './entities';
import { minhashSignature } from './minhash';
import { termCounts } from './terms';

/** What related-article scoring reads of an article or a draft. */
export type ArticleText = { headline: string; dek: string; text: string; tags: readonly string[] };

/** What a feature is: a key term, a named entity of one kind, or a tag. */
export type FeatureKind = 'term' | EntityKind | 'tag';

/**
 * One thing an article is about, with its weight in the article before rarity is counted:
 * a key term ("term:election"), an entity ("person:tony blair") or a tag ("tag:budget").
 */
export type Feature = { key: string; kind: FeatureKind; label: string; tf: number };

export type Analysis = {
  features: Feature[];
  entities: Entity[];
  signature: Uint32Array | null;
  /** Identifies the text analysed: an article whose text has this key needs no new analysis. */
  contentKey: string;
};

/** Headline words count as this many body words, dek words as this many. */
const HEADLINE_WEIGHT = 3;
const DEK_WEIGHT = 2;
/** Entities and tags say more about what a story is about than a word does. */
const ENTITY_BOOST = 1.5;
const TAG_TF = 2;

/**
 * The version of the rules analysis follows, part of every content key: when the rules change,
 * an article analysed under the old ones is analysed again (migrations 9 and 11 queue them all).
 * 3: a place or an award is no person ("police in Sydney", "an Oscar"), a dateline's capitals
 * fold into the name's usual case ("LONDON —" is London).
 */
const ANALYSIS_RULES = 3;

export function contentKey(input: ArticleText): string {
  return createHash('sha256')
    .update([String(ANALYSIS_RULES), input.headline, input.dek, input.text, ...input.tags].join('\u0000'))
    .digest('base64url')
    .slice(0, 22);
}

export function featureKind(key: string): FeatureKind {
  return key.slice(0, key.indexOf(':')) as FeatureKind;
}

function termFeatures(input: ArticleText): Feature[] {
  const counts = termCounts(input.text);
  termCounts(input.headline, counts, HEADLINE_WEIGHT);
  termCounts(input.dek, counts, DEK_WEIGHT);
  return [...counts].map(([word, count]) => ({
    key: `term:${word}`,
    kind: 'term',
    label: word,
    tf: 1 + Math.log(count),
  }));
}

function tagFeatures(tags: readonly string[]): Feature[] {
  const byKey = new Map<string, Feature>();
  for (const tag of tags) {
    const key = `tag:${tag.trim().toLocaleLowerCase('en')}`;
    if (key !== 'tag:') byKey.set(key, { key, kind: 'tag', label: tag.trim(), tf: TAG_TF });
  }
  return [...byKey.values()];
}

export function entityFeature(entity: Entity): Feature {
  const { key, kind, name } = entityKey(entity.kind, entity.name);
  return { key, kind, label: name, tf: (1 + Math.log(entity.mentions)) * ENTITY_BOOST };
}

/** The full analysis of an article as it is saved: key terms, entities (compromise), tags and its signature. */
export function analyseArticle(input: ArticleText): Analysis {
  const all = [input.headline, input.dek, input.text].filter((part) => part.trim() !== '').join('\n');
  const entities = extractEntities(all);
  return {
    features: [...termFeatures(input), ...entities.map(entityFeature), ...tagFeatures(input.tags)],
    entities,
    signature: minhashSignature(all),
    contentKey: contentKey(input),
  };
}

const NAME_RUN = /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|de|la|van|von|al|bin|the|and)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;

/**
 * The names a draft may mention, for looking up among the entities the library already knows:
 * every run of capitalised words and each part of it up to four words ("Prime Minister Tony
 * Blair" gives "Tony Blair", "Blair", …), cleaned as saved articles' entities are. A draft is
 * analysed at typing speed, where compromise would take too long; only names the library
 * knows can make an article related, so looking them up loses nothing that scoring could use.
 */
export function nameCandidates(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(NAME_RUN)) {
    const tokens = match[0].split(/\s+/u);
    const seen = new Set<string>();
    for (let start = 0; start < tokens.length; start += 1) {
      for (let end = start + 1; end <= Math.min(tokens.length, start + 4); end += 1) {
        for (const name of cleanEntityName(tokens.slice(start, end).join(' '))) seen.add(name);
      }
    }
    for (const name of seen) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/**
 * A draft's features as typed: its key terms and tags, and as entities every name candidate of
 * every kind, to be kept only where the library knows that entity. No signature is wanted here
 * for entities; the signature is still made, for near-duplicates.
 */
export function analyseDraft(input: ArticleText): { candidates: Feature[]; signature: Uint32Array | null } {
  const all = [input.headline, input.dek, input.text].filter((part) => part.trim() !== '').join('\n');
  const entityCandidates = new Map<string, Feature>();
  for (const [name, mentions] of nameCandidates(all)) {
    for (const kind of ['person', 'place', 'organisation'] as const) {
      const feature = entityFeature({ kind, name, mentions });
      const known = entityCandidates.get(feature.key);
      if (known === undefined || known.tf < feature.tf) entityCandidates.set(feature.key, feature);
    }
  }
  return {
    candidates: [...termFeatures(input), ...entityCandidates.values(), ...tagFeatures(input.tags)],
    signature: minhashSignature(all),
  };
}
