/**
 * House-style checks on plain text: unfinished "TK" markers and terms the desk writes another
 * way. Pure: no DOM, no editor. The editor turns the offsets into highlights; nothing here
 * changes the text.
 */
import type { HouseStyleRule } from './preferences';

export type HouseStyleIssueKind = 'tk' | 'term';

/** One place in the text that house style flags. `start`/`end` are UTF-16 offsets into the text. */
export type HouseStyleIssue = {
  start: number;
  end: number;
  kind: HouseStyleIssueKind;
  /** The text as written. */
  found: string;
  /** The house form; empty for a TK marker or a term flagged without a replacement. */
  suggestion: string;
  note: string;
};

/** What a TK marker means, as shown beside it. */
export const TK_NOTE = 'unfinished — fill in before export';

/** A letter, mark, digit or connector: what may not touch a word on either side. */
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}\p{Pc}]`;
const BEFORE = `(?<!${WORD_CHAR})`;
const AFTER = `(?!${WORD_CHAR})`;

// Case-sensitive on purpose: "tk" in running text is rarely the marker.
const TK_PATTERN = new RegExp(`${BEFORE}(?:TKTK|TK)${AFTER}`, 'gu');

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** A run of white space in a term: it matches any run of white space in the text. */
const SPACE = ' ';

/** A term as the characters to match, case folded, with each run of spaces as one SPACE. */
function termUnits(term: string): string[] {
  const units: string[] = [];
  for (const char of term.trim().toLowerCase()) {
    if (/\s/u.test(char)) {
      if (units[units.length - 1] !== SPACE) units.push(SPACE);
    } else {
      units.push(char);
    }
  }
  return units;
}

type Trie = { end: boolean; next: Map<string, Trie> };

/**
 * The terms as one expression shaped like a trie ("term1|term2" becomes "term(?:1|2)"), so a
 * desk's list of thousands of terms costs about as much as a handful: the engine never retries
 * a shared prefix once per term. Longer continuations come first, so the longest term wins.
 */
function triePattern(node: Trie): string {
  const branches = [...node.next].map(([unit, child]) => unitPattern(unit) + triePattern(child));
  if (branches.length === 0) return '';
  const alternatives = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  return node.end ? `(?:${alternatives})?` : alternatives;
}

function unitPattern(unit: string): string {
  return unit === SPACE ? String.raw`\s+` : escapeRegExp(unit);
}

/** The key a matched text and its rule share: case folded, white space collapsed. */
function termKey(text: string): string {
  return termUnits(text).join('');
}

type CompiledRules = { pattern: RegExp; byKey: Map<string, HouseStyleRule>; rules: HouseStyleRule[] } | null;

const compiled = new WeakMap<readonly HouseStyleRule[], CompiledRules>();

function compile(rules: readonly HouseStyleRule[]): CompiledRules {
  const cached = compiled.get(rules);
  if (cached !== undefined) return cached;
  const byKey = new Map<string, HouseStyleRule>();
  const root: Trie = { end: false, next: new Map() };
  for (const rule of rules) {
    const units = termUnits(rule.term);
    const key = units.join('');
    if (key === '' || byKey.has(key)) continue;
    byKey.set(key, rule);
    let node = root;
    for (const unit of units) {
      let child = node.next.get(unit);
      if (child === undefined) {
        child = { end: false, next: new Map() };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.end = true;
  }
  const result: CompiledRules =
    byKey.size === 0
      ? null
      : { pattern: new RegExp(`${BEFORE}(?:${triePattern(root)})${AFTER}`, 'giu'), byKey, rules: [...byKey.values()] };
  compiled.set(rules, result);
  return result;
}

/** The rule a matched text came from; case folding can differ from lower-casing for a few letters. */
function ruleFor(terms: NonNullable<CompiledRules>, text: string): HouseStyleRule | undefined {
  const direct = terms.byKey.get(termKey(text));
  if (direct !== undefined) return direct;
  return terms.rules.find((rule) =>
    new RegExp(
      `^${termUnits(rule.term)
        .map((unit) => (unit === SPACE ? String.raw`\s+` : escapeRegExp(unit)))
        .join('')}$`,
      'iu',
    ).test(text),
  );
}

/**
 * Every house-style issue in `text`, in order of position. Terms match as whole words,
 * ignoring case ("isis" and "ISIS" alike), with word boundaries that understand every script;
 * TK markers match only as the capitalised words "TK" and "TKTK". Text already in its house
 * form (the match equals the suggestion exactly) is not an issue. Overlapping matches keep the
 * earlier one.
 */
export function findHouseStyleIssues(text: string, rules: readonly HouseStyleRule[]): HouseStyleIssue[] {
  const issues: HouseStyleIssue[] = [];

  for (const match of text.matchAll(TK_PATTERN)) {
    issues.push({
      start: match.index,
      end: match.index + match[0].length,
      kind: 'tk',
      found: match[0],
      suggestion: '',
      note: TK_NOTE,
    });
  }

  const terms = compile(rules);
  if (terms !== null) {
    for (const match of text.matchAll(terms.pattern)) {
      const rule = ruleFor(terms, match[0]);
      if (rule === undefined) continue;
      const suggestion = rule.suggestion.trim();
      if (match[0] === suggestion) continue;
      issues.push({
        start: match.index,
        end: match.index + match[0].length,
        kind: 'term',
        found: match[0],
        suggestion,
        note: rule.note.trim(),
      });
    }
  }

  issues.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: HouseStyleIssue[] = [];
  for (const issue of issues) {
    const last = kept[kept.length - 1];
    if (last !== undefined && issue.start < last.end) continue;
    kept.push(issue);
  }
  return kept;
}

/**
 * The issue as one line a person reads: "ISIS → Daesh: House style names the group Daesh."
 * or "TK: unfinished — fill in before export".
 */
export function describeHouseStyleIssue(issue: HouseStyleIssue): string {
  const head = issue.suggestion === '' ? issue.found : `${issue.found} → ${issue.suggestion}`;
  return issue.note === '' ? head : `${head}: ${issue.note}`;
}
