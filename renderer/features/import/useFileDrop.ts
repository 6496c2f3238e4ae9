import { useEffect, useState } from 'react';

import { filesFromDrop, type ChosenFile } from './collectFiles';

/** Whether a drag carries files (rather than text or a link being moved inside the page). */
function carriesFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes('Files');
}

/**
 * Files dropped anywhere on the window are imported. While files are dragged over it the
 * window says so; text dragged within the editor is left to the editor. A file dropped on the
 * page is never opened in place of Copydesk.
 */
export function useFileDrop(onFiles: (files: ChosenFile[]) => void, onError: (error: unknown) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; the count tells when the drag has left the window.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer) || event.dataTransfer === null) return;
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setDragging(false);
      filesFromDrop(event.dataTransfer).then(onFiles, onError);
    };
    // Capture: the editor must not take a dropped file as text.
    window.addEventListener('dragenter', onEnter, true);
    window.addEventListener('dragover', onOver, true);
    window.addEventListener('dragleave', onLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragenter', onEnter, true);
      window.removeEventListener('dragover', onOver, true);
      window.removeEventListener('dragleave', onLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [onFiles, onError]);
  return dragging;
}
