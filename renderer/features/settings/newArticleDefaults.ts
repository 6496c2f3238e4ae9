import type { ArticlePatch, CopydeskApi } from '../../../shared/api';
import type { Author } from '../../../shared/domain';
import type { Preferences } from '../../../shared/preferences';

/** What a new story starts with: the fields to store it with, and its authors as the byline shows them. */
export type NewArticleDefaults = { patch: ArticlePatch; authors: Author[] };

/**
 * What a new article starts with, from the person's preferences: the default byline (the author
 * of that name, created if the library has none yet) and the default dateline place.
 */
export async function newArticleDefaults(
  preferences: Pick<Preferences, 'defaultByline' | 'defaultDatelinePlace'>,
  api: CopydeskApi,
): Promise<NewArticleDefaults> {
  const patch: ArticlePatch = {};
  const authors: Author[] = [];
  const name = preferences.defaultByline.trim();
  if (name !== '') {
    const author = await api.invoke('authors:findOrCreate', { name, bio: '' });
    patch.authorIds = [author.id];
    authors.push(author);
  }
  const place = preferences.defaultDatelinePlace.trim();
  if (place !== '') patch.dateline = place;
  return { patch, authors };
}
