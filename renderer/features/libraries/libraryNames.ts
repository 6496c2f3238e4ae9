import type { BackupInfo, BackupReason } from '../../../shared/libraries';
import { plural } from '../../../shared/plural';

/** The last part of a path, whichever separator the platform uses. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

const REASONS: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'Made by hand',
  'pre-migration': 'Before a format update',
};

export function reasonLabel(reason: BackupReason): string {
  return REASONS[reason];
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function whenLabel(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function articlesLabel(count: number | null): string {
  if (count === null) return 'unreadable';
  return plural(count, 'article', 'articles', new Intl.NumberFormat());
}

/** "2 Mar 2026, 09:15, 12 articles": how a backup is named in buttons and confirmations. */
export function backupSummary(backup: BackupInfo): string {
  return `${whenLabel(backup.createdAt)}, ${articlesLabel(backup.articleCount)}`;
}

/**
 * After the library changed underneath the page (another library opened, a backup restored):
 * start the interface afresh on it, with no article open.
 */
export function reloadOnNewLibrary(): void {
  window.location.hash = '#/';
  window.location.reload();
}
