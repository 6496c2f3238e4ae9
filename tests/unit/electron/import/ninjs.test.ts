import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ninjsValidator, parseNinjs } from '../../../../electron/import/ninjs';
import { nodeToPlainText } from '../../../../shared/text';
import { schemas } from '../../../helpers/corpora';

const NINJS = path.join(schemas(), 'ninjs');
const jsonFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(dir, name));
const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('the ninjs 2.2 validator', () => {
  // IPTC's renditions example gives "renditions-example" as its uri, which the schema's "uri"
  // format refuses once formats are checked (as ajv-formats does); it is held to that below.
  const RELATIVE_URI_EXAMPLE = '002_renditions_example.json';
  const passing = [
    ...jsonFiles(path.join(NINJS, 'test_suite', '2.2', 'should_pass')),
    ...jsonFiles(path.join(NINJS, 'doc-examples', '2.2')).filter(
      (file) => path.basename(file) !== RELATIVE_URI_EXAMPLE,
    ),
  ];
  const failing = jsonFiles(path.join(NINJS, 'test_suite', '2.2', 'should_fail'));

  it('accepts every IPTC example and should_pass file, offline', () => {
    expect(passing.length).toBeGreaterThan(5);
    for (const file of passing) expect(ninjsValidator()(read(file)), path.basename(file)).toBe(true);
  });

  it('refuses the one IPTC example whose uri is not a URI, on that uri', () => {
    const validate = ninjsValidator();
    expect(validate(read(path.join(NINJS, 'doc-examples', '2.2', RELATIVE_URI_EXAMPLE)))).toBe(false);
    expect(validate.errors).toMatchObject([{ instancePath: '/uri', keyword: 'format' }]);
  });

  it('refuses every IPTC should_fail file', () => {
    expect(failing.length).toBeGreaterThan(0);
    for (const file of failing) expect(ninjsValidator()(read(file)), path.basename(file)).toBe(false);
  });

  it('checks formats: an association whose rendition address is not a URI is refused, naming where', () => {
    const item = {
      uri: 'urn:x',
      associations: [{ name: 'featureimage', uri: 'urn:y', renditions: [{ name: 'a', href: 'not a uri' }] }],
    };
    expect(() => parseNinjs(JSON.stringify(item), 'story.json')).toThrow(
      'story.json is not a valid IPTC ninjs 2.2 document: /associations/0/renditions/0/href must match format "uri".',
    );
  });

  it('reads the simple text article example with its headline, byline and plain body', () => {
    const article = parseNinjs(
      fs.readFileSync(path.join(NINJS, 'doc-examples', '2.2', '004_simple_text_article.json'), 'utf8'),
      '004.json',
    );
    expect(article.format).toBe('ninjs');
    expect(article.headline).not.toBe('');
    expect(article.body.root.children.length).toBeGreaterThan(0);
  });
});

describe('the dateline Copydesk’s export prints at the start of the text', () => {
  const item = (bodies: object[]) =>
    JSON.stringify({
      uri: 'urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      contentcreated: '2026-11-28T08:00:00Z',
      located: 'ISLAMABAD',
      headlines: [{ role: 'main', value: 'Talks resume' }],
      bodies,
    });
  const rich = (value: string) => item([{ role: 'main', contenttype: 'application/xhtml+xml', value }]);
  const plain = (value: string) => item([{ role: 'plain', contenttype: 'text/plain', value }]);
  const textOf = (json: string) => parseNinjs(json, 'talks.json').body.root.children.map(nodeToPlainText);

  it('leaves the text and gives the dateline its date, or none when it was printed without one', () => {
    const dated = rich('<p><span class="dateline">ISLAMABAD, June 10, 2025:</span> Delegations met.</p><p>More.</p>');
    expect(parseNinjs(dated, 'talks.json')).toMatchObject({ dateline: 'ISLAMABAD', datelineDate: '2025-06-10' });
    expect(textOf(dated)).toEqual(['Delegations met.', 'More.']);

    // Undated in the export stays undated: the item's creation time is not the dateline's date.
    const undated = rich('<p><span class="dateline">ISLAMABAD:</span> Delegations met.</p>');
    expect(parseNinjs(undated, 'talks.json')).toMatchObject({ dateline: 'ISLAMABAD', datelineDate: '' });
    expect(textOf(undated)).toEqual(['Delegations met.']);

    const plainDated = plain('ISLAMABAD, June 10, 2025: Delegations met.\n\nMore.');
    expect(parseNinjs(plainDated, 'talks.json').datelineDate).toBe('2025-06-10');
    expect(textOf(plainDated)).toEqual(['Delegations met.', 'More.']);
  });

  it('keeps other ninjs as it is, dated by when the content was made', () => {
    const said = plain('ISLAMABAD, the capital, said: talks resume.');
    expect(textOf(said)).toEqual(['ISLAMABAD, the capital, said: talks resume.']);
    const other = plain('ISLAMABAD is the capital.\n\nMore.');
    expect(parseNinjs(other, 'talks.json').datelineDate).toBe('2026-11-28');
    expect(textOf(other)).toEqual(['ISLAMABAD is the capital.', 'More.']);
    const notFirst = rich('<p>Delegations met <span class="dateline">ISLAMABAD:</span> here.</p>');
    expect(textOf(notFirst)).toEqual(['Delegations met ISLAMABAD: here.']);
  });
});
