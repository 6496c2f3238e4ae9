import { describe, expect, it } from 'vitest';

import { htmlToBody, sanitiseBodyHtml } from '../../../../electron/import/htmlToBody';
import { bodyToPlainText } from '../../../../shared/text';

describe('sanitiseBodyHtml', () => {
  it('removes everything executable or embedded', () => {
    const clean = sanitiseBodyHtml(
      [
        '<p onclick="steal()">Text<script>alert(1)</script><img src=x onerror="alert(2)"></p>',
        '<iframe src="https://evil.example"></iframe><style>p{}</style><object data="x"></object>',
        '<p><a href="javascript:alert(3)">js</a> <a href="data:text/html,x">data</a> <a href="vbscript:x">vb</a></p>',
        '<form><input value="secret"><button>Go</button></form><svg><circle/></svg>',
      ].join(''),
    ).innerHTML;
    expect(clean).toBe('<p>Text</p><p>js data vb</p><p>Go</p>');
  });

  it('keeps links to the web and email only, with no other attribute', () => {
    const clean = sanitiseBodyHtml(
      '<p><a href="https://example.com/a" target="_blank" class="x" style="color:red">web</a> <a href="mailto:desk@example.com">mail</a> <a href="/relative">rel</a> <a href="ftp://x">ftp</a></p>',
    ).innerHTML;
    expect(clean).toBe(
      '<p><a href="https://example.com/a">web</a> <a href="mailto:desk@example.com">mail</a> rel ftp</p>',
    );
  });

  it('turns containers into paragraphs and maps headings to h2 and h3', () => {
    const clean = sanitiseBodyHtml(
      '<div>First<br><br>Second<br>line</div><section><div><span>Third</span></div></section><h1>A</h1><h2>B</h2><h4>C</h4><table><tr><td>Cell</td></tr></table>',
    ).innerHTML;
    expect(clean).toBe('<p>First</p><p>Second<br>line</p><p>Third</p><h2>A</h2><h2>B</h2><h3>C</h3><p>Cell</p>');
  });

  it('keeps emphasis under one name each, and lists and quotations', () => {
    const clean = sanitiseBodyHtml(
      '<p><b>b</b><i>i</i><strike>s</strike><u>u</u><sub>2</sub></p><ul><li><p>one</p><p>more</p></li><li>two<ol><li>nested</li></ol></li></ul><blockquote><p>Q1</p><p>Q2</p></blockquote>',
    ).innerHTML;
    expect(clean).toBe(
      '<p><strong>b</strong><em>i</em><s>s</s><u>u</u><sub>2</sub></p><ul><li>one<br>more</li><li>two<ol><li>nested</li></ol></li></ul><blockquote>Q1</blockquote><blockquote>Q2</blockquote>',
    );
  });

  it('keeps the line breaks of preformatted text', () => {
    expect(sanitiseBodyHtml('<pre>a\nb\n\nc</pre>').innerHTML).toBe('<p>a<br>b</p><p>c</p>');
  });
});

describe('htmlToBody', () => {
  it('makes Lexical JSON with the body nodes, whose text is what a reader sees', () => {
    const body = htmlToBody(
      '<h1>Section</h1><p>One <a href="https://example.com">link</a>.</p><blockquote>Quoted</blockquote><ul><li>a</li><li>b</li></ul>',
    );
    expect(body.root.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'quote', 'list']);
    expect(bodyToPlainText(body)).toBe('Section\n\nOne link.\n\nQuoted\n\na\n\nb');
    expect(JSON.stringify(body)).toContain('"rel":"noreferrer"');
  });

  it('collapses the white space of HTML source as a browser does', () => {
    const body = htmlToBody('<p>\n   Spread\n   over   lines\n</p>\n\n<p>Next</p>');
    expect(bodyToPlainText(body)).toBe('Spread over lines\n\nNext');
  });

  it('gives one empty paragraph for HTML without text', () => {
    expect(htmlToBody('<div><img src="x"></div>').root.children).toEqual([
      expect.objectContaining({ type: 'paragraph', children: [] }),
    ]);
  });
});
