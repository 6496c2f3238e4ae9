import type { JSX } from 'react';

import { joinNames } from '../../../shared/text';
import { useDesk } from './DeskGate';
import { personColour } from '../../../shared/people';

/** Who else on the desk has a story open now, each in their colour; nothing off a desk, or when no one has. */
export function PeopleInStory({ articleId }: { articleId: string }): JSX.Element | null {
  const people = useDesk()?.others.get(articleId);
  if (people === undefined) return null;
  return (
    <span
      className="people-in-story"
      title={`${joinNames([...people])} ${people.length === 1 ? 'has' : 'have'} it open`}
    >
      <span className="visually-hidden">Open now by </span>
      {people.map((name) => (
        <span key={name} className="people-in-story__person" style={{ background: personColour(name) }}>
          {name}
        </span>
      ))}
    </span>
  );
}
