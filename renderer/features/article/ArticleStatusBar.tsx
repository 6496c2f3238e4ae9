import { useState, useSyncExternalStore, type ComponentProps, type JSX } from 'react';

import { StatusBar } from '../../components/StatusBar';
import type { BodyCounts } from '../../editor/plugins/WordCountPlugin';

/**
 * The body's counts as the editor reports them, for the status bar alone: a refresh while
 * someone types redraws the counts, not the article view around them.
 */
export class BodyCountsStore {
  private counts: BodyCounts | null = null;
  private readonly listeners = new Set<() => void>();

  readonly set = (counts: BodyCounts): void => {
    if (this.counts?.words === counts.words && this.counts.characters === counts.characters) return;
    this.counts = counts;
    for (const listener of this.listeners) listener();
  };

  readonly get = (): BodyCounts | null => this.counts;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

export function useBodyCountsStore(): BodyCountsStore {
  const [store] = useState(() => new BodyCountsStore());
  return store;
}

/** The status bar of the open story, its counts read from `counts`. */
export function ArticleStatusBar({
  counts,
  ...props
}: Omit<ComponentProps<typeof StatusBar>, 'counts'> & { counts: BodyCountsStore }): JSX.Element {
  const current = useSyncExternalStore(counts.subscribe, counts.get);
  return <StatusBar counts={current} {...props} />;
}
