import { useId, useRef, useState, type JSX } from 'react';

import type { LeadImage } from '../../../shared/domain';
import { Icon } from '../../components/Icon';
import { useReportError } from '../../components/Notices';
import { addImageFile, IMAGE_ACCEPT, useImageUrl } from '../images/images';
import { oneLine } from './articleFields';
import { FieldProblem, problemProps } from './FieldProblem';

type LeadImageFieldProps = {
  image: LeadImage | null;
  /** Why the caption or the credit is not saved, if either is held back. */
  problems: { caption: string | null; credit: string | null };
  onChange: (image: LeadImage | null) => void;
  /** Focus left a field: a natural moment to save. */
  onLeaveField: () => void;
};

const numbers = new Intl.NumberFormat();

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${numbers.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The picture at the top of the story, with its caption and credit; stored in the library. */
export function LeadImageField({ image, problems, onChange, onLeaveField }: LeadImageFieldProps): JSX.Element {
  const report = useReportError();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [adding, setAdding] = useState(false);
  const url = useImageUrl(image?.asset.id ?? null);

  const pick = (file: File | undefined) => {
    if (file === undefined) return;
    setAdding(true);
    addImageFile(file)
      .then((asset) => onChange({ asset, caption: image?.caption ?? '', credit: image?.credit ?? '' }), report)
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
      <div className="lead-image lead-image--empty">
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
      </div>
    );
  }

  const { asset } = image;
  return (
    <figure className="lead-image" aria-label="Lead image">
      {chooser}
      <div className="lead-image__frame" style={{ aspectRatio: `${asset.width} / ${asset.height}` }}>
        {url === null ? null : <img className="lead-image__img" src={url} alt={image.caption} />}
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
