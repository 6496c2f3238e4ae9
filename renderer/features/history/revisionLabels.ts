import type { RevisionSummary } from '../../../shared/domain';
import { statusLabel } from '../library/summaries';

const KIND_LABELS: Record<RevisionSummary['kind'], string> = {
  created: 'Created',
  auto: 'Automatic',
  status: 'Status change',
  manual: 'Saved version',
  // Kept under the package's name, as a person's "Save version" is kept under theirs.
  export: 'Saved version',
  restore: 'Before restore',
};

/** What kind of version this is, as the history list names it. */
export function revisionKindLabel(kind: RevisionSummary['kind']): string {
  return KIND_LABELS[kind];
}

/**
 * The line that names a version: its label when a person or an action gave it one, else its
 * headline. An automatic version is named by its headline; its label says why it was kept.
 */
export function revisionTitle(revision: Pick<RevisionSummary, 'kind' | 'label' | 'headline' | 'status'>): string {
  if (revision.kind === 'status') return `Status: ${statusLabel(revision.status)}`;
  const label = revision.label.trim();
  if (label !== '' && revision.kind !== 'auto') return label;
  const headline = revision.headline.trim();
  return headline === '' ? 'Untitled' : headline;
}

/** Why an automatic version was kept ("On leaving the story"), or '' for any other version. */
export function revisionReason(revision: Pick<RevisionSummary, 'kind' | 'label'>): string {
  return revision.kind === 'auto' ? revision.label.trim() : '';
}

/** "by Amna Riaz", or '' for a version kept before a name was given. */
export function revisionSigner(revision: Pick<RevisionSummary, 'createdBy'>): string {
  const name = revision.createdBy.trim();
  return name === '' ? '' : `by ${name}`;
}
