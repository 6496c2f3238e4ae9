/**
 * The names Copydesk finds in every article (people, places, organisations) and the key each
 * is indexed under. The related-article analysis finds the names; the library's filters and
 * counts look them up by the same key.
 */

/** The kinds of name Copydesk finds in every article. */
export const ENTITY_KINDS = ['person', 'place', 'organisation'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * Names that one thing goes by, as its key in the index: "US", "U.S." and "United States" are
 * one place, so a story that writes "the US" relates to one that writes "the United States".
 */
const ALIASES: ReadonlyArray<{ kind: EntityKind; name: string; variants: readonly string[] }> = [
  {
    kind: 'place',
    name: 'United States',
    variants: ['us', 'usa', 'united states', 'united states of america', 'america'],
  },
  { kind: 'place', name: 'United Kingdom', variants: ['uk', 'britain', 'great britain', 'united kingdom'] },
  { kind: 'organisation', name: 'United Nations', variants: ['un', 'united nations'] },
  { kind: 'organisation', name: 'European Union', variants: ['eu', 'european union'] },
  { kind: 'organisation', name: 'Nato', variants: ['nato'] },
];
const ALIAS_BY_VARIANT = new Map(ALIASES.flatMap((alias) => alias.variants.map((variant) => [variant, alias])));

/** The key an entity is indexed under: kind and folded name, aliases resolved. */
export function entityKey(kind: EntityKind, name: string): { kind: EntityKind; name: string; key: string } {
  const folded = name.toLocaleLowerCase('en').replace(/\./gu, '').replace(/\s+/gu, ' ').trim();
  const alias = ALIAS_BY_VARIANT.get(folded);
  if (alias !== undefined)
    return { kind: alias.kind, name: alias.name, key: `${alias.kind}:${alias.name.toLowerCase()}` };
  return { kind, name, key: `${kind}:${folded}` };
}
