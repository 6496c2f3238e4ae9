import { describe, expect, it } from 'vitest';

import { describeHouseStyleIssue, findHouseStyleIssues, TK_NOTE } from '../../../shared/houseStyle';
import { DEFAULT_HOUSE_STYLE, type HouseStyleRule } from '../../../shared/preferences';

const rule = (term: string, suggestion: string, note = ''): HouseStyleRule => ({ term, suggestion, note });

/** The flagged substrings, which must be exactly the text between each issue's offsets. */
function found(text: string, rules: readonly HouseStyleRule[]): string[] {
  return findHouseStyleIssues(text, rules).map((issue) => {
    expect(text.slice(issue.start, issue.end)).toBe(issue.found);
    return issue.found;
  });
}

describe('TK markers', () => {
  it('finds TK and TKTK as whole words', () => {
    const text = 'The toll was TK, officials said TKTK.';
    const issues = findHouseStyleIssues(text, []);
    expect(issues).toEqual([
      { start: 13, end: 15, kind: 'tk', found: 'TK', suggestion: '', note: TK_NOTE },
      { start: 32, end: 36, kind: 'tk', found: 'TKTK', suggestion: '', note: TK_NOTE },
    ]);
  });

  it('is case-sensitive and ignores TK inside words', () => {
    expect(found('tk Tk tK TKO ATK TKTKTK TK2 _TK', [])).toEqual([]);
  });

  it('finds TK beside punctuation, line breaks and other scripts', () => {
    expect(found('(TK)\nTK—“TK” ميدانTK', [])).toEqual(['TK', 'TK', 'TK']);
  });
});

describe('house-style terms', () => {
  it('matches a term as a whole word whatever its case, with the suggestion and note', () => {
    const text = 'ISIS fighters and isis supporters; Isis said.';
    const issues = findHouseStyleIssues(text, DEFAULT_HOUSE_STYLE);
    expect(issues.map((issue) => issue.found)).toEqual(['ISIS', 'isis', 'Isis']);
    expect(issues[0]).toEqual({
      start: 0,
      end: 4,
      kind: 'term',
      found: 'ISIS',
      suggestion: 'Daesh',
      note: 'House style names the group Daesh.',
    });
  });

  it('does not match inside longer words, in any script', () => {
    const rules = [rule('ISIS', 'Daesh'), rule('café', 'cafe')];
    expect(found('CRISIS ISISes isis1 caféteria décafé', rules)).toEqual([]);
    expect(found('ISIS’s café, ISIS-linked', rules)).toEqual(['ISIS', 'café', 'ISIS']);
  });

  it('treats letters of other scripts as part of a word', () => {
    const rules = [rule('Daesh', 'Daesh'), rule('داعش', 'Daesh')];
    expect(found('داعشی داعش', rules)).toEqual(['داعش']);
    expect(found('Ωداعش', rules)).toEqual([]);
  });

  it('matches multi-word terms across any white space, and prefers the longest term', () => {
    const rules = [rule('Islamic State', 'Daesh'), rule('Islamic State group', 'Daesh'), rule('state', 'State')];
    expect(found('the Islamic  State\ngroup said', rules)).toEqual(['Islamic  State\ngroup']);
    expect(found('the islamic state said', rules)).toEqual(['islamic state']);
    expect(found('Islamic State groups', rules)).toEqual(['Islamic State']);
    expect(found('a state visit', rules)).toEqual(['state']);
  });

  it('skips text already in its house form but flags a different case of it', () => {
    const rules = [rule('Daesh', 'Daesh', 'Capitalised.')];
    expect(found('Daesh and DAESH', rules)).toEqual(['DAESH']);
  });

  it('takes terms literally, regular-expression characters included', () => {
    const rules = [rule('C++', 'C plus plus'), rule('a.b', 'ab'), rule('(x)', 'x')];
    expect(found('use C++ and axb or a.b, (x) but not C++x or a.bc', rules)).toEqual(['C++', 'a.b', '(x)']);
  });

  it('flags a term with no suggestion, and ignores empty or repeated rules', () => {
    const rules = [rule('very unique', '', 'Unique is absolute.'), rule('  ', 'x'), rule('Very Unique', 'x')];
    const [issue, ...others] = findHouseStyleIssues('A very unique case.', rules);
    expect(others).toEqual([]);
    expect(issue?.suggestion).toBe('');
    expect(issue && describeHouseStyleIssue(issue)).toBe('very unique: Unique is absolute.');
  });

  it('returns TK markers and terms together in order, never overlapping', () => {
    const rules = [rule('TK', 'to come')];
    const issues = findHouseStyleIssues('ISIS fighters TK', [...DEFAULT_HOUSE_STYLE, ...rules]);
    expect(issues.map((issue) => [issue.kind, issue.found, issue.start])).toEqual([
      ['term', 'ISIS', 0],
      ['tk', 'TK', 14],
    ]);
  });

  it('handles an empty text and an empty rule list', () => {
    expect(findHouseStyleIssues('', DEFAULT_HOUSE_STYLE)).toEqual([]);
    expect(findHouseStyleIssues('ISIS', [])).toEqual([]);
  });

  it('copes with thousands of rules sharing a prefix, and a long text', () => {
    const many = Array.from({ length: 2000 }, (_, index) => rule(`term${index}`, `Term ${index}`));
    const text = `${'Plain words without any flagged term. '.repeat(2000)}term1999 and term7.`;
    expect(found(text, many)).toEqual(['term1999', 'term7']);
  });
});

describe('describeHouseStyleIssue', () => {
  it('reads as the desk writes it', () => {
    const described = findHouseStyleIssues('ISIS TK', DEFAULT_HOUSE_STYLE).map(describeHouseStyleIssue);
    expect(described).toEqual([
      'ISIS → Daesh: House style names the group Daesh.',
      'TK: unfinished — fill in before export',
    ]);
  });
});
