import { api } from '../../api';

type Listener = (words: string[]) => void;

const listeners = new Set<Listener>();

/** Everyone showing the desk's words hears of a change made anywhere in the window. */
function changed(words: string[]): string[] {
  for (const listener of listeners) listener(words);
  return words;
}

/** The desk's words, as the library keeps them (the list is the desk's, shared by everyone on it). */
export function loadDeskWords(): Promise<string[]> {
  return api.invoke('deskWords:list', {});
}

/** Keeps a word as the desk's; resolves with them all, or rejects with why the library refused it. */
export function addDeskWord(word: string): Promise<string[]> {
  return api.invoke('deskWords:add', { word }).then(changed);
}

/** Stops keeping a word as the desk's; resolves with the rest. */
export function removeDeskWord(word: string): Promise<string[]> {
  return api.invoke('deskWords:remove', { word }).then(changed);
}

/** Calls `listener` with the desk's words whenever this window changes them; returns how to stop. */
export function watchDeskWords(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
