import type Compromise from 'compromise';

import { isStopword } from './terms';

/** The kinds of named entity Copydesk keeps for every article. */
export type EntityKind = 'person' | 'place' | 'organisation';

/** A named entity of an article: its name as shown, and how often the article mentions it. */
export type Entity = { kind: EntityKind; name: string; mentions: number };

type RawMention = { kind: EntityKind; text: string };

/**
 * compromise builds its lexicon when it loads: about a third of a second of work that only
 * finding names needs. It is loaded on first need, so a command or a window that never reads
 * names for people, places and organisations never pays for it.
 */
let compromise: typeof Compromise | null = null;

/** Loads the name finder; analysis waits for it, and until then articles wait in the queue. */
export async function loadNameFinder(): Promise<void> {
  compromise ??= (await import('compromise')).default;
}

/** Whether names can be found now, without waiting. */
export function nameFinderLoaded(): boolean {
  return compromise !== null;
}

function nlp(text: string): ReturnType<typeof Compromise> {
  if (compromise === null) throw new Error('The name finder is not loaded yet (loadNameFinder).');
  return compromise(text);
}

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

/** Words before a name that say what the person is, not who: "Mr", "Prime Minister", "Gen.". */
const TITLE =
  /^(?:(?:mr|mrs|ms|miss|mx|dr|sir|dame|lord|lady|president|vice|prime|foreign|home|defence|defense|finance|interior|deputy|minister|secretary|chancellor|senator|sen|rep|representative|governor|gov|general|gen|chief|judge|justice|rev|reverend|prof|professor|king|queen|prince|princess|pope|mayor|ambassador|captain|capt|colonel|col|lt|sgt|coach|manager|chairman|chairwoman|spokesman|spokeswoman|executive|officer|premier|leader|state|director|rabbi|commissioner|inspector|detective|det|sergeant|father|sister|brother|saint|the)\.?\s+)+/iu;

const LEADING_JUNK = /^[\s"'“”‘’([{«-]+/u;
const TRAILING_JUNK = /[\s"'“”‘’)\]}»,.;:!?–—-]+$/u;

/** "U.S." → "US": acronyms written with full stops. */
function undotAcronym(text: string): string {
  return /^(?:\p{Lu}\.){2,}\p{Lu}?\.?$/u.test(text) ? text.replace(/\./gu, '') : text;
}

/** Cleans one mention as compromise found it; may split "UK–Pakistan" into two. Empty when it is not a name. */
export function cleanEntityName(raw: string): string[] {
  let text = undotAcronym(raw.replace(/\s+/gu, ' ').replace(LEADING_JUNK, '').replace(TRAILING_JUNK, ''));
  text = text.replace(/['’]s$/u, '').replace(/['’]$/u, '');
  text = text.replace(TITLE, '').replace(TRAILING_JUNK, '');
  // "IRA bomb", "Howard laughing": compromise runs on into the words after a name.
  text = text.replace(/(?:\s+[\p{Ll}][\p{L}'’]*)+$/u, '');
  if (text === '' || TITLE.test(`${text} `)) return [];
  // "Pakistan-Russia talks", "UK–Pakistan ties": two names joined by a dash.
  const parts = text.split(/[-–—]/u);
  if (parts.length > 1 && parts.every((part) => /^\p{Lu}\S/u.test(part.trim()) && !part.includes(' '))) {
    return parts.flatMap((part) => cleanEntityName(part));
  }
  if (!/^\p{Lu}/u.test(text) && !/^\d/u.test(text)) return [];
  const tokens = text.split(' ');
  if (
    tokens.length === 1 &&
    (isStopword(text) || text.length < 2 || (text.length < 3 && text !== text.toUpperCase()))
  ) {
    return [];
  }
  return [text];
}

/** The key an entity is indexed under: kind and folded name, aliases resolved. */
export function entityKey(kind: EntityKind, name: string): { kind: EntityKind; name: string; key: string } {
  const folded = name.toLocaleLowerCase('en').replace(/\./gu, '').replace(/\s+/gu, ' ').trim();
  const alias = ALIAS_BY_VARIANT.get(folded);
  if (alias !== undefined)
    return { kind: alias.kind, name: alias.name, key: `${alias.kind}:${alias.name.toLowerCase()}` };
  return { kind, name, key: `${kind}:${folded}` };
}

/** Whether every capitalised use of `word` in `text` starts a sentence while the word also appears in lower case. */
function onlySentenceInitial(word: string, text: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  if (!new RegExp(`(?<![\\p{L}])${escaped.toLocaleLowerCase('en')}(?![\\p{L}])`, 'u').test(text)) return false;
  const uses = text.matchAll(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'gu'));
  for (const use of uses) {
    const at = use.index;
    const before = text.slice(Math.max(0, at - 3), at);
    if (!(at === 0 || /(?:[.!?]["”’]?\s+|\n\s*|^\s*)$/u.test(before))) return false;
  }
  return true;
}

/** What compromise's lexicon makes of single words, asked once per word. */
const wordTags = new Map<string, ReadonlySet<string>>();
const WORD_TAGS_KEPT = 20_000;

function tagsOfWord(word: string): ReadonlySet<string> {
  let tags = wordTags.get(word);
  if (tags === undefined) {
    const terms = (nlp(word).json() as { terms?: { tags?: string[] }[] }[])[0]?.terms ?? [];
    tags = new Set(terms.length === 1 ? (terms[0]?.tags ?? []) : []);
    if (wordTags.size >= WORD_TAGS_KEPT) wordTags.clear();
    wordTags.set(word, tags);
  }
  return tags;
}

/**
 * Whether a one-word mention is no name of its kind, whatever compromise took it for in the
 * sentence: a month or a weekday ("January" as a person; "May" is kept, a name as often as a
 * month), a nationality as a person or an organisation, or an adjective as an organisation
 * ("Russian", "British"). Only what compromise's lexicon knows counts: a word it has never seen (most
 * surnames and firms) reads as a plain noun, so plain nouns are left alone.
 */
function notANameOfKind(kind: EntityKind, word: string): boolean {
  if (word === 'May') return false;
  const tags = tagsOfWord(word);
  if (tags.has('Month') || tags.has('WeekDay')) return true;
  if (kind === 'organisation') return tags.has('Demonym') || (tags.has('Adjective') && !tags.has('Noun'));
  // "Brown", "Young": surnames that are adjectives too stay people.
  return kind === 'person' && tags.has('Demonym');
}

type CompromiseMatch = { text: string; offset: { start: number } };

/**
 * Mentions compromise finds, kept per paragraph text, since a save repeats most of the
 * paragraphs the last one had. Paragraphs not seen yet are read in one pass: compromise costs
 * a fixed amount per call on top of the cost per word.
 */
class MentionCache {
  private readonly entries = new Map<string, RawMention[]>();
  constructor(private readonly capacity: number) {}

  mentions(paragraphs: readonly string[]): RawMention[][] {
    const unseen = [...new Set(paragraphs.filter((paragraph) => !this.entries.has(paragraph)))];
    if (unseen.length > 0) this.read(unseen);
    return paragraphs.map((paragraph) => {
      const known = this.entries.get(paragraph) ?? [];
      this.entries.delete(paragraph);
      this.entries.set(paragraph, known);
      return known;
    });
  }

  private read(paragraphs: readonly string[]): void {
    const starts: number[] = [];
    let length = 0;
    for (const paragraph of paragraphs) {
      starts.push(length);
      length += paragraph.length + 2;
    }
    const found = paragraphs.map((): RawMention[] => []);
    const doc = nlp(paragraphs.join('\n\n'));
    const collect = (kind: EntityKind, matches: CompromiseMatch[]) => {
      for (const match of matches) {
        let index = starts.length - 1;
        while (index > 0 && (starts[index] ?? 0) > match.offset.start) index -= 1;
        found[index]?.push({ kind, text: match.text });
      }
    };
    collect('person', doc.people().json({ offset: true }) as CompromiseMatch[]);
    collect('place', doc.places().json({ offset: true }) as CompromiseMatch[]);
    collect('organisation', doc.organizations().json({ offset: true }) as CompromiseMatch[]);
    paragraphs.forEach((paragraph, index) => this.entries.set(paragraph, found[index] ?? []));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }
}

const cache = new MentionCache(30_000);

/**
 * How many words of a text are read for names. A story names its people, places and
 * organisations early; reading a book-length paste in full would hold up its save for seconds
 * (compromise reads about 8,000 words a second here).
 */
export const ENTITY_WORD_LIMIT = 3000;

/** The paragraphs from the start of a text up to ENTITY_WORD_LIMIT words (at least the first). */
function leadingParagraphs(paragraphs: readonly string[]): string[] {
  const kept: string[] = [];
  let words = 0;
  for (const paragraph of paragraphs) {
    const tokens = paragraph.split(/\s+/u).filter((word) => word !== '');
    words += tokens.length;
    if (words > ENTITY_WORD_LIMIT) {
      // One paragraph longer than the whole allowance is read as far as the allowance goes.
      if (kept.length === 0) kept.push(tokens.slice(0, ENTITY_WORD_LIMIT).join(' '));
      break;
    }
    kept.push(paragraph);
  }
  return kept;
}

/**
 * The people, places and organisations `text` names, found by compromise paragraph by
 * paragraph and cleaned by rules where it is weak: titles, possessives and punctuation
 * stripped ("Mr Blair's" → "Blair"), words that only look like names because they start a
 * sentence dropped, single words that are no name of their kind dropped ("January" as a
 * person, "Russian" as an organisation), aliases merged ("U.S." → "United States"), and a surname on its own
 * merged into the full name the article uses ("Blair" → "Tony Blair"). Most mentioned first.
 */
export function extractEntities(text: string): Entity[] {
  const byKey = new Map<string, Entity>();
  const paragraphs = leadingParagraphs(text.split(/\n+/u).filter((paragraph) => paragraph.trim() !== ''));
  const read = paragraphs.join('\n');
  for (const mention of cache.mentions(paragraphs).flat()) {
    {
      for (const name of cleanEntityName(mention.text)) {
        if (!name.includes(' ') && (onlySentenceInitial(name, read) || notANameOfKind(mention.kind, name))) continue;
        const { kind, name: shown, key } = entityKey(mention.kind, name);
        const entity = byKey.get(key);
        if (entity === undefined) byKey.set(key, { kind, name: shown, mentions: 1 });
        else entity.mentions += 1;
      }
    }
  }
  mergeShortNames(byKey);
  return [...byKey.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** "Blair" (or "Tony") on its own joins "Tony Blair" when the article names one such person. */
function mergeShortNames(byKey: Map<string, Entity>): void {
  const people = [...byKey.entries()].filter(([, entity]) => entity.kind === 'person');
  for (const [key, entity] of people) {
    if (entity.name.includes(' ')) continue;
    const fuller = people.filter(([otherKey, other]) => {
      if (otherKey === key || !byKey.has(otherKey)) return false;
      const tokens = other.name.split(' ');
      return tokens.length > 1 && (tokens[tokens.length - 1] === entity.name || tokens[0] === entity.name);
    });
    const only = fuller.length === 1 ? fuller[0] : undefined;
    if (only !== undefined) {
      only[1].mentions += entity.mentions;
      byKey.delete(key);
    }
  }
}
