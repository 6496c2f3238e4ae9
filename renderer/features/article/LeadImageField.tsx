import './leadImage.css';

import { useId, useRef, useState, type JSX } from 'react';

import type { LeadImage } from '../../../shared/domain';
import { Icon } from '../../components/Icon';
import { useReportError } from '../../components/Notices';
import { addImageFile, IMAGE_ACCEPT, useImageUrl } from '../images/images';
import { oneLine } from './articleFields';
import { FieldProblem, problemProps } from './FieldProblem';

type LeadImageFieldProps = {
  image: LeadImage | null;
  /** Why the caption, the credit or the alt text is not saved, if one is held back. */
  problems: { caption: string | null; credit: string | null; altText: string | null };
  /** The credit kept for a picture not added yet (an import named it without the picture). */
  keptCredit: string;
  onChange: (image: LeadImage | null) => void;
  onKeptCredit: (credit: string) => void;
  /** Focus left a field: a natural moment to save. */
  onLeaveField: () => void;
};

const numbers = new Intl.NumberFormat();

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${numbers.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The picture at the top of the story, with its caption and credit, and its alt text: written for
 * someone who cannot see it, apart from the caption a sighted reader reads beside it. Stored in
 * the library.
 */
export function LeadImageField({
  image,
  problems,
  keptCredit,
  onChange,
  onKeptCredit,
  onLeaveField,
}: LeadImageFieldProps): JSX.Element {
  const report = useReportError();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [adding, setAdding] = useState(false);
  // Once shown, the kept credit's field stays while the person empties and retypes it.
  const [showKept, setShowKept] = useState(keptCredit !== '');
  const hintId = useId();
  const url = useImageUrl(image?.asset.id ?? null);

  const pick = (file: File | undefined) => {
    if (file === undefined) return;
    setAdding(true);
    addImageFile(file)
      // A picture added takes the credit kept for it.
      // Alt text describes one picture: a new picture starts without it.
      .then(
        (asset) => onChange({ asset, caption: image?.caption ?? '', credit: image?.credit ?? keptCredit, altText: '' }),
        report,
      )
      .finally(() => {
        setAdding(false);
        if (input.current !== null) input.current.value = '';
      });
  };

  const chooser = (
    <input
      ref={input}
      type="file"
      accept={IMAGE_ACCEPT}
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      aria-label="Lead image file"
      onChange={(event) => pick(event.target.files?.[0])}
    />
  );

  if (image === null) {
    return (
      <div className={`lead-image lead-image--empty${showKept || keptCredit !== '' ? ' lead-image--kept' : ''}`}>
        {chooser}
        <button
          type="button"
          className="button button--quiet lead-image__choose"
          onClick={() => input.current?.click()}
          disabled={adding}
        >
          <Icon name="image" />
          {adding ? 'Adding the image…' : 'Choose lead image'}
        </button>
        {showKept || keptCredit !== '' ? (
          <div className="lead-image__kept">
            <label className="lead-image__kept-label">
              Lead image credit
              <input
                className="field field--credit lead-image__kept-input"
                maxLength={300}
                value={keptCredit}
                aria-describedby={hintId}
                onFocus={() => setShowKept(true)}
                onChange={(event) => onKeptCredit(event.target.value)}
                onBlur={onLeaveField}
              />
            </label>
            <span id={hintId} className="lead-image__kept-hint">
              Kept for the picture you add, which takes it
            </span>
          </div>
        ) : null}
      </div>
    );
  }

  const { asset } = image;
  return (
    <figure className="lead-image" aria-label="Lead image">
      {chooser}
      <div className="lead-image__frame" style={{ aspectRatio: `${asset.width} / ${asset.height}` }}>
        {url === null ? null : <img className="lead-image__img" src={url} alt={image.altText || image.caption} />}
      </div>
      <figcaption className="lead-image__fields">
        <textarea
          className="field field--caption"
          aria-label="Image caption"
          placeholder="Caption: what the picture shows"
          rows={1}
          {...problemProps(`${ids}-caption`, problems.caption)}
          value={image.caption}
          onChange={(event) => onChange({ ...image, caption: oneLine(event.target.value) })}
          onBlur={onLeaveField}
        />
        <FieldProblem id={`${ids}-caption`} message={problems.caption} />
        <input
          className="field field--credit"
          aria-label="Image credit"
          placeholder="Credit: who took or supplied the picture"
          {...problemProps(`${ids}-credit`, problems.credit)}
          value={image.credit}
          onChange={(event) => onChange({ ...image, credit: event.target.value })}
          onBlur={onLeaveField}
        />
        <FieldProblem id={`${ids}-credit`} message={problems.credit} />
        <div className="lead-image__alt">
          {/* Named on screen too: once written, alt text reads like a second caption. */}
          <span className="lead-image__alt-label" aria-hidden="true">
            Alt text
          </span>
          <textarea
            className="field field--alt"
            aria-label="Alt text"
            placeholder="For readers who cannot see the picture: what it shows"
            rows={1}
            {...problemProps(`${ids}-alt`, problems.altText)}
            value={image.altText}
            onChange={(event) => onChange({ ...image, altText: oneLine(event.target.value) })}
            onBlur={onLeaveField}
          />
        </div>
        <FieldProblem id={`${ids}-alt`} message={problems.altText} />
        <div className="lead-image__meta">
          <span className="lead-image__facts" title={asset.originalName}>
            {`${numbers.format(asset.width)} × ${numbers.format(asset.height)} px · ${formatBytes(asset.byteLength)}`}
          </span>
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label="Replace lead image"
            onClick={() => input.current?.click()}
            disabled={adding}
          >
            {adding ? 'Adding…' : 'Replace'}
          </button>
          <button
            type="button"
            className="button button--quiet button--small button--danger"
            onClick={() => onChange(null)}
          >
            Remove lead image
          </button>
        </div>
      </figcaption>
    </figure>
  );
}
