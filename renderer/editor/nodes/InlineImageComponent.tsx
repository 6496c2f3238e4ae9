import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useEffect, useRef, useState, type JSX } from 'react';

import { AssetIdSchema } from '../../../shared/domain';
import { useEditorHost } from '../EditorHost';
import { useFieldEventsStayInFields } from './decoratorEvents';
import {
  $isInlineImageNode,
  type InlineImageNode,
  type InlineImagePayload,
} from '../../../shared/body/lexical/InlineImageNode';
import { RemoveBlockButton } from './RemoveBlockButton';
import { useBlockDecorator } from './useBlockDecorator';

type Field = 'caption' | 'credit' | 'altText';

function $setField(node: InlineImageNode, field: Field, value: string): void {
  if (field === 'caption') node.setCaption(value);
  else if (field === 'credit') node.setCredit(value);
  else node.setAltText(value);
}

/**
 * A text field bound to one property of the node. It keeps its own value while the person
 * types (the document's copy arrives a moment later) and takes the document's value when that
 * changes for another reason, such as undo.
 */
function NodeField({
  nodeKey,
  field,
  value,
  label,
  placeholder,
  className,
  onFocus,
}: {
  nodeKey: NodeKey;
  field: Field;
  value: string;
  label: string;
  placeholder: string;
  className: string;
  onFocus: () => void;
}): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  return (
    <input
      type="text"
      className={className}
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      autoComplete="off"
      spellCheck
      onFocus={onFocus}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        editor.update(() => {
          const node = $getNodeByKey(nodeKey);
          if ($isInlineImageNode(node)) $setField(node, field, next);
        });
      }}
      onKeyDown={(event) => {
        // Enter or Escape hands the caret back to the story, after the picture.
        if (event.key === 'Enter' || event.key === 'Escape') {
          event.preventDefault();
          // While a decorator's field has focus the editor leaves the page's selection alone.
          editor.getRootElement()?.focus({ preventScroll: true });
          editor.update(() => {
            $getNodeByKey(nodeKey)?.selectNext();
          });
        }
      }}
    />
  );
}

/** The picture with its caption, credit and description, editable in place. */
export function InlineImageComponent({
  nodeKey,
  assetId,
  altText,
  caption,
  credit,
  width,
  height,
}: InlineImagePayload & { nodeKey: NodeKey }): JSX.Element {
  const parsedId = AssetIdSchema.safeParse(assetId);
  const host = useEditorHost();
  // Kept with the id it belongs to, so a new id shows nothing until its own picture arrives.
  const [shown, setShown] = useState<{ id: string; url: string | null } | null>(null);
  const figure = useRef<HTMLElement>(null);
  // A click on the picture selects the block; the fields below it keep theirs.
  const frame = useRef<HTMLDivElement>(null);
  const { isSelected, clearSelection, remove } = useBlockDecorator(nodeKey, frame);
  useFieldEventsStayInFields(figure);

  const validId = parsedId.success ? parsedId.data : null;
  useEffect(() => {
    if (validId === null) return undefined;
    let live = true;
    host.imageUrl(validId).then(
      (url) => {
        if (live) setShown({ id: validId, url });
      },
      () => {
        if (live) setShown({ id: validId, url: null });
      },
    );
    return () => {
      live = false;
    };
  }, [host, validId]);
  const url = shown?.id === validId ? shown.url : null;
  const failed = validId === null || (shown?.id === validId && shown.url === null);

  const description = altText.trim() || caption.trim();
  let picture: JSX.Element;
  if (url !== null) {
    picture = (
      <img
        className="ed-figure__image"
        src={url}
        alt={description}
        width={width > 0 ? width : undefined}
        height={height > 0 ? height : undefined}
        draggable={false}
      />
    );
  } else {
    picture = (
      <div
        className="ed-figure__placeholder"
        role="img"
        aria-label={failed ? 'Image not available' : 'Loading image'}
        style={width > 0 && height > 0 ? { aspectRatio: `${width} / ${height}` } : undefined}
      >
        {failed ? 'This image is not in the library.' : 'Loading image…'}
      </div>
    );
  }

  return (
    <figure
      ref={figure}
      className={`ed-figure${isSelected ? ' ed-figure--selected' : ''}`}
      aria-label={caption.trim() === '' ? 'Image' : `Image: ${caption.trim()}`}
    >
      <div ref={frame} className="ed-figure__frame">
        {picture}
        <RemoveBlockButton label="Remove image" className="ed-figure__remove" onClick={remove} />
      </div>
      <figcaption className="ed-figure__fields">
        <NodeField
          nodeKey={nodeKey}
          field="caption"
          value={caption}
          label="Image caption"
          placeholder="Caption: what the picture shows"
          className="ed-figure__caption"
          onFocus={clearSelection}
        />
        <NodeField
          nodeKey={nodeKey}
          field="credit"
          value={credit}
          label="Image credit"
          placeholder="Credit: who took or supplied the picture"
          className="ed-figure__credit"
          onFocus={clearSelection}
        />
        <NodeField
          nodeKey={nodeKey}
          field="altText"
          value={altText}
          label="Image description"
          placeholder="Description for screen readers (defaults to the caption)"
          className="ed-figure__alt"
          onFocus={clearSelection}
        />
      </figcaption>
    </figure>
  );
}
