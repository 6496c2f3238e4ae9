import { api } from '../../api';
import type { EditorHost } from '../../editor/EditorHost';
import { addImageFile, IMAGE_ACCEPT, imageUrl } from '../images/images';
import { addDeskWord, loadDeskWords, watchDeskWords } from '../spelling/deskWords';

/** The article editor's way to the library: through the API, and the pictures' shared cache. */
export const EDITOR_HOST: EditorHost = {
  getArticle: (id) => api.invoke('articles:get', { id }),
  latestArticles: (limit) => api.invoke('articles:list', { limit }).then(({ items }) => items),
  searchArticles: (query, limit) => api.invoke('articles:search', { query, limit }),
  createArticle: (fields) => api.invoke('articles:create', fields),
  imageTypes: IMAGE_ACCEPT,
  addImage: addImageFile,
  imageUrl,
  deskWords: loadDeskWords,
  addDeskWord,
  watchDeskWords,
};
