// @vitest-environment jsdom
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';

import {
  articleFromText,
  formatSize,
  MAX_PASTED_HEADLINE_CHARS,
  paragraphsFromText,
  plainTextFromHtml,
  sanitisePastedHtml,
} from '../../../../renderer/editor/paste';
import { $insertPlainParagraphs, $insertPlainText } from '../../../../renderer/editor/plugins/PastePlugin';
import { newBodyEditor } from '../../../helpers/bodyEditor';

/** The cleaned HTML as a string, for reading and for checks. */
function clean(html: string): string {
  return sanitisePastedHtml(html).dom.body.innerHTML;
}

/** Attack payloads from the usual XSS cheat sheets, including mutation XSS through foreign content. */
const XSS_CORPUS: Record<string, string> = {
  script: '<p>Before</p><script>window.__xss = true</script><p>After</p>',
  'img onerror': '<p>Photo <img src=x onerror="window.__xss = true"> here</p>',
  'javascript: link': '<a href="javascript:window.__xss=true">click</a>',
  'mixed-case javascript: link': '<a href="JaVaScRiPt:window.__xss=true">click</a>',
  'javascript: link with tab and entities': '<a href="jav&#x09;ascript&#58;window.__xss=true">click</a>',
  'javascript: link with leading space': '<a href="  javascript:window.__xss=true">click</a>',
  'data: link': '<a href="data:text/html,<script>window.__xss=true</script>">click</a>',
  'vbscript: link': '<a href="vbscript:msgbox(1)">click</a>',
  'svg script': '<svg><script>window.__xss = true</script></svg><p>text</p>',
  'svg onload': '<svg onload="window.__xss = true"><circle r="1"/></svg>',
  'svg animate href':
    '<svg><a><animate attributeName="href" to="javascript:window.__xss=true"/><text>x</text></a></svg>',
  'math mutation': '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = true">',
  'form noscript mutation':
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__xss = true">',
  'iframe srcdoc': '<iframe srcdoc="<script>parent.__xss = true</script>"></iframe>',
  'form button formaction': '<form><button formaction="javascript:window.__xss = true">Go</button></form>',
  'style import': '<style>@import "https://evil.example/x.css";</style><p>styled</p>',
  'inline style expression': '<p style="background:url(javascript:window.__xss=true)">bg</p>',
  object: '<object data="javascript:window.__xss=true"></object>',
  embed: '<embed src="javascript:window.__xss=true">',
  'base href': '<base href="javascript:/"><a href="/x">relative</a>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=true">',
  'body onload': '<body onload="window.__xss = true"><p>body</p></body>',
  'details ontoggle': '<details open ontoggle="window.__xss = true"><summary>s</summary></details>',
  'event attribute on allowed tag': '<p onclick="window.__xss = true" onmouseover="x()">p</p><b onfocus="x()">b</b>',
  'link stylesheet': '<link rel="stylesheet" href="javascript:window.__xss=true">',
  'noscript mutation': '<noscript><p title="</noscript><img src=x onerror=window.__xss=true>"></noscript>',
  'template content': '<template><img src=x onerror="window.__xss = true"></template>',
  'dom clobbering': '<a id="__xss" name="__xss" href="https://example.org/">clobber</a><form name="body"></form>',
  'srcset and formaction': '<img srcset="x 1x" onerror="window.__xss=true"><input formaction="javascript:x()">',
};

const FORBIDDEN_ELEMENTS =
  'script, iframe, object, embed, svg, math, style, img, form, button, input, base, meta, link, template, noscript';

function assertNothingExecutable(html: string): void {
  const holder = sanitisePastedHtml(html).dom.body;
  expect(holder.querySelectorAll(FORBIDDEN_ELEMENTS)).toHaveLength(0);
  for (const element of Array.from(holder.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name, `${attribute.name} on <${element.tagName}>`).not.toMatch(/^on/i);
      expect(['href', 'rel']).toContain(attribute.name);
      expect(attribute.value).not.toMatch(/^\s*(javascript|data|vbscript|file):/i);
    }
    if (element.tagName === 'A') expect(element.getAttribute('href') ?? '').toMatch(/^(https?|mailto):/);
  }
  expect(holder.innerHTML).not.toMatch(/javascript:|vbscript:|data:text/i);
  expect(holder.innerHTML).not.toContain('__xss = true');
}

describe('pasted HTML against an XSS corpus', () => {
  it.each(Object.entries(XSS_CORPUS))('%s: nothing executable survives', (_name, html) => {
    assertNothingExecutable(html);
  });

  it('keeps the text around what it removes', () => {
    expect(clean(XSS_CORPUS.script ?? '')).toBe('<p>Before</p><p>After</p>');
    expect(clean(XSS_CORPUS['javascript: link'] ?? '')).toBe('click');
    expect(clean(XSS_CORPUS['img onerror'] ?? '')).toBe('<p>Photo  here</p>');
  });

  it('counts the links it refuses, so the person can be told', () => {
    const { refusedLinks } = sanitisePastedHtml(
      '<a href="javascript:x()">a</a> <a href="data:text/html,x">b</a> <a href="/relative">c</a> <a href="https://ok.example/">d</a> <a>e</a>',
    );
    expect(refusedLinks).toBe(3);
    expect(clean('<a href="https://ok.example/">ok</a> <a href="mailto:desk@example.org">mail</a>')).toBe(
      '<a href="https://ok.example/" rel="noreferrer">ok</a> <a href="mailto:desk@example.org" rel="noreferrer">mail</a>',
    );
  });

  it('is not confused by a hostile document: every call starts afresh', () => {
    sanitisePastedHtml('<a href="javascript:x()">a</a>');
    expect(sanitisePastedHtml('<p>plain</p>').refusedLinks).toBe(0);
  });
});

/** What Word for Windows puts on the clipboard (trimmed, but in its own shape). */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- @font-face {font-family:"Cambria Math";} p.MsoNormal, li.MsoNormal {margin:0cm; font-size:12.0pt; font-family:"Calibri",sans-serif;} b {font-weight:bold} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<h1><span lang=EN-US style='mso-fareast-font-family:"Times New Roman"'>Pakistan condemns attack<o:p></o:p></span></h1>
<p class=MsoNormal><span lang=EN-US>ISLAMABAD: The foreign ministry said in a <b>statement</b> that it was <i>deeply concerned</i> and <u>would</u> respond.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<h2><span lang=EN-US>Reaction<o:p></o:p></span></h2>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-US>Condemned the attack<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-US>Called for <b>calm</b><o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=EN-US><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-US>Summon the envoy<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=EN-US><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-US>Review security<o:p></o:p></span></p>
<p class=MsoQuote><span lang=EN-US>We stand with the victims, the spokesperson said.<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US>Read the <a href="https://www.mofa.gov.pk/statement"><span style='color:#0563C1'>full statement</span></a> or <s>skip</s> it.<o:p></o:p></span></p>
<!--EndFragment-->
</body></html>`;

/** What Google Docs puts on the clipboard (trimmed, but in its own shape). */
const GOOGLE_DOCS_HTML = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5a1b2c3d-7fff-1d2e-8a9b-0123456789ab"><h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;"><span style="font-size:20pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Pakistan condemns attack</span></h1><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">The ministry said it was </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">deeply</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">concerned</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">. See </span><a href="https://www.mofa.gov.pk/statement" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">the statement</span></a><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">.</span></p><br><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;">Reaction</span></h2><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;">Condemned the attack</span></p></li><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;font-weight:400;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;">Called for </span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:700;">calm</span></p></li></ul><ol style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:decimal;font-size:11pt;font-family:Arial,sans-serif;font-weight:400;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;">Summon the envoy</span></p></li><li dir="ltr" style="list-style-type:decimal;font-size:11pt;font-family:Arial,sans-serif;font-weight:400;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;">Review security</span></p></li></ol><p dir="ltr" style="line-height:1.38;margin-left:36pt;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;font-style:normal;text-decoration:line-through;">withdrawn claim</span></p></b><br class="Apple-interchange-newline">`;

/** A news page copied from a browser: layout divs, relative links, a figure and a multi-paragraph quote. */
const WEB_PAGE_HTML = `<div class="article"><h1 class="headline">Pakistan condemns attack</h1><div class="byline"><span>By Desk Reporter</span></div><div class="body"><p>The ministry <strong>condemned</strong> the attack, <em>officials</em> said. <a href="/world/related-story" class="internal">Related</a> and <a href="https://www.example.org/report" target="_blank" onclick="track()">the report</a>.</p><figure><img src="https://cdn.example.org/p.jpg" alt="A photo"><figcaption>The ministry.</figcaption></figure><blockquote class="pull"><p>We stand with the victims.</p><p>Justice will be done.</p></blockquote><h4>Background</h4><ul><li>First point</li><li>Second point</li></ul></div></div>`;

describe('pasted HTML from real sources keeps its structure', () => {
  it('Word: headings, bold, italic, underline, lists, quote and links, and nothing of Word itself', () => {
    const html = clean(WORD_HTML);
    expect(html).toContain('<h2>Pakistan condemns attack</h2>');
    expect(html).toContain('<h2>Reaction</h2>');
    expect(html).toContain('<b>statement</b>');
    expect(html).toContain('<i>deeply concerned</i>');
    expect(html).toContain('<u>would</u>');
    expect(html).toContain('<ul><li>Condemned the attack</li><li>Called for <b>calm</b></li></ul>');
    expect(html).toContain('<ol><li>Summon the envoy</li><li>Review security</li></ol>');
    expect(html).toContain('<blockquote>We stand with the victims, the spokesperson said.</blockquote>');
    expect(html).toContain('<a href="https://www.mofa.gov.pk/statement" rel="noreferrer">full statement</a>');
    expect(html).toContain('<s>skip</s>');
    expect(html).not.toMatch(/Mso|mso-|class=|style=|lang=|<span|<o:p|font-face|·/);
    // The empty Word paragraph is gone, and nothing else became bold.
    expect(html).not.toMatch(/<p>\s*<\/p>/);
    expect(html.match(/<(b|strong)>/g)).toHaveLength(2);
  });

  it('Google Docs: the bold wrapper does not make everything bold; styled spans become tags', () => {
    const html = clean(GOOGLE_DOCS_HTML);
    expect(html.startsWith('<b')).toBe(false);
    expect(html.match(/<strong>/g)).toEqual(['<strong>', '<strong>']);
    expect(html).toContain('<h2>Pakistan condemns attack</h2>');
    expect(html).toContain('<p>The ministry said it was <strong>deeply</strong> <em>concerned</em>. See ');
    // Docs underlines link text by style: the link stays a link, not underlined text.
    expect(html).toContain('<a href="https://www.mofa.gov.pk/statement" rel="noreferrer">the statement</a>');
    expect(html).toContain('<ul><li>Condemned the attack</li><li>Called for <strong>calm</strong></li></ul>');
    expect(html).toContain('<ol><li>Summon the envoy</li><li>Review security</li></ol>');
    expect(html).toContain('<s>withdrawn claim</s>');
    expect(html).not.toMatch(/style=|dir=|role=|aria-|id=|<span|<br/);
  });

  it('a web page: layout goes, relative links lose their link, quotes become one block', () => {
    const { dom, refusedLinks } = sanitisePastedHtml(WEB_PAGE_HTML);
    const html = dom.body.innerHTML;
    expect(refusedLinks).toBe(1);
    expect(html).toContain('<h2>Pakistan condemns attack</h2>');
    expect(html).toContain('<p>By Desk Reporter</p>');
    expect(html).toContain('<strong>condemned</strong>');
    expect(html).toContain('<em>officials</em>');
    expect(html).toContain(' Related and <a href="https://www.example.org/report" rel="noreferrer">the report</a>');
    expect(html).toContain('<blockquote>We stand with the victims.<br>Justice will be done.</blockquote>');
    expect(html).toContain('<h3>Background</h3>');
    expect(html).toContain('<ul><li>First point</li><li>Second point</li></ul>');
    expect(html).not.toMatch(/<img|<figure|target=|onclick|class=/);
  });
});

type JsonNode = {
  type: string;
  text?: string;
  tag?: string;
  listType?: string;
  url?: string;
  format?: number;
  children?: JsonNode[];
};

/** Pastes sanitised HTML into an empty body the way PastePlugin does, and returns the body. */
function pasteInto(html: string): JsonNode[] {
  const editor = newBodyEditor();
  editor.update(
    () => {
      $getRoot().selectEnd();
      const selection = $getSelection();
      if (selection === null) throw new Error('no selection');
      $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, sanitisePastedHtml(html).dom), selection);
    },
    { discrete: true },
  );
  return (editor.getEditorState().toJSON().root as unknown as JsonNode).children ?? [];
}

/** Each text's format flags, by its text. */
function formatsOf(texts: JsonNode[]): Record<string, number | undefined> {
  return Object.fromEntries(texts.map((node): [string, number | undefined] => [node.text ?? '', node.format]));
}

function textOf(node: JsonNode): string {
  return node.text ?? (node.children ?? []).map(textOf).join('');
}

/** The text with each line break as ⏎. */
function linesOf(node: JsonNode): string {
  return node.type === 'linebreak' ? '⏎' : (node.text ?? (node.children ?? []).map(linesOf).join(''));
}

function shape(node: JsonNode): string {
  if (node.type === 'heading') return `${node.tag ?? '?'}: ${textOf(node)}`;
  if (node.type === 'list') return `${node.listType ?? '?'} list: ${(node.children ?? []).map(textOf).join(' | ')}`;
  return `${node.type}: ${textOf(node)}`;
}

function find(nodes: JsonNode[], predicate: (node: JsonNode) => boolean): JsonNode[] {
  return nodes.flatMap((node) => [...(predicate(node) ? [node] : []), ...find(node.children ?? [], predicate)]);
}

describe('pasting the cleaned HTML into the body', () => {
  it('Word: gives headings, paragraphs, lists, a quote and a link as Lexical nodes', () => {
    const body = pasteInto(WORD_HTML);
    expect(body.map(shape).filter((line) => line !== 'paragraph: ')).toEqual([
      'h2: Pakistan condemns attack',
      'paragraph: ISLAMABAD: The foreign ministry said in a statement that it was deeply concerned and would respond.',
      'h2: Reaction',
      'bullet list: Condemned the attack | Called for calm',
      'number list: Summon the envoy | Review security',
      'quote: We stand with the victims, the spokesperson said.',
      'paragraph: Read the full statement or skip it.',
    ]);
    const formatted = formatsOf(find(body, (node) => node.type === 'text' && (node.format ?? 0) > 0));
    // bold 1, italic 2, strikethrough 4, underline 8
    expect(formatted).toEqual({ statement: 1, 'deeply concerned': 2, would: 8, calm: 1, skip: 4 });
    expect(find(body, (node) => node.type === 'link').map((node) => node.url)).toEqual([
      'https://www.mofa.gov.pk/statement',
    ]);
  });

  it('Google Docs: the same story with the same nodes, bold only where it was bold', () => {
    const body = pasteInto(GOOGLE_DOCS_HTML);
    expect(body.map(shape).filter((line) => line !== 'paragraph: ')).toEqual([
      'h2: Pakistan condemns attack',
      'paragraph: The ministry said it was deeply concerned. See the statement.',
      'h2: Reaction',
      'bullet list: Condemned the attack | Called for calm',
      'number list: Summon the envoy | Review security',
      'paragraph: withdrawn claim',
    ]);
    const formatted = formatsOf(find(body, (node) => node.type === 'text' && (node.format ?? 0) > 0));
    expect(formatted).toEqual({ deeply: 1, concerned: 2, calm: 1, 'withdrawn claim': 4 });
  });

  it('paragraphs written with blank lines (<br><br>) become paragraphs; a single line break stays', () => {
    const body = pasteInto(
      '<p>First paragraph.<br><br>Second <b>bold</b> one.<br>\n<br>Third, with a<br>line break.</p>' +
        'Loose one.<br> <br>Loose two.<blockquote>Quoted line<br><br>kept as lines</blockquote>',
    );
    expect(body.map((node) => `${node.type}: ${linesOf(node)}`)).toEqual([
      'paragraph: First paragraph.',
      'paragraph: Second bold one.',
      'paragraph: Third, with a⏎line break.',
      'paragraph: Loose one.',
      'paragraph: Loose two.',
      'quote: Quoted line⏎⏎kept as lines',
    ]);
  });

  it('a hostile paste leaves only text in the body', () => {
    const body = pasteInto(Object.values(XSS_CORPUS).join(''));
    const types = new Set(find(body, () => true).map((node) => node.type));
    for (const type of types)
      expect(['paragraph', 'text', 'link', 'linebreak', 'heading', 'list', 'listitem']).toContain(type);
    for (const link of find(body, (node) => node.type === 'link')) expect(link.url).toMatch(/^https:/);
  });
});

/** `paragraph` broken into lines of at most `width` characters, as a mail program does. */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/** A body holding one paragraph of `text`. */
function bodyWith(text: string): LexicalEditor {
  const editor = newBodyEditor();
  editor.update(
    () =>
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode(text))),
    {
      discrete: true,
    },
  );
  return editor;
}

/** Pastes `text` as plain text with the caret at `offset` in the first paragraph. */
function pastePlain(editor: LexicalEditor, text: string, offset: number): void {
  editor.update(
    () => {
      const first = $getRoot().getFirstDescendant();
      if (!$isTextNode(first)) throw new Error('no text to paste into');
      const selection = first.select(offset, offset);
      $insertPlainText(text, selection);
    },
    { discrete: true },
  );
}

function paragraphTexts(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node) => node.getTextContent()),
  );
}

describe('large pastes as plain text', () => {
  it('takes each line as a paragraph, joining lines hard-wrapped to a width, skipping blank ones', () => {
    expect(paragraphsFromText('Headline\nFirst paragraph.\r\nSecond paragraph.\n\n\n  Third.  ')).toEqual([
      'Headline',
      'First paragraph.',
      'Second paragraph.',
      'Third.',
    ]);
    const wrapped =
      'The committee met on Tuesday to consider the revised budget and\n' +
      'heard evidence from the finance director about the schedule.\n\n' +
      'Members voted to approve it.';
    expect(paragraphsFromText(wrapped)).toEqual([
      'The committee met on Tuesday to consider the revised budget and heard evidence from the finance director about the schedule.',
      'Members voted to approve it.',
    ]);
    expect(paragraphsFromText('a\nb\nc')).toEqual(['a', 'b', 'c']);
    expect(paragraphsFromText('  \n\n ')).toEqual([]);
  });

  it('joins lines hard-wrapped to a width, whatever they end with, and keeps lines broken on purpose', () => {
    const story = [
      'ISLAMABAD: Senior officials from Pakistan and Russia on Tuesday agreed to strengthen cooperation in the face of evolving terrorism in Afghanistan and the region, the foreign ministry said.',
      'Russia also faces threats from Daesh militants. On Mar. 22, 2024, a deadly attack at the Crocus City Hall concert venue near Moscow killed over 140 people. The attack was one of the deadliest in Russia in recent years.',
      'Both sides discussed counter-terror strategies during the 11th meeting of the Pakistan-Russia Joint Working Group in Moscow on Tuesday.',
    ];
    for (const width of [60, 70, 72, 80]) {
      const wrapped = story.map((paragraph) => wrap(paragraph, width));
      // Some of these lines end a sentence: a line's last character says nothing about a wrap.
      expect(wrapped.flat().some((line, index, lines) => line.endsWith('.') && index < lines.length - 1)).toBe(true);
      expect(paragraphsFromText(wrapped.map((lines) => lines.join('\n')).join('\n\n'))).toEqual(story);
      // Windows line ends, and paragraphs indented rather than spaced, as wire copy sends them.
      const indented = wrapped.map((lines) => ['   ' + (lines[0] ?? ''), ...lines.slice(1)].join('\r\n')).join('\r\n');
      expect(paragraphsFromText(indented)).toEqual(story);
    }
    // A line that ends with room for the next word ends its paragraph, blank line or not.
    const mail =
      'Thanks for the draft. The council voted on Tuesday to approve the\n' +
      'budget after a long debate.\n' +
      'Regards,\n' +
      'Amina\n' +
      '• first point of the agenda for the meeting of the works committee\n' +
      '• second point';
    expect(paragraphsFromText(mail)).toEqual([
      'Thanks for the draft. The council voted on Tuesday to approve the budget after a long debate.',
      'Regards,',
      'Amina',
      '• first point of the agenda for the meeting of the works committee',
      '• second point',
    ]);
    // A word cut by a hyphen at the end of a line is whole again; a spaced dash is not glued.
    const hyphens =
      'Both sides discussed counter-terror strategies and the cross-\n' +
      'border attacks that the ministry described as a grave, urgent -\n' +
      'and growing - threat to the region.';
    expect(paragraphsFromText(hyphens)).toEqual([
      'Both sides discussed counter-terror strategies and the cross-border attacks that the ministry described as a grave, urgent - and growing - threat to the region.',
    ]);
    // Text whose lines are not broken to a width (Word, Google Docs, a web page) keeps one paragraph per line.
    expect(paragraphsFromText(story.join('\n'))).toEqual(story);
  });

  it('pastes one line where the caret is, and several paragraphs as paragraphs around it', () => {
    const editor = bodyWith('Hello world');
    pastePlain(editor, 'big ', 6);
    expect(paragraphTexts(editor)).toEqual(['Hello big world']);
    pastePlain(editor, 'One.\n\nTwo.\n\nThree ', 6);
    expect(paragraphTexts(editor)).toEqual(['Hello One.', 'Two.', 'Three big world']);
    // A line break at an end of the paste keeps the words it would have joined apart.
    const other = bodyWith('Before after');
    pastePlain(other, '\nOne.\n\nTwo.\n', 7);
    expect(paragraphTexts(other)).toEqual(['Before ', 'One.', 'Two.', 'after']);
    // A paragraph of hard-wrapped lines is one paragraph, in the line.
    const third = bodyWith('Said: .');
    pastePlain(
      third,
      'the committee met on Tuesday to consider the revised budget and\nheard evidence from the director',
      6,
    );
    expect(paragraphTexts(third)).toEqual([
      'Said: the committee met on Tuesday to consider the revised budget and heard evidence from the director.',
    ]);
  });

  it('inserts a megabyte of text as paragraphs in one update, at the caret', () => {
    const editor = newBodyEditor();
    const paragraph = 'The committee heard evidence from officials about the budget and the schedule. ';
    const text = Array.from({ length: 12_000 }, (_, index) => `${index + 1}. ${paragraph}`).join('\n\n');
    expect(text.length).toBeGreaterThan(1_000_000);
    let count = 0;
    editor.update(
      () => {
        count = $insertPlainParagraphs(text, null);
      },
      { discrete: true },
    );
    expect(count).toBe(12_000);
    const children = (editor.getEditorState().toJSON().root as unknown as JsonNode).children ?? [];
    expect(children.filter((child) => child.type === 'paragraph' && textOf(child) !== '')).toHaveLength(12_000);
    expect(textOf(children.find((child) => textOf(child) !== '') ?? { type: 'x' })).toBe(`1. ${paragraph.trim()}`);
  });

  it('makes a new article: first line as headline, the rest as paragraphs', () => {
    expect(articleFromText('Budget approved\n\nThe council voted.\n\nIt was close.')).toEqual({
      headline: 'Budget approved',
      paragraphs: ['The council voted.', 'It was close.'],
    });
    const long = `${'word '.repeat(80)}end.`;
    const made = articleFromText(`${long}\n\nSecond.`);
    expect(made.headline.length).toBeLessThanOrEqual(MAX_PASTED_HEADLINE_CHARS);
    expect(made.headline.endsWith('…')).toBe(true);
    expect(made.paragraphs).toEqual([long, 'Second.']);
  });

  it('reads text out of HTML too large to parse, without running or keeping any of it', () => {
    const text = plainTextFromHtml(
      '<html><head><title>T</title><style>p{}</style></head><body><script>x()</script><h1>Head</h1><p>One &amp; two&nbsp;&#8212; &#x41;</p><div>Three<br>Four</div></body></html>',
    );
    expect(paragraphsFromText(text)).toEqual(['Head', 'One & two — A', 'Three', 'Four']);
  });

  it('states sizes the way people read them', () => {
    expect(formatSize(640_000)).toBe('640 kB');
    expect(formatSize(2_400_000)).toBe('2.4 MB');
  });
});
