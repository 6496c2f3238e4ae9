import { describe, expect, it } from 'vitest';

import type { ArgsOf, Channel, CopydeskApi, ResultOf } from '../../../../../shared/api';
import type { AuthorId } from '../../../../../shared/domain';
import { newArticleDefaults } from '../../../../../renderer/features/settings/newArticleDefaults';

const AUTHOR = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' as AuthorId, name: 'News Desk', bio: 'Bio.' };

/** An API that finds or makes the author it is asked for, and records what it was asked. */
function fakeApi() {
  const calls: { channel: Channel; args: unknown }[] = [];
  const api: CopydeskApi = {
    invoke<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
      calls.push({ channel, args });
      if (channel === 'authors:findOrCreate') return Promise.resolve(AUTHOR as ResultOf<C>);
      return Promise.reject(new Error(`unexpected ${channel}`));
    },
  };
  return { api, calls };
}

describe('newArticleDefaults', () => {
  it('is empty when no default is set', async () => {
    const { api, calls } = fakeApi();
    expect(await newArticleDefaults({ defaultByline: '', defaultDatelinePlace: ' ' }, api)).toEqual({
      patch: {},
      authors: [],
    });
    expect(calls).toEqual([]);
  });

  it('signs the story with the library’s author of the default byline, found or made by the library', async () => {
    const { api, calls } = fakeApi();
    const { patch, authors } = await newArticleDefaults(
      { defaultByline: '  news desk ', defaultDatelinePlace: 'ISLAMABAD' },
      api,
    );
    expect(patch).toEqual({ authorIds: [AUTHOR.id], dateline: 'ISLAMABAD' });
    // The byline shows the author as the library knows them.
    expect(authors).toEqual([AUTHOR]);
    expect(calls).toEqual([{ channel: 'authors:findOrCreate', args: { name: 'news desk', bio: '' } }]);
  });
});
