import { describe, expect, it } from 'vitest';

import { BodySchema } from '../../../../shared/body/bodySchema';
import { foldBody, walkBody, type BodyFold } from '../../../../shared/body/visitBody';
import { markNode, textNode } from '../../../helpers/lexicalNodes';

const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  children,
  ...extra,
});

const body = BodySchema.parse({
  root: element('root', [
    element('heading', [textNode('Ferries')], { tag: 'h2' }),
    element('paragraph', [
      textNode('Crossings '),
      element('link', [markNode(['c1'], textNode('cut by half'))], { url: 'https://example.org/' }),
      { type: 'linebreak', version: 1 },
    ]),
    element('list', [element('listitem', [textNode('Night')]), element('listitem', [textNode('Day')])], {
      listType: 'bullet',
    }),
    { type: 'horizontalrule', version: 1 },
    { type: 'inline-image', version: 1, assetId: 'a1', caption: 'The quay' },
  ]),
});

describe('walkBody', () => {
  it('meets every node in document order, with the nodes it sits in', () => {
    const met: string[] = [];
    walkBody(body, (node, ancestors) => {
      met.push(`${ancestors.map((parent) => parent.type).join('>')}>${node.type}`);
    });
    expect(met).toEqual([
      'root>heading',
      'root>heading>text',
      'root>paragraph',
      'root>paragraph>text',
      'root>paragraph>link',
      'root>paragraph>link>mark',
      'root>paragraph>link>mark>text',
      'root>paragraph>linebreak',
      'root>list',
      'root>list>listitem',
      'root>list>listitem>text',
      'root>list>listitem',
      'root>list>listitem>text',
      'root>horizontalrule',
      'root>inline-image',
    ]);
  });
});

describe('foldBody', () => {
  it('builds each node’s value from its children’s, with a handler for every type', () => {
    const outline = (name: string) => (_node: unknown, children: readonly string[]) => `${name}(${children.join(',')})`;
    const fold: BodyFold<string> = {
      root: outline('root'),
      paragraph: outline('paragraph'),
      heading: outline('heading'),
      quote: outline('quote'),
      list: outline('list'),
      listitem: outline('listitem'),
      link: outline('link'),
      autolink: outline('autolink'),
      mark: outline('mark'),
      comment: outline('comment'),
      suggestion: outline('suggestion'),
      text: (node) => JSON.stringify(node.text),
      tab: outline('tab'),
      linebreak: outline('linebreak'),
      horizontalrule: outline('horizontalrule'),
      'inline-image': outline('inline-image'),
      'also-see': outline('also-see'),
    };
    expect(foldBody(body, fold)).toBe(
      'root(heading("Ferries"),paragraph("Crossings ",link(mark("cut by half")),linebreak()),list(listitem("Night"),listitem("Day")),horizontalrule(),inline-image())',
    );
  });
});
