import type { JSX } from 'react';

/** What the proof buttons save: the marked-up copy and the clean copy of the story. */
export type Proofs = { markedUp: () => void; clean: () => void };

/** The two copies of the story to print for a proof, as HTML: marked up, and clean. */
export function ProofButtons({ proofs }: { proofs: Proofs }): JSX.Element {
  return (
    <>
      <button
        type="button"
        className="button button--small"
        title="The text with its suggestions and comments shown, as HTML to print for a proof"
        onClick={proofs.markedUp}
      >
        Marked-up copy
      </button>
      <button
        type="button"
        className="button button--small"
        title="The text as it reads with every suggestion accepted, without comments, as HTML"
        onClick={proofs.clean}
      >
        Clean copy
      </button>
    </>
  );
}
