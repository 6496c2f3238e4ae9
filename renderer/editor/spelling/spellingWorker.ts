// The spelling checker's own thread: loading a dictionary (most of a second) and checking a
// long story never hold up typing.
import type { DictionaryId } from '../../../shared/spelling/spellingLanguage';
import { DICTIONARY_FILES } from './dictionaryFiles';
import { createSpeller, type Speller } from './speller';
import type { SpellingReply, SpellingRequest } from './spellingProtocol';

/** The worker's side of its channel to the page (the WebWorker library's types would clash with the DOM's). */
const scope = self as unknown as {
  postMessage: (reply: SpellingReply) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent<SpellingRequest>) => void) => void;
};

const spellers = new Map<DictionaryId, Promise<Speller>>();
const learned = new Set<string>();

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The spelling dictionary could not be read (${response.status}).`);
  return response.text();
}

function speller(dictionary: DictionaryId): Promise<Speller> {
  let loading = spellers.get(dictionary);
  if (loading === undefined) {
    const files = DICTIONARY_FILES[dictionary];
    loading = Promise.all([text(files.aff), text(files.dic)]).then(([aff, dic]) => {
      const loaded = createSpeller({ aff, dic });
      loaded.learn(learned);
      return loaded;
    });
    // A failed load is tried again on the next request.
    loading.catch(() => spellers.delete(dictionary));
    spellers.set(dictionary, loading);
  }
  return loading;
}

async function answer(request: Exclude<SpellingRequest, { kind: 'learn' }>): Promise<SpellingReply> {
  const loaded = await speller(request.dictionary);
  if (request.kind === 'check') {
    return { id: request.id, kind: 'checked', misspellings: request.paragraphs.map(loaded.misspellings) };
  }
  return { id: request.id, kind: 'suggested', suggestions: loaded.suggest(request.word) };
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.kind === 'learn') {
    for (const word of request.words) learned.add(word);
    for (const loading of spellers.values())
      void loading.then(
        (loaded) => loaded.learn(request.words),
        () => undefined,
      );
    return;
  }
  answer(request).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) =>
      scope.postMessage({
        id: request.id,
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
