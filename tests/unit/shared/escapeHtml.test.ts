import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

import { escapeHtml } from '../../../shared/escapeHtml';

describe('escapeHtml', () => {
  const hostile = `Tom & Jerry's "<script>alert(1)</script>" ' onmouseover="x`;

  it('keeps text as text in content and in a quoted attribute: no element, no attribute comes of it', () => {
    const { document } = parseHTML(
      `<!doctype html><html><body><p title="${escapeHtml(hostile)}" data-other='${escapeHtml(hostile)}'>${escapeHtml(hostile)}</p></body></html>`,
    );
    const paragraph = document.querySelector('p');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(paragraph?.textContent).toBe(hostile);
    expect(paragraph?.getAttribute('title')).toBe(hostile);
    expect(paragraph?.getAttribute('data-other')).toBe(hostile);
    expect(paragraph?.getAttributeNames()).toEqual(['title', 'data-other']);
  });

  it('leaves text without markup characters as it is', () => {
    expect(escapeHtml('Crossings start in May — “at last”.')).toBe('Crossings start in May — “at last”.');
  });
});
