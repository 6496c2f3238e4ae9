import createDOMPurify from 'dompurify';
import type { DOMPurify } from 'dompurify';
import type { DOMWindow } from 'jsdom';
import { JSDOM, VirtualConsole } from 'jsdom';
import { DOMParser as LinkedomParser } from 'linkedom';
import { parse, serialize } from 'parse5';

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
 * A saved page as a document to read, not to show. parse5 builds the tree as the HTML standard
 * says a browser must (implied html, head and body, misplaced content moved where it belongs),
 * and linkedom gives that tree a DOM that Readability reads several times faster than jsdom's:
 * a news page is often a megabyte of markup around a few kilobytes of story. Its scripts never
 * run and nothing it refers to is fetched. What is taken from it is HTML that goes through
 * DOMPurify in the work window before it is kept or becomes a body.
 */
export function parsePageDocument(html: string): Document {
  return new LinkedomParser().parseFromString(serialize(parse(html)), 'text/html') as unknown as Document;
}

/** Text with HTML character references ("&amp;", "&#39;", "&nbsp;") turned into characters. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const element = workWindow().window.document.createElement('textarea');
  element.innerHTML = text;
  return element.value;
}
