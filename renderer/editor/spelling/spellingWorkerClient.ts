import type { Misspelling } from './speller';
import { ParagraphChecks, type SpellingTransport } from './paragraphChecks';
import type { SpellingReply, SpellingRequest } from './spellingProtocol';

type Waiting = { resolve: (reply: SpellingReply) => void; reject: (error: Error) => void };

/** The spelling worker, reached by request and reply. */
function workerTransport(): SpellingTransport {
  const worker = new Worker(new URL('./spellingWorker.ts', import.meta.url), { type: 'module', name: 'spelling' });
  const waiting = new Map<number, Waiting>();
  let next = 1;
  worker.addEventListener('message', (event: MessageEvent<SpellingReply>) => {
    const reply = event.data;
    const waiter = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.kind === 'failed') waiter?.reject(new Error(reply.message));
    else waiter?.resolve(reply);
  });
  worker.addEventListener('error', (event) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(event.message || 'The spelling checker stopped.'));
    waiting.clear();
  });
  const ask = (request: Exclude<SpellingRequest, { kind: 'learn' }>): Promise<SpellingReply> =>
    new Promise((resolve, reject) => {
      waiting.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  return {
    check: async (dictionary, paragraphs) => {
      const reply = await ask({ id: next++, kind: 'check', dictionary, paragraphs });
      return reply.kind === 'checked' ? reply.misspellings : paragraphs.map((): Misspelling[] => []);
    },
    suggest: async (dictionary, word) => {
      const reply = await ask({ id: next++, kind: 'suggest', dictionary, word });
      return reply.kind === 'suggested' ? reply.suggestions : [];
    },
    learn: (words) => worker.postMessage({ kind: 'learn', words } satisfies SpellingRequest),
  };
}

let shared: ParagraphChecks | null = null;

/**
 * The window's one spelling checker: its worker keeps the dictionaries loaded and its paragraphs
 * remembered from one story to the next. Started when a story is first opened.
 */
export function spellingChecks(): ParagraphChecks {
  shared ??= new ParagraphChecks(workerTransport());
  return shared;
}
