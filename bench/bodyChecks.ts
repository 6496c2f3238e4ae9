/**
 * Body-check benchmark: every save checks its body node by node against the body's schema
 * (shared/body), and every reader of a stored body reads it through readStoredBody. This times
 * both on formatted bodies with claim marks of 1,000, 10,000 and 70,000 words of BBC news copy,
 * next to the loose tree parse the stored reading starts from (the only check a body had
 * before) and the JSON parse every read pays anyway. The median of several runs after a
 * warm-up. Prints its figures; asserts nothing.
 *
 *   npm run bench -- bodyChecks
 */
import { BodySchema, StoredBodySchema, type Body } from '../shared/body/bodySchema';
import { readStoredBody } from '../shared/body/readStoredBody';
import { medianOf } from './newsLibrary';
import { realParagraphs } from './newsText';

const RUNS = 15;

const text = (value: string, format = 0) => ({ type: 'text' as const, version: 1, text: value, format });

/** A paragraph as the editor leaves one: a bold run, and a claim marked in its middle. */
function paragraph(words: string, index: number): Body['root']['children'][number] {
  const cut = words.split(' ');
  const third = Math.max(1, Math.floor(cut.length / 3));
  return {
    type: 'paragraph',
    version: 1,
    children: [
      text(`${cut.slice(0, third).join(' ')} `, 1),
      { type: 'mark', version: 1, ids: [`claim-${index}`], children: [text(cut.slice(third, 2 * third).join(' '))] },
      text(` ${cut.slice(2 * third).join(' ')}`),
    ],
  };
}

for (const words of [1_000, 10_000, 70_000]) {
  const body: Body = { root: { type: 'root', version: 1, children: realParagraphs(words).map(paragraph) } };
  const json = JSON.stringify(body);
  const save = medianOf(() => BodySchema.parse(body), RUNS);
  const read = medianOf(() => readStoredBody(StoredBodySchema.parse(JSON.parse(json))), RUNS);
  const loose = medianOf(() => StoredBodySchema.parse(JSON.parse(json)), RUNS);
  const parse = medianOf(() => {
    JSON.parse(json);
  }, RUNS);
  console.log(
    `${words.toLocaleString('en')} words (${(json.length / 1024).toFixed(0)} kB): save check ${save.toFixed(1)} ms; stored read ${read.toFixed(1)} ms, of which the loose tree parse ${loose.toFixed(1)} ms and JSON.parse ${parse.toFixed(1)} ms`,
  );
}
