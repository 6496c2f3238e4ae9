import { ArticleStatusSchema, type RevisionSummary } from '../../../shared/domain';
import { statusLabel } from '../library/summaries';

const KIND_LABELS: Record<RevisionSummary['kind'], string> = {
  created: 'Created',
  auto: 'Autosaved',
  status: 'Status change',
  manual: 'Saved version',
  restore: 'Before restore',
};

/** What kind of version this is, as the history list names it. */
export function revisionKindLabel(kind: RevisionSummary['kind']): string {
  return KIND_LABELS[kind];
}

/** The line that names a version: its label when it has one, else its headline. */
export function revisionTitle(revision: Pick<RevisionSummary, 'kind' | 'label' | 'headline'>): string {
  const label = revision.label.trim();
  // Status versions are labelled with the status's stored name ("Status: fact-check").
  const status = revision.kind === 'status' ? ArticleStatusSchema.safeParse(/^Status: (.+)$/.exec(label)?.[1]) : null;
  if (status?.success === true) return `Status: ${statusLabel(status.data)}`;
  if (label !== '') return label;
  const headline = revision.headline.trim();
  return headline === '' ? 'Untitled' : headline;
}
