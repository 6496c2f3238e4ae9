import { describe, expect, it } from 'vitest';

import { escapeMarkerRuns, parseMarkdown } from '../../../../electron/import/markdown';
import { bodyToPlainText } from '../../../../shared/text';

type Node = { type: string; tag?: string; url?: string; format?: number; text?: string; children?: Node[] };

function nodes(body: { root: { children: unknown[] } }): Node[] {
  return body.root.children as Node[];
}

describe('parseMarkdown', () => {
  it('reads every front-matter field Copydesk has', () => {
    const article = parseMarkdown(
      [
        '---',
        'title: "Night ferry trial approved"',
        'subtitle: A six-month trial begins in spring.',
        'authors:',
        '  - name: Maria Okafor',
        '    bio: Covers the harbour.',
        '  - Omar Khan',
        'date: 2026-03-02',
        'tags: [transport, council]',
        'section: Local',
        'language: en-GB',
        'slug: night-ferry',
        'dateline: PORT ELLIS',
        'layout: post',
        '---',
        '',
        'The council voted.',
      ].join('\n'),
      'ferry.md',
    );
    expect(article).toMatchObject({
      format: 'markdown',
      headline: 'Night ferry trial approved',
      dek: 'A six-month trial begins in spring.',
      authors: [
        { name: 'Maria Okafor', bio: 'Covers the harbour.' },
        { name: 'Omar Khan', bio: '' },
      ],
      datelineDate: '2026-03-02',
      tags: ['transport', 'council'],
      section: 'Local',
      language: 'en-GB',
      slug: 'night-ferry',
      dateline: 'PORT ELLIS',
    });
    expect(article.notes).toEqual(['Front-matter keys not used: layout.']);
    expect(bodyToPlainText(article.body)).toBe('The council voted.');
  });

  it('accepts description for the dek, a single author, and comma-separated tags', () => {
    const article = parseMarkdown('---\ntitle: T\ndescription: D\nauthor: Jane Doe\ntags: a, b ,a\n---\nBody', 'x.md');
    expect(article).toMatchObject({ dek: 'D', authors: [{ name: 'Jane Doe', bio: '' }], tags: ['a', 'b'] });
  });

  it('takes a leading "# Heading" as the headline when there is no title, else the file name', () => {
    const withHeading = parseMarkdown('# The *harbour* council\n\nText.', 'x.md');
    expect(withHeading.headline).toBe('The harbour council');
    expect(bodyToPlainText(withHeading.body)).toBe('Text.');
    expect(parseMarkdown('Just text.', 'night-ferry.md').headline).toBe('night-ferry');
  });

  it('keeps headings (as h2 and h3), quotes, lists, links and emphasis', () => {
    const article = parseMarkdown(
      [
        '---',
        'title: Given',
        '---',
        '# A level-one heading in the body',
        '',
        '## Section',
        '',
        '#### Deep heading',
        '',
        '> A quotation.',
        '',
        '- one',
        '- two',
        '',
        '1. first',
        '2. second',
        '',
        'Text with **bold**, *italic*, ~~struck~~ and [a link](https://example.com/x).',
        '',
        '[bad link](javascript:alert(1)) and [relative](/path).',
      ].join('\n'),
      'x.md',
    );
    const [first, section, deep, quote, bullets, numbers, text, unsafe] = nodes(article.body);
    expect(first).toMatchObject({ type: 'heading', tag: 'h2' });
    expect(section).toMatchObject({ type: 'heading', tag: 'h2' });
    expect(deep).toMatchObject({ type: 'heading', tag: 'h3' });
    expect(quote).toMatchObject({ type: 'quote' });
    expect(bullets).toMatchObject({ type: 'list', listType: 'bullet' });
    expect(numbers).toMatchObject({ type: 'list', listType: 'number' });
    const link = text?.children?.find((child) => child.type === 'link');
    expect(link).toMatchObject({ url: 'https://example.com/x', rel: 'noreferrer' });
    expect(text?.children?.find((child) => child.text === 'bold')?.format).toBe(1);
    expect(text?.children?.find((child) => child.text === 'italic')?.format).toBe(2);
    expect(unsafe?.children?.some((child) => child.type === 'link')).toBe(false);
    expect(bodyToPlainText({ root: { type: 'root', children: [unsafe as never] } })).toBe('bad link and relative.');
  });

  it('refuses front matter that is not YAML, naming the file', () => {
    expect(() => parseMarkdown('---\ntitle: [unclosed\n---\nBody', 'broken.md')).toThrow(
      /^broken\.md has front matter \(between the --- lines\) that is not valid YAML/,
    );
  });

  it('notes a language or slug it cannot use instead of failing', () => {
    const article = parseMarkdown('---\ntitle: T\nlanguage: English\nslug: Night Ferry!\n---\nB', 'x.md');
    expect(article.language).toBeNull();
    expect(article.slug).toBe('night-ferry');
    expect(article.notes.join(' ')).toMatch(
      /"English" is not a language tag.*"Night Ferry!" was written as "night-ferry"/,
    );
  });

  it('treats text without front matter as all body', () => {
    const article = parseMarkdown('---\nnot closed\n\nbody', 'x.md');
    expect(bodyToPlainText(article.body)).toContain('not closed');
  });
});

describe('long runs of emphasis markers', () => {
  it('reads 20,000 asterisks, underscores or tildes around a word as those characters, not as nested emphasis', () => {
    for (const marker of ['*', '_', '~']) {
      const run = marker.repeat(20_000);
      const article = parseMarkdown(`# Markers\n\n${run}word${run}\n\nAfter.`, 'markers.md');
      expect(bodyToPlainText(article.body)).toBe(`${run}word${run}\n\nAfter.`);
    }
  });

  it('keeps emphasis, escapes and rules as they were', () => {
    expect(escapeMarkerRuns('*a* **b** ~~c~~ __d__ \\*\\*\\*\\* x')).toBe('*a* **b** ~~c~~ __d__ \\*\\*\\*\\* x');
    expect(escapeMarkerRuns('* * *\n*****\nword ****** word')).toBe('* * *\n*****\nword \\*\\*\\*\\*\\*\\* word');
    const article = parseMarkdown('# Markers\n\nA **bold** and _italic_ word, then ******** stars.', 'markers.md');
    expect(bodyToPlainText(article.body)).toBe('A bold and italic word, then ******** stars.');
  });
});
