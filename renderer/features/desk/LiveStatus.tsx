import { useSyncExternalStore, type JSX } from 'react';

import { plural } from '../../../shared/plural';
import { joinNames } from '../../../shared/text';
import type { LiveConnection, LiveState } from './liveStory';

/** What the status bar says of a live story's connection. */
export function liveStatusText(state: LiveState): string {
  if (state.refused !== null) return `Not live: ${state.refused}`;
  const waiting = plural(state.waiting, 'change', 'changes');
  if (state.connection !== 'live' && state.full !== null) {
    return state.waiting === 0 ? `Offline: ${state.full}` : `Offline: ${state.full} ${waiting} waiting, kept here.`;
  }
  if (state.connection === 'offline') {
    return state.waiting === 0
      ? 'Offline: reconnecting to the desk'
      : `Offline: ${waiting} waiting, kept here and sent when the desk is back`;
  }
  if (state.connection === 'connecting') return 'Connecting to the desk…';
  const company = state.others.length === 0 ? 'Live' : `Live with ${joinNames(state.others)}`;
  return state.waiting === 0 ? company : `${company} · sending ${waiting}`;
}

/** Whether a live story is connected, what waits to be sent, and who else is in it. */
export function LiveStatus({ connection }: { connection: LiveConnection }): JSX.Element {
  const state = useSyncExternalStore(connection.subscribe, connection.snapshot);
  return (
    <>
      <p
        className={`status-bar__item live-status live-status--${state.refused === null ? state.connection : 'refused'}`}
        aria-live="polite"
      >
        {liveStatusText(state)}
      </p>
      {state.notice === null ? null : (
        <p className="status-bar__item live-status--refused" role="alert">
          {state.notice}
        </p>
      )}
    </>
  );
}
