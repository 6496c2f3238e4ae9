import type { Article, ArticleSummary, AssignedStep } from '../../../shared/domain';

/** The list row for an article the editor holds in full. */
export function toSummary(article: Article): ArticleSummary {
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    dek: article.dek,
    section: article.section,
    status: article.status,
    version: article.version,
    wordCount: article.wordCount,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    trashedAt: article.trashedAt,
    embargoUntil: article.embargoUntil,
    publishAt: article.publishAt,
    owner: article.owner,
    assignee: article.assignee,
    assignedStep: article.assignedStep,
  };
}

export function displayHeadline(headline: string): string {
  const trimmed = headline.trim();
  return trimmed === '' ? 'Untitled' : trimmed;
}

const STATUS_LABELS: Record<ArticleSummary['status'], string> = {
  draft: 'Draft',
  editing: 'Editing',
  'fact-check': 'Fact check',
  ready: 'Ready',
  exported: 'Exported',
};

export function statusLabel(status: ArticleSummary['status']): string {
  return STATUS_LABELS[status];
}

const STEP_VERBS: Record<AssignedStep, string> = { editing: 'edit', 'fact-check': 'fact-check', review: 'review' };

/** Who a story is assigned to and for what, as a sentence ends: "Rita Okafor to fact-check"; '' when nobody is. */
export function assignmentLabel(assignee: string, step: AssignedStep | null): string {
  const name = assignee.trim();
  if (name === '') return '';
  return step === null ? name : `${name} to ${STEP_VERBS[step]}`;
}
