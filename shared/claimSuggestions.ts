/**
 * Claims Copydesk proposes for a fact-checker to accept or dismiss: direct quotations,
 * attributed statements, figures, dates, and assertive sentences that carry no attribution.
 * Nothing here marks anything; a person decides. Pure: no Node or DOM APIs.
 *
 * Written as rules over English news copy rather than with an NLP library: the patterns that
 * matter to a fact-checker (AP-style dates, figures with their units, "according to", "… said
 * in a statement") are narrow, and rules keep the result predictable and fast.
 */
import { quotationsIn } from './quoteCheck';
import type { ClaimKind } from './sources';

/** A proposed claim: [start, end) are UTF-16 offsets into paragraph `paragraph`, `text` the words there. */
export type ClaimSuggestion = {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  kind: ClaimKind;
  /** Why it was proposed, in words: "Direct quotation", "Figure: 140 people", "Date: Mar. 22, 2024". */
  reason: string;
  /**
   * Who the words are attributed to in their sentence, if anyone: the phrase ("Pakistan’s
   * foreign ministry said"), and whether it names the source (a proper name, not "officials").
   */
  attribution: { phrase: string; named: boolean } | null;
};

type Span = { start: number; end: number };

/** A quotation of fewer words is a term or a scare quote ("cross-border"), not a direct quotation. */
const MIN_QUOTED_WORDS = 4;
/** Sentences shorter than this are not flagged as unattributed assertions. */
const MIN_ASSERTION_WORDS = 5;

const MONTH =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d|21\\d\\d)';

const DATE_PATTERNS: readonly RegExp[] = [
  // Mar. 22, 2024 · March 22 · Nov. 16th, 2023
  new RegExp(`\\b${MONTH}(?<!\\.)\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+${YEAR}\\b)?`, 'gu'),
  // 22 March 2024 · 22 Mar. 2024
  new RegExp(`\\b\\d{1,2}\\s+${MONTH}(?!\\p{L})(?:\\s+${YEAR}\\b)?`, 'gu'),
  // March 2024 · in March 2024
  new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'gu'),
  // 2024-03-22
  /\b\d{4}-\d{2}-\d{2}\b/gu,
  // on Tuesday · last Friday · till Wednesday
  new RegExp(`\\b(?:(?:on|last|next|this|since|until|till|by)\\s+)?${WEEKDAY}\\b`, 'gu'),
  // in 2026 · since 1998 · by the end of 2025
  new RegExp(`\\b(?:in|since|by|until|till|from|before|after|during|of|early|late|mid-)\\s*${YEAR}\\b`, 'giu'),
];

const NUMBER_WORD =
  '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)';
const SCALE = '(?:thousand|million|billion|trillion|bn|m|k)';
const MODIFIER =
  '(?:(?:more|fewer|less|greater|higher|lower)\\s+than|at\\s+least|at\\s+most|up\\s+to|nearly|almost|about|around|roughly|approximately|some|over|under|just\\s+over|just\\s+under|as\\s+many\\s+as|as\\s+much\\s+as)';
const FRACTION =
  '(?:(?:one|two|three|four|five|six|seven|eight|nine)-(?:halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)|(?:a|one)\\s+(?:half|third|quarter|fifth|tenth)\\s+of|half\\s+of|(?:one|two|three)\\s+in\\s+(?:two|three|four|five|six|seven|eight|nine|ten|\\d+))';

const FIGURE_PATTERNS: readonly RegExp[] = [
  // $2.5 billion · €40m · £1,200
  new RegExp(`[$€£¥]\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s?${SCALE}\\b)?`, 'giu'),
  // 12% · 3.5 percent · 40 per cent
  new RegExp(`(?<![\\p{L}\\d.,-])\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|percent\\b|per\\s+cent\\b)`, 'giu'),
  // over 140 people · 1,000 troops · 2.5 million barrels · 300
  new RegExp(
    `(?<![\\p{L}\\d.,/:#-])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?:\\s+${SCALE}\\b)?(?:\\s+(?!(?:and|or|of|in|on|at|to|the|a|an|was|were|is|are|has|have|had|and|by|for|from|with)\\b)\\p{Ll}[\\p{Ll}-]*(?:\\s+(?!(?:was|is|has|does|says|as|its|this|his|thus|plus|always|perhaps|across|less|unless)\\b)\\p{Ll}+s\\b)?)?(?![\\p{L}\\d])|(?<![\\p{L}\\d.,/:#-])\\d+(?:\\.\\d+)?(?:\\s+${SCALE}\\b)?(?:\\s+(?!(?:and|or|of|in|on|at|to|the|a|an|was|were|is|are|has|have|had|and|by|for|from|with|am|pm)\\b)\\p{Ll}[\\p{Ll}-]*(?:\\s+(?!(?:was|is|has|does|says|as|its|this|his|thus|plus|always|perhaps|across|less|unless)\\b)\\p{Ll}+s\\b)?)?(?![\\p{L}\\d%]|-\\p{L}|\\.\\d|\\s*[ap]\\.m\\.)`,
    'gu',
  ),
  // two-thirds · half of · one in five
  new RegExp(`\\b${FRACTION}\\b`, 'giu'),
  // dozens of · hundreds of people · twenty-five soldiers · ten million
  new RegExp(
    `\\b(?:(?:dozens|scores|hundreds|thousands|millions|billions)\\s+of(?:\\s+\\p{Ll}+)?|${NUMBER_WORD}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?:\\s+${NUMBER_WORD})*(?:\\s+(?!(?:and|or|of|in|on|at|to|the|a|an|was|were|is|are|has|have|had|by|for|from|with)\\b)\\p{Ll}+)?)\\b`,
    'giu',
  ),
];

/** Patterns that match only where there is a digit: skipped for paragraphs without one. */
const NEEDS_DIGIT: ReadonlySet<RegExp> = new Set([
  ...DATE_PATTERNS.filter((pattern) => !pattern.source.includes('Monday')),
  ...FIGURE_PATTERNS.slice(0, 3),
]);

/** Verbs of speech that attribute a statement to someone. "claimed by", "denied by" are passive and not attribution. */
const SPEECH_VERB =
  /\b(said|says|say|told|tells|stated|states|announced|added|noted|reported|reports|confirmed|wrote|warned|explained|insisted|acknowledged|testified|estimated|according to|in a statement)\b(?!\s+by\b)/giu;
const SAY_AS_NOUN = /\b(?:the|a|an|final|last|no|any|its|their|his|her|our|your|my|some|more|little|much)\s+$/iu;
/** Words that end a speaker's name when reading back from the verb. */
const SPEAKER_STOP = /^(?:that|which|who|and|but|as|while|when|because|if|than)$/iu;
/** Verbs and words that make a sentence an assertion worth checking even without a figure. */
const STRONG_WORDS =
  /\b(killed|kills|died|dead|injured|wounded|arrested|charged|convicted|sentenced|accused|banned|won|lost|rose|fell|increased|decreased|doubled|tripled|halved|surged|plunged|soared|collapsed|caused|proved|destroyed|launched|attacked|invaded|seized|deadliest|largest|biggest|highest|lowest|worst|record-high|record-low|all-time)\b/iu;
const URL = /\b(?:https?:\/\/|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.-]+/giu;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st gen sen rep gov lt col capt sgt maj adm cmdr rev jr sr inc corp ltd co no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd dept est fig al approx'.split(
    ' ',
  ),
);

function overlaps(span: Span, others: readonly Span[]): boolean {
  return others.some((other) => span.start < other.end && other.start < span.end);
}

function inside(span: Span, others: readonly Span[]): boolean {
  return others.some((other) => other.start <= span.start && span.end <= other.end);
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

/**
 * A paragraph in headline case ("Pakistan-Russia Deepen Counterterrorism Cooperation") is a
 * title, a standfirst or a "Read more" link: most of its words capitalised and no sentence end.
 */
function isHeadline(paragraph: string): boolean {
  const trimmed = paragraph.trim();
  if (/[.!?]["'”’)]*$/u.test(trimmed)) return false;
  const words = trimmed.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const significant = words.filter((word) => word.length > 3);
  if (significant.length === 0) return true;
  const capitalised = significant.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / significant.length >= 0.6;
}

/** Sentences of a paragraph as [start, end), never breaking inside a quotation or after an abbreviation or initial. */
function sentences(paragraph: string, quotes: readonly Span[]): Span[] {
  const found: Span[] = [];
  let start = 0;
  const boundary = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\p{Lu}\p{N}])/gu;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (quotes.some((quote) => quote.start < match.index && end < quote.end)) continue;
    if (match[0].startsWith('.') && match[0].length === 1) {
      const word = /([\p{L}.]+)$/u.exec(paragraph.slice(Math.max(0, match.index - 12), match.index))?.[1] ?? '';
      const bare = word.replace(/\./gu, '').toLowerCase();
      // An initial (J. Smith), an abbreviation (Mar. 22, Dr. Ali) or a dotted one (U.S.) does not end a sentence.
      if (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(bare) || word.includes('.')) continue;
    }
    found.push({ start, end });
    start = end;
  }
  if (start < paragraph.length) found.push({ start, end: paragraph.length });
  return found
    .map((span) => {
      const text = paragraph.slice(span.start, span.end);
      const lead = text.length - text.trimStart().length;
      return { start: span.start + lead, end: span.start + text.trimEnd().length };
    })
    .filter((span) => span.end > span.start);
}

const WORD_BREAK = new Set([',', ';', ':', '(', ')', '“', '”', '"', '—', '–']);

/** The last word of a text when only white space follows it, read backwards without a regex scan. */
function lastWord(text: string): { word: string; index: number } | null {
  let end = text.length;
  while (end > 0 && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  let start = end;
  while (start > 0 && !/\s/u.test(text[start - 1] ?? '') && !WORD_BREAK.has(text[start - 1] ?? '')) start -= 1;
  return start === end ? null : { word: text.slice(start, end), index: start };
}

type Attribution = { span: Span; phrase: string; named: boolean };

/** Whether an attribution names its source: a capitalised word in it other than the sentence's first, or "I". */
function namesSource(paragraph: string, span: Span, sentence: Span): boolean {
  for (const word of paragraph.slice(span.start, span.end).matchAll(/\p{Lu}[\p{L}’'.-]*/gu)) {
    const at = span.start + word.index;
    if (at !== sentence.start && word[0] !== 'I') return true;
  }
  return false;
}

/** The attribution in a sentence ("Pakistan’s foreign ministry said in a statement", "according to police"), if any. */
function attributionIn(paragraph: string, sentence: Span, quotes: readonly Span[]): Attribution | null {
  const text = paragraph.slice(sentence.start, sentence.end);
  for (const match of text.matchAll(SPEECH_VERB)) {
    const verbStart = sentence.start + match.index;
    const verbEnd = verbStart + match[0].length;
    if (inside({ start: verbStart, end: verbEnd }, quotes)) continue;
    const verb = match[0].toLowerCase();
    // "the final say", "no say in it": the noun, not the verb.
    if (verb === 'say' && SAY_AS_NOUN.test(paragraph.slice(Math.max(sentence.start, verbStart - 12), verbStart))) {
      continue;
    }
    let start = verbStart;
    let end = verbEnd;
    if (verb === 'according to') {
      const rest = /^[^,;:.!?“"]*/u.exec(paragraph.slice(verbEnd, sentence.end))?.[0] ?? '';
      end = verbEnd + rest.trimEnd().length;
    } else {
      // The speaker: up to six words read back from the verb, stopping at punctuation or a conjunction.
      let remaining = paragraph.slice(sentence.start, verbStart);
      let cursor = verbStart;
      for (let taken = 0; taken < 6; taken += 1) {
        const last = lastWord(remaining);
        if (last === null || SPEAKER_STOP.test(last.word)) break;
        cursor = sentence.start + last.index;
        remaining = remaining.slice(0, last.index);
      }
      start = cursor;
      const inverted =
        cursor === verbStart && verb !== 'in a statement'
          ? /^(?:\s+[^\s,;:!?“”"]+){1,6}/u.exec(paragraph.slice(verbEnd, sentence.end))
          : null;
      if (inverted !== null) {
        // "…, said the mayor." · "…, says Dr. Amina Khan."
        end = verbEnd + inverted[0].replace(/\.$/u, '').length;
      } else if (verb !== 'in a statement') {
        const tail =
          /^\s+(?:in\s+an?\s+(?:statement|interview|email|e-mail|post|letter|briefing|news\s+conference)|on\s+\p{Lu}\p{Ll}+day)\b/u.exec(
            paragraph.slice(verbEnd, sentence.end),
          ) ??
          (verb === 'told' || verb === 'tells'
            ? /^\s+(?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3}/u.exec(
                paragraph.slice(verbEnd, sentence.end),
              )
            : null);
        if (tail !== null) end = verbEnd + tail[0].length;
      }
    }
    return {
      span: { start, end },
      phrase: paragraph.slice(start, end).replace(/\s+/gu, ' '),
      named: namesSource(paragraph, { start, end }, sentence),
    };
  }
  return null;
}

/** "over", "more than", "at least" just before a figure: part of what is claimed. */
const MODIFIER_BEFORE = new RegExp(`(?<![\\p{L}])${MODIFIER}\\s+$`, 'iu');

/** A figure's span widened to the modifier before it ("over 140 people"). */
function withModifier(paragraph: string, span: Span): Span {
  const before = paragraph.slice(Math.max(0, span.start - 24), span.start);
  const modifier = MODIFIER_BEFORE.exec(before);
  return modifier === null ? span : { start: span.start - modifier[0].length, end: span.end };
}

function matchesOf(paragraph: string, patterns: readonly RegExp[], excluded: readonly Span[]): Span[] {
  const found: Span[] = [];
  const hasDigit = /\d/u.test(paragraph);
  for (const pattern of patterns) {
    if (!hasDigit && NEEDS_DIGIT.has(pattern)) continue;
    for (const match of paragraph.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + match[0].trimEnd().length };
      if (span.end > span.start && !overlaps(span, excluded) && !overlaps(span, found)) found.push(span);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A paragraph's suggestions in reading order, and the sentences they were found in. */
type ParagraphFindings = { suggestions: ClaimSuggestion[]; sentences: Span[] };

function suggestInParagraph(paragraph: string, index: number): ParagraphFindings {
  if (paragraph.trim() === '' || isHeadline(paragraph)) return { suggestions: [], sentences: [] };
  const suggestions: ClaimSuggestion[] = [];
  const suggest = (span: Span, kind: ClaimKind, reason: string, attribution: Attribution | null = null) =>
    suggestions.push({
      paragraph: index,
      start: span.start,
      end: span.end,
      text: paragraph.slice(span.start, span.end),
      kind,
      reason,
      attribution: attribution === null ? null : { phrase: attribution.phrase, named: attribution.named },
    });

  // The address pattern is the costliest one; most paragraphs have no address at all.
  const mayHoldAddress = paragraph.includes('://') || paragraph.includes('www.') || paragraph.includes('@');
  const urls = (mayHoldAddress ? [...paragraph.matchAll(URL)] : []).map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const allQuotes = quotationsIn(paragraph).filter((quote) => !overlaps(quote, urls));
  const quotes = allQuotes.filter((quote) => wordCount(quote.text) >= MIN_QUOTED_WORDS);
  const spans = sentences(paragraph, allQuotes);

  const dates = matchesOf(paragraph, DATE_PATTERNS, [...urls, ...quotes]);
  const figures = matchesOf(paragraph, FIGURE_PATTERNS, [...urls, ...quotes, ...dates])
    // A lone four-digit number is more often a year than a count.
    .filter((span) => !/^\d{4}$/u.test(paragraph.slice(span.start, span.end)))
    .map((span) => withModifier(paragraph, span));

  for (const sentence of spans) {
    const sentenceQuotes = quotes.filter((quote) => overlaps(quote, [sentence]));
    const attribution = attributionIn(paragraph, sentence, allQuotes);
    for (const quote of sentenceQuotes) {
      suggest(
        quote,
        'quote',
        attribution === null ? 'Direct quotation' : `Direct quotation: “${attribution.phrase}”`,
        attribution,
      );
    }
    const text = paragraph.slice(sentence.start, sentence.end);
    if (sentenceQuotes.length > 0) continue;
    if (attribution !== null) {
      suggest(sentence, 'attribution', `Attributed: “${attribution.phrase}”`, attribution);
      continue;
    }
    const hasFigure = figures.some((figure) => overlaps(figure, [sentence]));
    const outsideQuotes = allQuotes.reduce(
      (rest, quote) =>
        quote.start >= sentence.start && quote.end <= sentence.end
          ? rest.slice(0, quote.start - sentence.start) +
            ' '.repeat(quote.end - quote.start) +
            rest.slice(quote.end - sentence.start)
          : rest,
      text,
    );
    if (
      !text.trimEnd().endsWith('?') &&
      wordCount(text) >= MIN_ASSERTION_WORDS &&
      (hasFigure || STRONG_WORDS.test(outsideQuotes))
    ) {
      suggest(sentence, 'other', 'Assertion without attribution');
    }
  }
  for (const figure of figures) suggest(figure, 'figure', `Figure: ${paragraph.slice(figure.start, figure.end)}`);
  for (const date of dates) suggest(date, 'date', `Date: ${paragraph.slice(date.start, date.end)}`);

  return { suggestions: suggestions.sort((a, b) => a.start - b.start || b.end - a.end), sentences: spans };
}

/**
 * Claims worth checking in an article's paragraphs (its body as plain text, one string per
 * paragraph), in reading order: direct quotations of at least four words; sentences that
 * attribute a statement ("… said", "according to …", "… said in a statement", "… told …");
 * figures (counts with their unit, amounts, percentages, fractions, numbers in words from ten
 * up); dates ("Mar. 22, 2024", "on Tuesday", "in 2026"); and sentences that assert something
 * — a figure or a strong verb such as "killed" — with no attribution, no question and no
 * quotation. Headline-case paragraphs (titles, "Read more" links) and web addresses are left
 * alone; a quotation's own words are covered by the quotation and not split into figures.
 */
export function suggestClaims(paragraphs: readonly string[]): ClaimSuggestion[] {
  return paragraphs.flatMap((paragraph, index) => suggestInParagraph(paragraph, index).suggestions);
}

/** A suggestion as it is offered: with how worth checking it is, the highest first. */
export type RankedSuggestion = ClaimSuggestion & { score: number };

/** The suggestions of a text, best first, with the paragraphs they point into. */
export type SuggestionList = { paragraphs: readonly string[]; suggestions: readonly RankedSuggestion[] };

/** A date with a day or a year is checkable; a weekday alone ("on Tuesday") says little. */
const SPECIFIC_DATE = /\d/u;
/** Amounts of money and shares are the figures most often wrong. */
const MONEY_OR_SHARE = /[$€£¥%]|\b(?:percent|per\s+cent)\b/iu;
/** A sentence longer than this is a paragraph's worth: a poorer claim than a short one. */
const LONG_SENTENCE_WORDS = 50;

/** How worth checking a suggestion is, from what it holds. Only the order matters. */
function worth(
  suggestion: ClaimSuggestion,
  parts: { figures: readonly string[]; dates: readonly string[]; strong: boolean },
): number {
  const { figures, dates, strong } = parts;
  let score = 0;
  if (suggestion.kind === 'quote') score += 3 + (wordCount(suggestion.text) >= 8 ? 0.5 : 0);
  if (suggestion.attribution !== null) score += suggestion.attribution.named ? 1.5 : 0.5;
  if (suggestion.kind === 'attribution') score += 1.5;
  if (figures.length > 0) {
    score +=
      2.5 + Math.min(figures.length - 1, 2) * 0.5 + (figures.some((figure) => MONEY_OR_SHARE.test(figure)) ? 0.5 : 0);
  }
  if (dates.length > 0) score += dates.some((date) => SPECIFIC_DATE.test(date)) ? 1 : 0.25;
  if (strong) score += 1;
  // A sentence that asserts a figure and says nobody's word for it.
  if (
    suggestion.kind !== 'quote' &&
    suggestion.attribution === null &&
    figures.length > 0 &&
    suggestion.text.length > 20
  ) {
    score += 0.5;
  }
  if (suggestion.kind === 'other' && figures.length === 0) score += 1;
  if (wordCount(suggestion.text) > LONG_SENTENCE_WORDS) score -= 1;
  return score;
}

/** The words of a sentence, its quotations blanked out (a strong verb inside a quotation is the quotation's). */
function outsideQuotations(text: string): string {
  return quotationsIn(text).reduce(
    (rest, quote) => rest.slice(0, quote.start) + ' '.repeat(quote.end - quote.start) + rest.slice(quote.end),
    text,
  );
}

/**
 * A sentence offered whole, with the figures and dates in it: one claim to check, not three.
 * `whole` is the sentence's own suggestion (attributed, or asserted without attribution), if any.
 */
function sentenceSuggestion(
  paragraph: string,
  index: number,
  sentence: Span,
  whole: ClaimSuggestion | undefined,
  parts: readonly ClaimSuggestion[],
): RankedSuggestion {
  const text = paragraph.slice(sentence.start, sentence.end);
  const figures = parts.filter((part) => part.kind === 'figure').map((part) => part.text);
  const dates = parts.filter((part) => part.kind === 'date').map((part) => part.text);
  const attribution = whole?.attribution ?? null;
  const reasons = [
    attribution === null ? '' : `Attributed: “${attribution.phrase}”`,
    figures.length === 0 ? '' : `${figures.length === 1 ? 'Figure' : 'Figures'}: ${figures.join(', ')}`,
    dates.length === 0 ? '' : `${dates.length === 1 ? 'Date' : 'Dates'}: ${dates.join(', ')}`,
    attribution !== null
      ? ''
      : figures.length + dates.length === 0
        ? 'Assertion without attribution'
        : 'Not attributed',
  ].filter((reason) => reason !== '');
  const kind: ClaimKind =
    whole?.kind === 'attribution'
      ? 'attribution'
      : figures.length > 0
        ? 'figure'
        : whole === undefined
          ? 'date'
          : 'other';
  const suggestion: ClaimSuggestion = {
    paragraph: index,
    start: sentence.start,
    end: sentence.end,
    text,
    kind,
    reason: reasons.join(' · '),
    attribution,
  };
  return {
    ...suggestion,
    score: worth(suggestion, { figures, dates, strong: STRONG_WORDS.test(outsideQuotations(text)) }),
  };
}

/** A suggestion offered as it was found (a quotation, or a figure or date outside any sentence offered). */
function alone(suggestion: ClaimSuggestion): RankedSuggestion {
  const figures = suggestion.kind === 'figure' ? [suggestion.text] : [];
  const dates = suggestion.kind === 'date' ? [suggestion.text] : [];
  return { ...suggestion, score: worth(suggestion, { figures, dates, strong: false }) };
}

/** A paragraph's suggestions as offered: a sentence takes in the figures and dates it holds. */
function offeredInParagraph(paragraph: string, index: number): RankedSuggestion[] {
  const { suggestions, sentences: spans } = suggestInParagraph(paragraph, index);
  const offered: RankedSuggestion[] = [];
  const used = new Set<ClaimSuggestion>();
  for (const sentence of spans) {
    const within = suggestions.filter((item) => item.start >= sentence.start && item.end <= sentence.end);
    const quotes = within.filter((item) => item.kind === 'quote');
    const whole = within.find(
      (item) =>
        item.start === sentence.start &&
        item.end === sentence.end &&
        (item.kind === 'attribution' || item.kind === 'other'),
    );
    const parts = within.filter((item) => item.kind === 'figure' || item.kind === 'date');
    for (const item of within) used.add(item);
    offered.push(...quotes.map(alone));
    const text = paragraph.slice(sentence.start, sentence.end);
    const wholeSentence =
      whole !== undefined ||
      (parts.length > 0 &&
        quotes.length === 0 &&
        wordCount(text) >= MIN_ASSERTION_WORDS &&
        !text.trimEnd().endsWith('?'));
    if (wholeSentence) offered.push(sentenceSuggestion(paragraph, index, sentence, whole, parts));
    else offered.push(...parts.map(alone));
  }
  // Anything found across a sentence boundary is offered as it was found.
  offered.push(...suggestions.filter((item) => !used.has(item)).map(alone));
  return offered;
}

/**
 * What to offer a fact-checker, best first: each sentence worth checking once (with the
 * figures and dates it holds, rather than each of them again on its own), each direct
 * quotation, and the figures and dates outside them. Ranked by what makes a claim worth
 * checking — a figure (more for money and shares), a direct quotation, a source named rather
 * than "officials", a date with a day or a year, a strong verb ("killed", "record") — over
 * vague assertions; ties in reading order. The same words offered twice are offered once.
 */
export function rankSuggestions(paragraphs: readonly string[]): SuggestionList {
  const seen = new Set<string>();
  const suggestions = paragraphs
    .flatMap((paragraph, index) => offeredInParagraph(paragraph, index))
    .filter((suggestion) => {
      const key = `${suggestion.kind}:${suggestion.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => b.score - a.score || a.paragraph - b.paragraph || a.start - b.start);
  return { paragraphs, suggestions };
}

/**
 * The suggestions that touch no claim's words: a claim marked where a suggestion stands (the
 * claim's words found at or across its place in its paragraph) is not suggested again.
 */
export function unclaimedSuggestions(list: SuggestionList, claimTexts: readonly string[]): RankedSuggestion[] {
  const texts = [...new Set(claimTexts.filter((text) => text.trim() !== ''))];
  if (texts.length === 0) return [...list.suggestions];
  const claimedIn = new Map<number, Span[]>();
  const claimed = (index: number): Span[] => {
    let spans = claimedIn.get(index);
    if (spans === undefined) {
      const paragraph = list.paragraphs[index] ?? '';
      spans = [];
      for (const text of texts) {
        for (let at = paragraph.indexOf(text); at >= 0; at = paragraph.indexOf(text, at + 1)) {
          spans.push({ start: at, end: at + text.length });
        }
      }
      claimedIn.set(index, spans);
    }
    return spans;
  };
  return list.suggestions.filter((suggestion) => !overlaps(suggestion, claimed(suggestion.paragraph)));
}

/** The kinds of suggestion, in the order their groups are shown, with the group's name. */
export const SUGGESTION_GROUPS: readonly { kind: ClaimKind; label: string }[] = [
  { kind: 'quote', label: 'Quotations' },
  { kind: 'figure', label: 'Figures' },
  { kind: 'attribution', label: 'Attributed statements' },
  { kind: 'date', label: 'Dates' },
  { kind: 'other', label: 'Other assertions' },
];

/** How many suggestions are offered before the groups: the few most worth checking, to start with. */
export const FIRST_SUGGESTIONS = 6;

/**
 * Ranked suggestions as the panel lays them out: the `top` best first, then the rest by kind
 * (each group best first), empty groups left out.
 */
export function pageSuggestions(
  ranked: readonly RankedSuggestion[],
  top: number,
): { best: RankedSuggestion[]; groups: { kind: ClaimKind; label: string; suggestions: RankedSuggestion[] }[] } {
  const rest = ranked.slice(top);
  return {
    best: ranked.slice(0, top),
    groups: SUGGESTION_GROUPS.map((group) => ({
      ...group,
      suggestions: rest.filter((suggestion) => suggestion.kind === group.kind),
    })).filter((group) => group.suggestions.length > 0),
  };
}
