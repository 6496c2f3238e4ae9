import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  collapseEmptyRuns,
  htmlNestingDepth,
  MAX_HTML_NESTING,
  stripInertHtml,
} from '../../../../electron/import/inertHtml';
import { PAGES, pageNames } from './fixtures';

describe('stripInertHtml', () => {
  it('drops scripts, style sheets, comments and SVG, keeping JSON-LD', () => {
    const html =
      '<head><script>var a = "</div>";</script><script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
      '<STYLE>p { color: red }</STYLE><!-- a <p>comment</p> --></head><body><svg><g><svg></svg></g></svg><p>Text</p></body>';
    expect(stripInertHtml(html)).toBe(
      '<head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body><p>Text</p></body>',
    );
  });

  it('keeps the attributes an import reads and reduces style to whether the element is hidden', () => {
    expect(
      stripInertHtml(
        '<div id="main" class="story" data-track="x" onclick="go()" style="color: red"><p style="display: none" hidden>h</p><a href="/x" rel="author" title="t">a</a></div>',
      ),
    ).toBe('<div id="main" class="story"><p style="display:none" hidden>h</p><a href="/x" rel="author">a</a></div>');
  });

  it('leaves text alone, even text that looks like markup', () => {
    const html = '<p>a < b and style="x" &amp; 3 > 2</p><title>x <b> y</title><textarea><script></textarea>';
    expect(stripInertHtml(html)).toBe(html);
  });

  it('copes with quoted ">" in attributes and an unclosed script', () => {
    expect(stripInertHtml('<a class="a>b" href="x">t</a><script>never closed')).toBe('<a class="a>b" href="x">t</a>');
  });
});

describe('htmlNestingDepth', () => {
  it('counts how deeply elements nest, leaving out void elements and those a parser closes by itself', () => {
    expect(htmlNestingDepth('<html><body><div><p>One<p>Two<br><img src=x></div></body></html>')).toBe(1);
    expect(htmlNestingDepth('<div><section><article><b><i>x</i></b></article></section></div>')).toBe(5);
    expect(htmlNestingDepth('<ul><li>a<li>b<ul><li>c</ul></ul>')).toBe(2);
    expect(htmlNestingDepth('a < b and 1<2, <!-- <div><div> --> <3')).toBe(0);
    expect(htmlNestingDepth(`${'<div>'.repeat(10_000)}deep`)).toBe(10_000);
    expect(htmlNestingDepth(`${'<table><tr><td>'.repeat(300)}x`)).toBe(300);
  });

  it('finds every page of the corpus far below the limit', () => {
    for (const page of pageNames()) {
      const html = stripInertHtml(fs.readFileSync(path.join(PAGES, page, 'source.html'), 'utf8'));
      expect(htmlNestingDepth(html), page).toBeLessThan(MAX_HTML_NESTING / 4);
    }
  });

  it('reads a tag that never ends, or a megabyte of "<" signs, in one pass', () => {
    expect(htmlNestingDepth(`<div><a href="${'x'.repeat(1_000_000)}`)).toBe(1);
    expect(htmlNestingDepth('x<'.repeat(1_000_000))).toBe(0);
  });
});

describe('collapseEmptyRuns', () => {
  it('collapses runs of empty elements of one kind, leaving text and other elements alone', () => {
    expect(collapseEmptyRuns('<ul><li><li><li><li>Item</ul>')).toBe('<ul><li><li>Item</ul>');
    expect(collapseEmptyRuns('<p></p>\n<p class="x"></p> <p></p><p>Text</p>')).toBe('<p></p>\n<p>Text</p>');
    expect(collapseEmptyRuns('<p>One</p><p>Two</p><p>Three</p>')).toBe('<p>One</p><p>Two</p><p>Three</p>');
    expect(collapseEmptyRuns('<li></li><p></p><li></li>')).toBe('<li></li><p></p><li></li>');
  });
});
