import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dispatch } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/handlers';
import { createHandlers } from '../../electron/api/handlers';
import type { ArgsOf, Channel, ResultOf } from '../../shared/api';
import { contract } from '../../shared/api';
import { bodyFromParagraphs } from '../../shared/text';
import { openTempLibrary } from '../helpers/library';

let library: ReturnType<typeof openTempLibrary>;
let handlers: Handlers;
beforeEach(() => {
  library = openTempLibrary();
  handlers = createHandlers(library.context);
  library.context.preferences.update({ userName: 'Amna Riaz' });
});
afterEach(() => library.close());

async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const envelope = await dispatch(handlers, channel, args);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return contract[channel].result.parse(JSON.parse(JSON.stringify(envelope.value))) as ResultOf<C>;
}

const story = (headline: string, section: string) =>
  call('articles:create', { headline, section, body: bodyFromParagraphs([`${headline}: the ferry again.`]) });

describe('“Assigned to me” through the contract', () => {
  it('lists, searches and counts the stories assigned to the person, whoever assigned them', async () => {
    const ferry = await story('Night ferry trial approved', 'Local');
    const budget = await story('Budget vote delayed', 'Politics');
    await story('Anthem contest', 'Culture');
    await call('articles:assign', { id: ferry.id, assignee: 'Rita Okafor', step: 'fact-check' });
    await call('articles:assign', { id: budget.id, assignee: 'Rita Okafor', step: 'editing' });
    library.context.preferences.update({ userName: 'Rita Okafor' });

    const mine = await call('articles:list', { filters: { assignedTo: 'Rita Okafor' } });
    expect(mine.total).toBe(2);
    expect(mine.items.map((item) => [item.headline, item.assignee, item.assignedStep, item.owner]).sort()).toEqual([
      ['Budget vote delayed', 'Rita Okafor', 'editing', 'Amna Riaz'],
      ['Night ferry trial approved', 'Rita Okafor', 'fact-check', 'Amna Riaz'],
    ]);
    expect((await call('articles:list', { filters: { assignedTo: '' } })).total).toBe(3);

    const found = await call('articles:search', {
      query: 'ferry',
      filters: { assignedTo: 'rita okafor', section: 'Local' },
    });
    expect(found.hits.map((hit) => hit.headline)).toEqual(['Night ferry trial approved']);

    const facets = await call('library:facets', { filters: { assignedTo: 'Rita Okafor' } });
    expect(facets.total).toBe(2);
    expect(facets.sections).toEqual([
      { name: 'Local', count: 1 },
      { name: 'Politics', count: 1 },
    ]);
    expect(facets.assignees).toEqual([{ name: 'Rita Okafor', count: 2 }]);

    // Done with it, she hands it back to nobody; it leaves her list.
    await call('articles:assign', { id: budget.id, assignee: '' });
    expect((await call('articles:list', { filters: { assignedTo: 'Rita Okafor' } })).total).toBe(1);
  });

  it('keeps the owner and the assignment when the window saves, and refuses them in a save', async () => {
    const ferry = await story('Night ferry trial approved', 'Local');
    await call('articles:assign', { id: ferry.id, assignee: 'Rita Okafor', step: 'review' });
    const saved = await call('articles:save', { id: ferry.id, version: ferry.version, patch: { section: 'Harbour' } });
    expect(saved).toMatchObject({ owner: 'Amna Riaz', assignee: 'Rita Okafor', assignedStep: 'review' });
    const refused = await dispatch(handlers, 'articles:save', {
      id: ferry.id,
      version: saved.version,
      patch: { assignee: '' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await call('articles:get', { id: ferry.id })).assignee).toBe('Rita Okafor');
  });

  it('asks for the step when someone is assigned without one, naming them', async () => {
    const ferry = await story('Night ferry trial approved', 'Local');
    const refused = await dispatch(handlers, 'articles:assign', { id: ferry.id, assignee: 'Rita Okafor' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'Choose the step Rita Okafor is assigned for: editing, fact-check or review.',
      },
    });
    expect(await call('articles:workflowHistory', { id: ferry.id })).toEqual([]);
  });
});
