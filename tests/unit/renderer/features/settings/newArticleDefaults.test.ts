import { describe, expect, it } from 'vitest';

import type { ArgsOf, Channel, CopydeskApi, ResultOf } from '../../../../../shared/api';
import type { Author, AuthorId } from '../../../../../shared/domain';
import { newArticleDefaults } from '../../../../../renderer/features/settings/newArticleDefaults';

const EXISTING = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' as AuthorId, name: 'News Desk', bio: 'Bio.' };
const CREATED = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' as AuthorId, name: 'Amna Riaz', bio: '' };

/** An API that knows one author and records what it was asked. */
function fakeApi(authors: Author[]) {
  const calls: { channel: Channel; args: unknown }[] = [];
  const api: CopydeskApi = {
    invoke<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
      calls.push({ channel, args });
      if (channel === 'authors:find') {
        return Promise.resolve(authors.map((author) => ({ ...author, articleCount: 3 })) as ResultOf<C>);
      }
      if (channel === 'authors:create') return Promise.resolve(CREATED as ResultOf<C>);
      return Promise.reject(new Error(`unexpected ${channel}`));
    },
  };
  return { api, calls };
}

describe('newArticleDefaults', () => {
  it('is empty when no default is set', async () => {
    const { api, calls } = fakeApi([EXISTING]);
    expect(await newArticleDefaults({ defaultByline: '', defaultDatelinePlace: ' ' }, api)).toEqual({
      patch: {},
      authors: [],
    });
    expect(calls).toEqual([]);
  });

  it('uses the author of that name when the library has one, whatever the case', async () => {
    const { api, calls } = fakeApi([EXISTING]);
    const { patch, authors } = await newArticleDefaults(
      { defaultByline: 'news desk', defaultDatelinePlace: 'ISLAMABAD' },
      api,
    );
    expect(patch).toEqual({ authorIds: [EXISTING.id], dateline: 'ISLAMABAD' });
    // The byline shows the author as the library knows them.
    expect(authors).toEqual([EXISTING]);
    expect(calls.map((call) => call.channel)).toEqual(['authors:find']);
  });

  it('creates the author when there is none of that name', async () => {
    const { api, calls } = fakeApi([EXISTING]);
    const { patch, authors } = await newArticleDefaults({ defaultByline: 'Amna Riaz', defaultDatelinePlace: '' }, api);
    expect(patch).toEqual({ authorIds: [CREATED.id] });
    expect(authors).toEqual([CREATED]);
    expect(calls.at(-1)).toEqual({ channel: 'authors:create', args: { name: 'Amna Riaz', bio: '' } });
  });
});
