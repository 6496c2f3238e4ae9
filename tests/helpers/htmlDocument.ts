import { workWindow } from '../../electron/import/domWindow';

/** HTML parsed as a browser parses it: jsdom follows the HTML standard's parser. */
export function parseHtmlDocument(html: string): Document {
  return new (workWindow().window.DOMParser)().parseFromString(html, 'text/html');
}
