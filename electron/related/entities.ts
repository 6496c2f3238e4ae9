import type Compromise from 'compromise';

import type { EntityKind } from '../../shared/entities';
import { entityKey } from '../../shared/entities';
import { isStopword } from './terms';

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
  // A dash with space around it ends a name: "GAZA CITY — Israeli strikes" is a dateline and a sentence.
  if (/\s[-–—]\s/u.test(text)) return text.split(/\s[-–—]\s/u).flatMap((part) => cleanEntityName(part));
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
  // "Brown", "Young": surnames that are adjectives too stay people; "Israeli" is neither person nor place.
  return tags.has('Demonym');
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
    for (const cleaned of cleanEntityName(mention.text)) {
      if (!cleaned.includes(' ') && (onlySentenceInitial(cleaned, read) || notANameOfKind(mention.kind, cleaned))) {
        continue;
      }
      const name = usualCase(cleaned, read);
      const { kind, name: shown, key } = entityKey(mention.kind, name);
      const entity = byKey.get(key);
      if (entity === undefined) byKey.set(key, { kind, name: shown, mentions: 1 });
      else {
        entity.mentions += 1;
        // A name first met in capitals ("LONDON —") is shown as the text writes it elsewhere.
        if (isCapitals(entity.name) && !isCapitals(shown)) entity.name = shown;
      }
    }
  }
  mergeShortNames(byKey);
  namesOfThings(byKey, read);
  return [...byKey.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** A name written in capitals throughout, with at least four letters ("LONDON", "GAZA CITY"; not "UN"). */
export function isCapitals(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 4 && letters === letters.toLocaleUpperCase('en') && letters !== letters.toLocaleLowerCase('en')
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * A name in capitals in its usual case: as the text writes it elsewhere ("LONDON —" beside
 * "in London"), or, when it opens a paragraph as a dateline does ("GAZA CITY —", "LONDON,
 * Jan 5 -"), with each word capitalised. Other capitals are an acronym's ("NATO", "UKIP").
 */
export function usualCase(name: string, text: string): string {
  if (!isCapitals(name)) return name;
  const pattern = escapeRegExp(name).replace(/\s+/gu, '\\s+');
  for (const match of text.matchAll(new RegExp(`(?<![\\p{L}])${pattern}(?![\\p{L}])`, 'giu'))) {
    if (!isCapitals(match[0])) return match[0].replace(/\s+/gu, ' ');
  }
  const dateline = new RegExp(`(?:^|\\n)\\s*${pattern}\\s*(?:[,:(]|[-–—]\\s)`, 'u');
  if (!dateline.test(text)) return name;
  return name
    .toLocaleLowerCase('en')
    .replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_, before: string, letter: string) => `${before}${letter.toLocaleUpperCase('en')}`,
    );
}

/** Words before a name that make it a thing: "the Sydney stock market", "an Oscar", "the best film Oscar". */
const DETERMINER = '(?:a|an|the|this|that|its|their|his|her|our|every|each|whose)';
/** Nouns before a name that say what the person is ("the singer Madonna"): the name is a person's. */
const ROLE =
  /^(?:singer|actor|actress|star|rapper|musician|director|player|striker|midfielder|defender|goalkeeper|manager|coach|writer|author|novelist|poet|artist|comedian|presenter|designer|model|chef|boss|chief|leader|minister|president|champion|captain|veteran|legend|icon|producer|frontman|guitarist|drummer|songwriter|spokesman|spokeswoman)$/u;
/** Words after a name that make it an award, an event, a market or a place: "Oscar nomination", "Sydney Olympics". */
const THING_AFTER =
  /^(?:nominations?|nominees?|nominated|winners?|winning|awards?|ceremony|voters|contenders?|hopefuls?|favourites?|statuettes?|glory|snub|campaign|race|stock|market|exchange|olympics?|games|international|open|stadium|airport|harbour|university|club|suburbs?|area|office|branch)$/iu;
/** Words after a name that make it a club's, a firm's or a body's: "Chelsea defender", "Chelsea manager". */
const ORGANISATION_AFTER =
  /^(?:defender|players?|manager|striker|winger|midfielder|goalkeeper|keeper|physio|team|side|squad|boss|chief|chairman|owners?|captain|coach|board|shareholders)$/iu;
/** Compounds that make a name an award or a place: "Oscar-winning", "Sydney-based". */
const THING_COMPOUND = /^(?:winning|winner|nominated|nominee|listed|based|born|bound)$/iu;
/** Titles before a name and verbs after it that make it a person's. */
const PERSON_TITLE =
  /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|prof|professor|president|king|queen|prince|princess|saint|st)\.?$/iu;
const PERSON_VERB =
  /^(?:said|says|told|added|explained|insisted|admitted|claimed|wrote|sang|starred|stars|married|died)$/iu;
/** Particles inside a person's name: "David dal Maso", "Vincent van Gogh". */
const NAME_PARTICLE = /^(?:da|dal|de|del|della|di|du|la|le|van|von|bin|ibn|al)$/u;
/** Words before a name that make it a place: "police in Sydney". */
const LOCATIVE = /^(?:in|near|outside|across|throughout)$/iu;

const DETERMINED = new RegExp(`^${DETERMINER}$`, 'iu');

/**
 * How the text uses a one-word name: as a person's (after a title, before "said", or with a
 * surname after it), as a thing's (after an article, before "nomination" or "Olympics", in
 * a compound like "Oscar-winning", in the plural, or opening the name of a place or body the
 * text names, "Sydney Morning Herald"), and as a place's ("in Sydney").
 */
function usesOf(
  word: string,
  text: string,
  things: readonly string[],
  places: ReadonlySet<string>,
): { person: number; thing: number; place: number; organisation: number } {
  const uses = { person: 0, thing: 0, place: 0, organisation: 0 };
  // The three words before the name and the one after it, on its line (a headline ends there).
  const around = new RegExp(
    String.raw`(?:([\p{L}.'’,]+)[^\S\n]+)?(?:([\p{Ll}-]+)[^\S\n]+)?(?:([\p{Ll}-]+)[^\S\n]+)?(?<![\p{L}])` +
      `${escapeRegExp(word)}(s)?` +
      String.raw`(?:(-)(\p{L}+)|[^\S\n]+(\p{L}+))?(?![\p{L}])`,
    'gu',
  );
  for (const match of text.matchAll(around)) {
    const [, first, second, third, plural, hyphen, compound = '', next = ''] = match;
    // The words before the name, nearest last: "the best film" Oscar, "police in" Sydney.
    const before = [first, second, third].filter((part): part is string => part !== undefined);
    const nearest = before[before.length - 1] ?? '';
    const opensThing = next !== '' && things.some((thing) => thing.startsWith(`${word} ${next}`));
    if (PERSON_TITLE.test(nearest) || ROLE.test(nearest) || PERSON_VERB.test(next) || NAME_PARTICLE.test(next)) {
      uses.person += 1;
    } else if (/^\p{Lu}/u.test(next) && !THING_AFTER.test(next) && !opensThing) uses.person += 1;
    if (ORGANISATION_AFTER.test(next)) uses.organisation += 1;
    // "police in Sydney"; "London, Amsterdam and Sydney": a place in a list of places.
    const listed =
      (/^(?:and|or)$/u.test(nearest) && places.has((before[before.length - 2] ?? '').replace(/,$/u, ''))) ||
      (nearest.endsWith(',') && places.has(nearest.slice(0, -1)));
    const surnamed = /^\p{Lu}/u.test(next) || NAME_PARTICLE.test(next);
    if ((LOCATIVE.test(nearest) && !surnamed) || listed) uses.place += 1;
    // "the Sydney stock market", "an Oscar", "the best actress Oscar"; not "the rift between Blair".
    const best = before.indexOf('best');
    // A capital "A" before a name is as often an initial ("A Jones (Ospreys)").
    const isDeterminer = (part: string) => part !== 'A' && DETERMINED.test(part);
    const determined = isDeterminer(nearest) || (best > 0 && before.slice(0, best).some(isDeterminer));
    const compoundThing = hyphen !== undefined && THING_COMPOUND.test(compound);
    if (determined || plural !== undefined || THING_AFTER.test(next) || compoundThing || opensThing) uses.thing += 1;
  }
  return uses;
}

/**
 * One-word "people" the text shows to be something else: a place ("police in Sydney", or a
 * place the same text names so) or an award or event ("won an Oscar", "Oscar-winning", "the
 * Sydney Olympics"). Such a word is a person only where the text uses it as one more often.
 */
function namesOfThings(byKey: Map<string, Entity>, text: string): void {
  const things = [...byKey.values()]
    .filter((entity) => entity.kind !== 'person' && entity.name.includes(' '))
    .map((entity) => entity.name);
  const places = new Set([...byKey.values()].filter((entity) => entity.kind === 'place').map((entity) => entity.name));
  for (const [key, entity] of [...byKey.entries()]) {
    if (entity.kind !== 'person' || entity.name.includes(' ')) continue;
    const uses = usesOf(entity.name, text, things, places);
    const place = byKey.get(entityKey('place', entity.name).key);
    const organisation = byKey.get(entityKey('organisation', entity.name).key);
    const known = place === undefined && organisation === undefined ? 0 : 1;
    const otherwise = uses.thing + uses.place + uses.organisation + known;
    if (otherwise === 0 || otherwise <= uses.person) continue;
    byKey.delete(key);
    const as = place ?? organisation;
    if (as !== undefined) as.mentions += entity.mentions;
    else if (uses.place > 0 || uses.organisation > 0) {
      const kind = uses.place >= uses.organisation ? 'place' : 'organisation';
      byKey.set(entityKey(kind, entity.name).key, { ...entity, kind });
    }
  }
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
