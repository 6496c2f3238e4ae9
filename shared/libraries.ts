import { z } from 'zod';

import { ApiErrorPayloadSchema } from './errors';

/** Why a backup was made: the daily one, one asked for ("Back up now"), or before a format update. */
export const BackupReasonSchema = z.enum(['daily', 'manual', 'pre-migration']);
export type BackupReason = z.infer<typeof BackupReasonSchema>;

/** One backup copy of a library, as listed in its backups folder. */
export const BackupInfoSchema = z.object({
  /** The file's name inside the backups folder; what `backups:restore` takes. */
  name: z.string(),
  path: z.string(),
  /** When it was made (UTC, to the second). */
  createdAt: z.string(),
  reason: BackupReasonSchema,
  sizeBytes: z.number().int().nonnegative(),
  /** Articles outside the trash; null when the copy cannot be read (it is then never offered). */
  articleCount: z.number().int().nonnegative().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const BackupListSchema = z.object({
  /** The folder the backups live in, beside the library. */
  folder: z.string(),
  /** Newest first. */
  backups: z.array(BackupInfoSchema),
  /** Why the last automatic backup failed, if it did. */
  lastFailure: z.string().nullable(),
});
export type BackupList = z.infer<typeof BackupListSchema>;

/**
 * Whether a library is open. `unavailable`: the app started (or a restore ended) without one,
 * because the file named by `path` could not be opened (`problem` says why); every library
 * channel then answers with that problem until another library is opened or a backup restored.
 */
export const LibraryStatusSchema = z.object({
  state: z.enum(['open', 'unavailable']),
  path: z.string(),
  problem: ApiErrorPayloadSchema.nullable(),
  /** When unavailable: the newest backup that reads back sound, to offer. */
  latestBackup: BackupInfoSchema.nullable(),
  /** Why the last automatic backup failed, if it did: shown until a backup succeeds. */
  backupFailure: z.string().nullable(),
});
export type LibraryStatus = z.infer<typeof LibraryStatusSchema>;

/** A library in the recent list, most recently opened first. */
export const RecentLibrarySchema = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  /** False when the file is no longer where it was. */
  exists: z.boolean(),
  current: z.boolean(),
});
export type RecentLibrary = z.infer<typeof RecentLibrarySchema>;

/** A library path as a person types it. */
export const LibraryPathSchema = z
  .string()
  .trim()
  .min(1, { error: 'Give the path of a library file, such as /home/me/desk.sqlite3.' })
  .max(4096, { error: 'That path is too long.' });

/** What restoring a backup did. */
export const RestoreResultSchema = z.object({
  restored: BackupInfoSchema,
  /** Where the file that was replaced now lives (null if there was none). */
  setAside: z.string().nullable(),
  status: LibraryStatusSchema,
});
export type RestoreResult = z.infer<typeof RestoreResultSchema>;
