import DOMPurify from 'dompurify';
import { useMemo, type JSX, type MouseEvent } from 'react';

/**
 * A web page's snapshot shown as the page had it: its headings, tables, lists and links. The
 * HTML was sanitised when it was kept; it is sanitised again here, to the same few elements
 * and the `href` attribute alone, and its links do not navigate (the address shows on hover).
 */
export function KeptPage({ html }: { html: string }): JSX.Element {
  const clean = useMemo(
    () =>
      DOMPurify.sanitize(html, {
        ALLOWED_ATTR: ['href'],
        ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
        FORBID_TAGS: ['style', 'form', 'input', 'button', 'img', 'svg', 'math', 'iframe', 'object', 'embed'],
        ALLOW_DATA_ATTR: false,
      }),
    [html],
  );
  const stayHere = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest('a') !== null) event.preventDefault();
  };
  return (
    // A click, or Enter on a focused link, stops here rather than leaving the app.
    <div
      className="reader__page"
      role="document"
      aria-label="Page as kept"
      onClick={stayHere}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
