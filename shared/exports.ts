/**
 * What an export package is made of and what exporting reports back: the manifest that lists
 * every file with its size and SHA-256, and the result of `export:run`. Shared by the writer,
 * the handler table, the CLI and the UI.
 */
import { z } from 'zod';

import { ArticleIdSchema, ArticleStatusSchema, TimestampSchema } from './domain';
import { ChecklistItemSchema } from './exportChecklist';

/** The name of the manifest file at the top of every package. */
export const MANIFEST_FILE = 'manifest.json';

export const ManifestFileSchema = z.object({
  /** Inside the package, with forward slashes ("assets/01-quay.jpg"). */
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/** A blocking checklist item exported anyway, with the reason written for it. */
export const AppliedOverrideSchema = z.object({ itemId: z.string(), message: z.string(), reason: z.string() });
export type AppliedOverride = z.infer<typeof AppliedOverrideSchema>;

/** manifest.json: what the package holds, who made it and how the pre-export checklist stood. */
export const ManifestSchema = z.object({
  manifestVersion: z.literal(1),
  generator: z.object({ name: z.literal('Copydesk'), version: z.string() }),
  exportedAt: TimestampSchema,
  article: z.object({ id: ArticleIdSchema, slug: z.string(), headline: z.string(), version: z.number().int() }),
  files: z.array(ManifestFileSchema),
  checklist: z.object({
    overrides: z.array(AppliedOverrideSchema),
    warnings: z.array(ChecklistItemSchema.pick({ id: true, message: true })),
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** What `export:run` reports: where the package is, how many files and bytes it holds, and its manifest in brief. */
export const ExportResultSchema = z.object({
  /** The article after the export: its status is Exported, and its version moved on with that change. */
  article: z.object({ version: z.number().int().positive(), status: ArticleStatusSchema }),
  /** The package folder or .zip file, absolute. */
  path: z.string(),
  /** Files in the package, the manifest included. */
  files: z.number().int().positive(),
  /** Bytes written: the sum of the files, or the size of the .zip. */
  bytes: z.number().int().nonnegative(),
  manifest: z.object({
    exportedAt: TimestampSchema,
    generator: z.string(),
    files: z.array(ManifestFileSchema),
    overrides: z.array(AppliedOverrideSchema),
    warnings: z.number().int().nonnegative(),
  }),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

/** At most this many missing folders are made for an export: more is taken for a mistyped path. */
export const MAX_NEW_EXPORT_FOLDERS = 3;

/** What exporting into a folder takes (`export:folder`): the folders to make first, or why it cannot go there. */
export const ExportFolderPlanSchema = z.object({
  /** The folder as it will be used: absolute and normalised. */
  folder: z.string(),
  exists: z.boolean(),
  /** Missing folders the export will make, outermost first. */
  create: z.array(z.string()),
  /** Why no package can be written there, in words for the person; null when it can. */
  problem: z.string().nullable(),
});
export type ExportFolderPlan = z.infer<typeof ExportFolderPlanSchema>;
