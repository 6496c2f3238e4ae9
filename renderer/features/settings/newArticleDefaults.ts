import type { ArticlePatch, CopydeskApi } from '../../../shared/api';
import type { Preferences } from '../../../shared/preferences';

/**
 * What a new article starts with, from the person's preferences: the default byline (the author
 * of that name, created if the library has none yet) and the default dateline place.
 */
export async function newArticleDefaults(
  preferences: Pick<Preferences, 'defaultByline' | 'defaultDatelinePlace'>,
  api: CopydeskApi,
): Promise<ArticlePatch> {
  const patch: ArticlePatch = {};
  const name = preferences.defaultByline.trim();
  if (name !== '') {
    const found = await api.invoke('authors:find', { query: name, limit: 50 });
    const wanted = name.toLocaleLowerCase();
    const author =
      found.find((candidate) => candidate.name === name) ??
      found.find((candidate) => candidate.name.trim().toLocaleLowerCase() === wanted) ??
      (await api.invoke('authors:create', { name, bio: '' }));
    patch.authorIds = [author.id];
  }
  const place = preferences.defaultDatelinePlace.trim();
  if (place !== '') patch.dateline = place;
  return patch;
}
