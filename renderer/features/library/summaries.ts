import type { Article, ArticleSummary } from '../../../shared/domain';

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
