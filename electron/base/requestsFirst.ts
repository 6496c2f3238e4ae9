/**
 * What a person waits on comes first. Each request (a call over HTTP, a message from the
 * window) is counted while it is answered; work that writes to the library in the background
 * (an import storing its articles, the name analysis storing its results) asks for a turn
 * between its short transactions. One turn is given per pass of the event loop, and none while
 * a request is being answered: a save or a page of the list waits behind at most one such
 * transaction, not one of each kind of work, nor one for each step of its own answer.
 */

/** How long background work may be held back by a steady stream of requests. */
const LONGEST_WAIT_MS = 100;

type Waiting = { resolve: () => void; since: number };

const queue: Waiting[] = [];
let answering = 0;
let lastAnswered = Number.NEGATIVE_INFINITY;
let pass: NodeJS.Immediate | null = null;
let heldBack: NodeJS.Timeout | null = null;

function giveTurn(): void {
  pass = null;
  heldBack = null;
  const first = queue[0];
  if (first === undefined) return;
  const waited = performance.now() - first.since;
  if (answering > 0 && waited < LONGEST_WAIT_MS) {
    heldBack = setTimeout(giveTurn, LONGEST_WAIT_MS - waited);
    return;
  }
  queue.shift();
  first.resolve();
  nextPass();
}

function nextPass(): void {
  if (pass === null && heldBack === null && queue.length > 0) pass = setImmediate(giveTurn);
}

/** Counts a request as being answered; call what it returns once the answer is sent. */
export function answeringRequest(): () => void {
  answering += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    answering -= 1;
    lastAnswered = performance.now();
    if (answering > 0 || heldBack === null) return;
    clearTimeout(heldBack);
    heldBack = null;
    nextPass();
  };
}

/**
 * Resolves at background work's next turn: after the event loop has run at least once, when no
 * request is being answered (or after LONGEST_WAIT_MS, so a steady stream of requests slows
 * background work but never stops it).
 */
export function afterRequests(): Promise<void> {
  return new Promise((resolve) => {
    queue.push({ resolve, since: performance.now() });
    nextPass();
  });
}

/**
 * Whether requests are being made: one is being answered, or one was within `withinMs`. Background
 * work then keeps its transactions short; with nobody asking, it may take longer ones.
 */
export function requestsLately(withinMs = 1000): boolean {
  return answering > 0 || performance.now() - lastAnswered < withinMs;
}
