import createDOMPurify from 'dompurify';
import type { DOMPurify } from 'dompurify';
import type { DOMWindow } from 'jsdom';
import { JSDOM, VirtualConsole } from 'jsdom';

type WorkWindow = { window: DOMWindow; purify: DOMPurify };
let work: WorkWindow | null = null;

/**
 * One empty jsdom window kept for the life of the process, in which HTML is sanitised and
 * rebuilt before it becomes an article body. Creating a window costs milliseconds; every
 * import is synchronous within this window, so one is enough.
 */
export function workWindow(): WorkWindow {
  if (work === null) {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
      virtualConsole: new VirtualConsole(),
    });
    work = { window, purify: createDOMPurify(window) };
  }
  return work;
}

/**
 * A saved page as a document of the work window, parsed as a browser's DOMParser does: its
 * scripts never run and nothing it refers to (style sheets, images, frames) is fetched. A
 * document of its own, but no window of its own, which would cost more than parsing most pages.
 */
export function parseHtmlDocument(html: string): Document {
  return new (workWindow().window.DOMParser)().parseFromString(html, 'text/html');
}

/** Text with HTML character references ("&amp;", "&#39;", "&nbsp;") turned into characters. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const element = workWindow().window.document.createElement('textarea');
  element.innerHTML = text;
  return element.value;
}
