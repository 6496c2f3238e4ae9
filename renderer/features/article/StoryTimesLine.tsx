import { useEffect, useMemo, useState, type JSX } from 'react';

import { formatStoryTime, isEmbargoed } from '../../../shared/storyTimes';
import { personLocale, personTimeZone } from './storyTimeText';

/** setTimeout's longest wait; an embargo further off is looked at again after it. */
const LONGEST_WAIT_MS = 2_147_483_647;

/** Now, moved on when `until` (a time ahead) passes, so what depends on it changes as it does. */
function useNowPast(until: string | null): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (until === null) return undefined;
    const wait = new Date(until).getTime() - Date.now();
    if (wait < 0) return undefined;
    const timer = setTimeout(() => setNow(new Date()), Math.min(wait + 1, LONGEST_WAIT_MS));
    return () => clearTimeout(timer);
  }, [until, now]);
  return now;
}

/**
 * When the story may run, under the section and status, in the person's zone: "Embargoed until
 * Tue, 9 Jun 2026, 09:00 BST" while the embargo holds (it turns to "Embargo ended" when it
 * passes), and the publication time when one is set. Nothing when neither is.
 */
export function StoryTimesLine({
  embargoUntil,
  publishAt,
}: {
  embargoUntil: string | null;
  publishAt: string | null;
}): JSX.Element | null {
  const now = useNowPast(embargoUntil);
  const { timeZone, locale } = useMemo(() => ({ timeZone: personTimeZone(), locale: personLocale() }), []);
  if (embargoUntil === null && publishAt === null) return null;
  const holds = isEmbargoed(embargoUntil, now);
  return (
    <p className="story-times">
      {embargoUntil === null ? null : (
        <span className={`story-times__embargo${holds ? ' story-times__embargo--holds' : ''}`}>
          {holds ? 'Embargoed until ' : 'Embargo ended '}
          <time dateTime={embargoUntil}>{formatStoryTime(embargoUntil, timeZone, locale)}</time>
        </span>
      )}
      {publishAt === null ? null : (
        <span className="story-times__publish">
          {'Publish at '}
          <time dateTime={publishAt}>{formatStoryTime(publishAt, timeZone, locale)}</time>
        </span>
      )}
    </p>
  );
}
