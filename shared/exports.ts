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

/**
 * How a desk signs a package: an Ed25519 signature over the manifest's canonical JSON (RFC 8785:
 * keys sorted, no white space) with this block in it but without its `value`, so the desk's
 * name and key are signed too. The private key stays in the library that signed.
 */
export const ManifestSignatureSchema = z.object({
  algorithm: z.literal('Ed25519'),
  /** The name the signing desk gives itself; a verifying desk names it by its key. */
  desk: z.string(),
  /** The raw 32-byte public key, base64. */
  publicKey: z.string(),
  /** SHA-256 of the raw public key, lower-case hex. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  /** The 64-byte signature, base64. */
  value: z.string(),
});
export type ManifestSignature = z.infer<typeof ManifestSignatureSchema>;

/**
 * A key's fingerprint as people compare it, over the telephone or side by side: its first 16
 * bytes in eight groups of four hex digits ("3f2a 9c1e 77b0 41d2 a8c3 5e6f 0b1d 2c4a").
 */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 32).match(/.{1,4}/g) ?? []).join(' ');
}

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
  /** Absent from packages exported before Copydesk signed them. */
  signature: ManifestSignatureSchema.optional(),
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
  /** The desk whose key signed the manifest: its name and the key's fingerprint (hex). */
  signedBy: z.object({ desk: z.string(), fingerprint: z.string() }),
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
