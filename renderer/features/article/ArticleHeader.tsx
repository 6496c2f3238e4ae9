import { useRef, type JSX, type KeyboardEvent } from 'react';

type ArticleHeaderProps = {
  headline: string;
  dek: string;
  meta: string;
  autoFocusHeadline: boolean;
  onHeadline: (value: string) => void;
  onDek: (value: string) => void;
  /** Focus left a field: a natural moment to save. */
  onLeaveField: () => void;
  /** Enter in the dek moves on to the body. */
  onEnterBody: () => void;
};

/** The article's structured header: one-line fields where Enter moves on, as on paper. */
export function ArticleHeader({
  headline,
  dek,
  meta,
  autoFocusHeadline,
  onHeadline,
  onDek,
  onLeaveField,
  onEnterBody,
}: ArticleHeaderProps): JSX.Element {
  const dekField = useRef<HTMLTextAreaElement>(null);

  const onHeadlineKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      dekField.current?.focus();
    }
  };

  const onDekKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onEnterBody();
    }
  };

  return (
    <header className="article-header">
      <p className="article-header__meta">{meta}</p>
      <textarea
        className="field field--headline"
        aria-label="Headline"
        placeholder="Headline"
        rows={1}
        maxLength={500}
        autoFocus={autoFocusHeadline}
        value={headline}
        onChange={(event) => onHeadline(event.target.value.replace(/\r?\n/g, ' '))}
        onKeyDown={onHeadlineKeyDown}
        onBlur={onLeaveField}
      />
      <textarea
        ref={dekField}
        className="field field--dek"
        aria-label="Dek"
        placeholder="Dek: the one or two sentences under the headline"
        rows={1}
        maxLength={2000}
        value={dek}
        onChange={(event) => onDek(event.target.value.replace(/\r?\n/g, ' '))}
        onKeyDown={onDekKeyDown}
        onBlur={onLeaveField}
      />
    </header>
  );
}
