import type { JSX } from 'react';

import { ARTICLE_STATUSES, AuthorIdSchema } from '../../../shared/domain';
import type { EntityKind } from '../../../shared/entities';
import { ENTITY_KINDS } from '../../../shared/entities';
import type { LibraryFacets } from '../../../shared/library';
import { dateRangeProblem, type FilterState } from './filterState';
import { statusLabel } from './summaries';
import { plural } from '../../../shared/plural';
import { samePerson } from '../../../shared/comments';

const numbers = new Intl.NumberFormat();
const ANY = '';

const ENTITY_GROUP_LABELS: Readonly<Record<EntityKind, string>> = {
  person: 'People',
  place: 'Places',
  organisation: 'Organisations',
};
/** The option value for articles with no section (an empty section is a real filter). */
const NO_SECTION = '\u0000none';

function counted(name: string, count: number | undefined): string {
  return count === undefined ? name : `${name} (${numbers.format(count)})`;
}

/**
 * The filter controls: status toggles, section, tag and author menus, and a date range, each
 * with the number of articles it would show given the other filters.
 */
export function LibraryFilterControls({
  id,
  state,
  facets,
  onChange,
  onClear,
  person,
}: {
  id: string;
  state: FilterState;
  facets: LibraryFacets | null;
  /** The person using the window: "Assigned to me" is theirs. */
  person: string;
  onChange: (next: FilterState) => void;
  onClear: () => void;
}): JSX.Element {
  const set = (patch: Partial<FilterState>) => onChange({ ...state, ...patch });
  const statusCount = (status: (typeof ARTICLE_STATUSES)[number]) =>
    facets?.statuses.find((entry) => entry.status === status)?.count;
  const toggleStatus = (status: (typeof ARTICLE_STATUSES)[number]) =>
    set({
      statuses: state.statuses.includes(status)
        ? state.statuses.filter((chosen) => chosen !== status)
        : ARTICLE_STATUSES.filter((known) => known === status || state.statuses.includes(known)),
    });
  const problem = dateRangeProblem(state);

  return (
    <div className="library-filters" id={id} role="group" aria-label="Filters">
      <div className="library-filters__statuses" role="group" aria-label="Status">
        {ARTICLE_STATUSES.map((status) => {
          const count = statusCount(status);
          return (
            <button
              key={status}
              type="button"
              className="filter-chip"
              aria-pressed={state.statuses.includes(status)}
              onClick={() => toggleStatus(status)}
            >
              {statusLabel(status)}{' '}
              <span className="filter-chip__count">{count === undefined ? '' : numbers.format(count)}</span>
            </button>
          );
        })}
      </div>

      <label className="library-filters__field">
        <span>Section</span>
        <select
          value={state.section === null ? ANY : state.section === '' ? NO_SECTION : state.section}
          onChange={(event) => {
            const value = event.target.value;
            set({ section: value === ANY ? null : value === NO_SECTION ? '' : value });
          }}
        >
          <option value={ANY}>All sections</option>
          {(facets?.sections ?? []).map((entry) => (
            <option key={entry.name} value={entry.name === '' ? NO_SECTION : entry.name}>
              {counted(entry.name === '' ? 'No section' : entry.name, entry.count)}
            </option>
          ))}
        </select>
      </label>

      <label className="library-filters__field">
        <span>Tag</span>
        <select
          value={state.tag ?? ANY}
          onChange={(event) => set({ tag: event.target.value === ANY ? null : event.target.value })}
        >
          <option value={ANY}>All tags</option>
          {(facets?.tags ?? []).map((entry) => (
            <option key={entry.name} value={entry.name}>
              {counted(entry.name, entry.count)}
            </option>
          ))}
        </select>
      </label>

      <label className="library-filters__field">
        <span>Author</span>
        <select
          value={state.authorId ?? ANY}
          onChange={(event) => {
            const parsed = AuthorIdSchema.safeParse(event.target.value);
            set({ authorId: parsed.success ? parsed.data : null });
          }}
        >
          <option value={ANY}>All authors</option>
          {(facets?.authors ?? []).map((entry) => (
            <option key={entry.id} value={entry.id}>
              {counted(entry.name, entry.count)}
            </option>
          ))}
        </select>
      </label>

      <label className="library-filters__field">
        <span>Names</span>
        <select
          aria-label="Names: a person, place or organisation named"
          value={state.entity === null ? ANY : `${state.entity.kind}:${state.entity.name}`}
          onChange={(event) => {
            const value = event.target.value;
            const at = value.indexOf(':');
            const kind = ENTITY_KINDS.find((candidate) => candidate === value.slice(0, at));
            set({ entity: value === ANY || kind === undefined ? null : { kind, name: value.slice(at + 1) } });
          }}
        >
          <option value={ANY}>Anyone, anywhere</option>
          {ENTITY_KINDS.map((kind) => {
            const entries = (facets?.entities ?? []).filter((entry) => entry.kind === kind);
            return entries.length === 0 ? null : (
              <optgroup key={kind} label={ENTITY_GROUP_LABELS[kind]}>
                {entries.map((entry) => (
                  <option key={entry.name} value={`${kind}:${entry.name}`}>
                    {counted(entry.name, entry.count)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>

      <label className="library-filters__field">
        <span>Assigned to</span>
        <select
          value={state.assignedTo ?? ANY}
          onChange={(event) => set({ assignedTo: event.target.value === ANY ? null : event.target.value })}
        >
          <option value={ANY}>Anyone or nobody</option>
          {person.trim() === '' ? null : (
            <option value={person}>
              {counted(
                'Me',
                facets === null
                  ? undefined
                  : (facets.assignees.find((entry) => samePerson(entry.name, person))?.count ?? 0),
              )}
            </option>
          )}
          {(facets?.assignees ?? [])
            .filter((entry) => !samePerson(entry.name, person))
            .map((entry) => (
              <option key={entry.name} value={entry.name}>
                {counted(entry.name, entry.count)}
              </option>
            ))}
          {state.assignedTo === null ||
          samePerson(state.assignedTo, person) ||
          (facets?.assignees ?? []).some((entry) => samePerson(entry.name, state.assignedTo ?? '')) ? null : (
            <option value={state.assignedTo}>{counted(state.assignedTo, 0)}</option>
          )}
        </select>
      </label>

      <label className="library-filters__field">
        <span>Date</span>
        <select
          aria-label="Date to filter on"
          value={state.dateField}
          onChange={(event) => set({ dateField: event.target.value === 'created' ? 'created' : 'updated' })}
        >
          <option value="updated">Last updated</option>
          <option value="created">Created</option>
        </select>
      </label>
      <div className="library-filters__dates">
        <label>
          <span>From</span>
          <input type="date" value={state.fromDay} onChange={(event) => set({ fromDay: event.target.value })} />
        </label>
        <label>
          <span>To</span>
          <input type="date" value={state.toDay} onChange={(event) => set({ toDay: event.target.value })} />
        </label>
      </div>
      {problem === null ? null : (
        <p className="library__hint" role="alert">
          {problem} The dates are not applied.
        </p>
      )}

      <div className="library-filters__footer">
        <span className="muted" role="status">
          {facets === null ? '' : plural(facets.total, 'article', 'articles', numbers)}
        </span>
        <button type="button" className="button button--small" onClick={onClear}>
          Clear filters
        </button>
      </div>
    </div>
  );
}
