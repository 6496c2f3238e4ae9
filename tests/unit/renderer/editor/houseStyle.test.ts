// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { locateHouseStyleIssues } from '../../../../renderer/editor/plugins/HouseStylePlugin';
import { DEFAULT_HOUSE_STYLE } from '../../../../shared/preferences';

function body(html: string): HTMLElement {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

describe('house-style issues on the page', () => {
  it('covers exactly the flagged words, across formatting, and leaves the text as it is', () => {
    const root = body('<p>Reports say <strong>IS</strong>IS fighters TK, and isis.</p><p>TKTK</p>');
    const before = root.innerHTML;
    const issues = locateHouseStyleIssues(root, DEFAULT_HOUSE_STYLE);
    expect(issues.map((issue) => [issue.kind, issue.range.toString()])).toEqual([
      ['term', 'ISIS'],
      ['tk', 'TK'],
      ['term', 'isis'],
      ['tk', 'TKTK'],
    ]);
    expect(issues[0]?.suggestion).toBe('Daesh');
    expect(root.innerHTML).toBe(before);
  });

  it('skips images, Also See and other decorators, and never matches across blocks', () => {
    const rules = [{ term: 'Islamic State', suggestion: 'Daesh', note: '' }];
    const root = body(
      '<p>Islamic</p><p>State</p><div contenteditable="false"><p>Islamic State TK</p></div><ul><li>Islamic<br>State</li></ul>',
    );
    expect(locateHouseStyleIssues(root, rules)).toEqual([]);
  });

  it('finds nothing in an empty body', () => {
    expect(locateHouseStyleIssues(body('<p><br></p>'), DEFAULT_HOUSE_STYLE)).toEqual([]);
  });
});
