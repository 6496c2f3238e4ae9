import { getSummary } from '../db/queries/articles';
import { getClaim } from '../db/queries/claims';
import type { Library } from './LibraryHost';

/** The first words of `text`, cut at a word, with an ellipsis when there is more. */
export function firstWords(text: string, max = 8): string {
  const words = text.replace(/\s+/gu, ' ').trim().split(' ');
  return words.length <= max ? words.join(' ') : `${words.slice(0, max).join(' ')}…`;
}

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * A pre-export checklist item as a person names it: a claim by its first words, an Also See
 * link by the headline it points at, a credit by its picture — never by its id.
 */
export function checklistItemName(lib: Library, itemId: string): string {
  if (itemId === 'headline') return 'the missing headline';
  if (itemId === 'byline') return 'the missing byline';
  if (itemId === 'body') return 'the missing text';
  if (itemId === 'credit:lead') return 'the lead image’s missing credit';
  const image = /^credit:image-(\d+)$/.exec(itemId);
  if (image !== null) return `image ${image[1]}’s missing credit`;
  const claim = new RegExp(`^claim:(${ID})$`).exec(itemId);
  if (claim?.[1] !== undefined) {
    const found = getClaim(lib.db, claim[1]);
    return found === undefined ? 'a claim since removed' : `the claim “${firstWords(found.text)}”`;
  }
  const alsoSee = new RegExp(`^also-see:(${ID})$`).exec(itemId);
  if (alsoSee?.[1] !== undefined) {
    const headline = getSummary(lib.db, alsoSee[1])?.headline.trim() ?? '';
    return headline === ''
      ? 'an Also See link to an article no longer in the library'
      : `the Also See link to “${firstWords(headline)}”`;
  }
  return itemId;
}

const ITEM_ID = `(?:headline|byline|body|credit:lead|credit:image-\\d+|claim:${ID}|also-see:${ID})`;
const ITEM_AT_START = new RegExp(`^(${ITEM_ID}) \\(“`);
const NEXT_ITEM = new RegExp(`”\\); (?=${ITEM_ID} \\(“)`, 'g');
const OVERRIDDEN = 'checklist overridden: ';

/**
 * An export version's label with the checklist items it names put in words: export labels
 * written before items had names read "checklist overridden: claim:0190… (“reason”); byline
 * (“…”)". Read item by item, so words inside a reason are left as typed.
 */
export function readableLabel(lib: Library, label: string): string {
  const at = label.indexOf(OVERRIDDEN);
  if (at < 0) return label;
  let out = label.slice(0, at + OVERRIDDEN.length);
  let rest = label.slice(at + OVERRIDDEN.length);
  for (;;) {
    const item = ITEM_AT_START.exec(rest);
    if (item?.[1] === undefined) return out + rest;
    out += `${checklistItemName(lib, item[1])} (“`;
    rest = rest.slice(item[0].length);
    NEXT_ITEM.lastIndex = 0;
    const next = NEXT_ITEM.exec(rest);
    if (next === null) return out + rest;
    const end = next.index + next[0].length;
    out += rest.slice(0, end);
    rest = rest.slice(end);
  }
}
