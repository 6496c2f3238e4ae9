// The dictionaries ship inside the app, as files of its own build: never fetched from the
// internet, so spelling works on a plane. (Their packages' exports hide the files: they are
// named by path. `no-inline` keeps even a small .aff a file, which the page's policy lets the
// worker fetch, where a data: address would be refused.)
import enGbAff from '../../../node_modules/dictionary-en-gb/index.aff?url&no-inline';
import enGbDic from '../../../node_modules/dictionary-en-gb/index.dic?url&no-inline';
import enUsAff from '../../../node_modules/dictionary-en/index.aff?url&no-inline';
import enUsDic from '../../../node_modules/dictionary-en/index.dic?url&no-inline';

import type { DictionaryId } from '../../../shared/spelling/spellingLanguage';

/** Where each dictionary's two files are in the built app. */
export const DICTIONARY_FILES: Readonly<Record<DictionaryId, { aff: string; dic: string }>> = {
  'en-GB': { aff: enGbAff, dic: enGbDic },
  'en-US': { aff: enUsAff, dic: enUsDic },
};
