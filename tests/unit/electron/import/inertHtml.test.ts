import { describe, expect, it } from 'vitest';

import { stripInertHtml } from '../../../../electron/import/inertHtml';

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
