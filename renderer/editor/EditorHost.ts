import { createContext, useContext } from 'react';

import type { Article, ArticleId, ArticleSummary, Asset, AssetId, Body } from '../../shared/domain';

/**
 * What the editor needs from the app around it: the library's articles (to link an Also See
 * block, to start a story from a large paste) and its pictures. The feature that mounts the
 * editor provides it; nothing in editor/ reaches the API or a feature itself. A failure rejects
 * with an Error whose message a person can act on (an ApiError where the library refused).
 */
export type EditorHost = {
  /** An article as it is now; rejects with an ApiError coded 'not-found' when it is not in the library. */
  getArticle: (id: ArticleId) => Promise<Article>;
  /** The articles changed last, newest first. */
  latestArticles: (limit: number) => Promise<ArticleSummary[]>;
  /** The articles a search finds, best first, and a hint when the search could be put better. */
  searchArticles: (query: string, limit: number) => Promise<{ hits: ArticleSummary[]; hint: string | null }>;
  /** Stores a new article (a large paste started as a story of its own). */
  createArticle: (fields: { headline: string; body: Body }) => Promise<Article>;
  /** The picture types a person may pick, as an <input accept> list. */
  imageTypes: string;
  /** Adds a picked picture to the library; rejects with the reason when the file is too large or no picture. */
  addImage: (file: File) => Promise<Asset>;
  /** An address that shows a stored picture in the page. */
  imageUrl: (id: AssetId) => Promise<string>;
  /** The desk's words, which spelling accepts (names of people and places the desk writes often). */
  deskWords: () => Promise<string[]>;
  /** Keeps a word as the desk's; resolves with them all, or rejects with why the library refused it. */
  addDeskWord: (word: string) => Promise<string[]>;
  /** Calls `listener` with the desk's words whenever they are changed in this window; returns how to stop. */
  watchDeskWords: (listener: (words: string[]) => void) => () => void;
};

/** Set by Editor for its plugins and blocks. */
export const EditorHostContext = createContext<EditorHost | null>(null);

export function useEditorHost(): EditorHost {
  const host = useContext(EditorHostContext);
  if (host === null) throw new Error('useEditorHost is used outside the Editor.');
  return host;
}
