import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import type { Channel, Envelope } from '../../shared/api';
import { startDeskLibrary } from '../helpers/desk';
import { dumpDatabase, openTempLibrary } from '../helpers/library';
import { tempDir } from '../helpers/tempLibrary';

describe('the desk’s words through the API', () => {
  let library: ReturnType<typeof openTempLibrary>;
  /** A call as the window makes it, through the handler table and its checks. */
  let send: (channel: Channel, args: unknown) => Promise<Envelope<unknown>>;
  beforeEach(() => {
    library = openTempLibrary();
    const handlers = createHandlers(library.context);
    send = (channel, args) => dispatch(handlers, channel, args);
  });
  afterEach(() => library.close());
  const kept = (words: string[]) => ({ ok: true, value: words });

  function refusal(envelope: Envelope<unknown>): string {
    if (envelope.ok) throw new Error(`Accepted: ${JSON.stringify(envelope.value)}`);
    return envelope.error.message;
  }

  it('keeps the words the desk adds, A to Z, each once, signed with who added it', async () => {
    await send('preferences:update', { userName: 'Amna Riaz' });
    expect(await send('deskWords:list', {})).toEqual(kept([]));
    expect(await send('deskWords:add', { word: 'Okafor' })).toEqual(kept(['Okafor']));
    await send('deskWords:add', { word: '  shehbaz   Sharif ' });
    await send('deskWords:add', { word: 'Okafor' });
    expect(await send('deskWords:add', { word: 'Adaeze' })).toEqual(kept(['Adaeze', 'Okafor', 'shehbaz Sharif']));
    expect(await send('deskWords:list', {})).toEqual(kept(['Adaeze', 'Okafor', 'shehbaz Sharif']));
    expect(library.lib.db.prepare("SELECT added_by FROM desk_words WHERE word = 'Okafor'").pluck().get()).toBe(
      'Amna Riaz',
    );

    expect(await send('deskWords:remove', { word: 'shehbaz Sharif' })).toEqual(kept(['Adaeze', 'Okafor']));
    expect(refusal(await send('deskWords:remove', { word: 'Sharif' }))).toBe(
      '“Sharif” is not one of the desk’s words.',
    );
  });

  it('refuses a word that cannot be one with a sentence, and keeps nothing', async () => {
    const before = dumpDatabase(library.lib.db);
    const refused = async (word: unknown) => refusal(await send('deskWords:add', { word }));
    expect(await refused('')).toBe('Give the word to add to the desk’s words.');
    expect(await refused('x'.repeat(61))).toBe('A desk word is at most 60 characters: a name, not a sentence.');
    expect(await refused('Oka\u0007for')).toBe('A desk word cannot hold control characters.');
    expect(await refused('the mayor of the old port')).toBe(
      'A desk word is one word, or a name of up to 4 words such as “Shehbaz Sharif”.',
    );
    expect(await refused('<img src=x>')).toMatch(/^A desk word is made of letters/);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});

describe('the desk’s words on a desk', () => {
  let temp: ReturnType<typeof tempDir>;
  let desk: Awaited<ReturnType<typeof startDeskLibrary>>;
  beforeEach(async () => {
    temp = tempDir();
    desk = await startDeskLibrary(temp.file(), temp.dir, { 'Rita Reporter': 'reporter', 'Ed Editor': 'editor' });
  });
  afterEach(async () => {
    await desk.library.stop();
    temp.cleanup();
  });

  it('are everyone’s: a reporter adds a name, and the editor finds it among the desk’s words', async () => {
    const rita = desk.keys['Rita Reporter'] ?? '';
    const ed = desk.keys['Ed Editor'] ?? '';
    const added = await desk.library.client.callAs(rita, 'deskWords:add', { word: 'Okafor' });
    expect(added).toEqual({ ok: true, value: ['Okafor'] });
    expect(await desk.library.client.callAs(ed, 'deskWords:list', {})).toEqual({ ok: true, value: ['Okafor'] });
  });
});
