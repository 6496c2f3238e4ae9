import path from 'node:path';

import type { Article } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import type { Checklist, Override } from '../../shared/exportChecklist';
import { appliedOverrides, runChecklist, unresolvedItems } from '../../shared/exportChecklist';
import type { ExportResult, Manifest } from '../../shared/exports';
import type { EditContext } from '../services/articles';
import { findSummary, getArticle } from '../services/articles';
import { checklistItemName } from '../services/checklistItemNames';
import { listClaims } from '../services/claims';
import { listThreads } from '../services/comments';
import { deskSigningKey } from '../services/deskKeys';
import { recordExport } from '../services/exports';
import type { Library } from '../services/LibraryHost';
import { buildPackageFiles } from './buildPackage';
import type { ExportOptions } from './exportData';
import { makeExportFolder, planExportFolder } from './exportFolder';
import { keyFingerprint, signManifest } from './packageSignature';
import type { PackageFs, WrittenPackage } from './writePackage';
import { nodeFs, packageName, writePackage } from './writePackage';

/**
 * The pre-export checklist of an article as it is stored now, at `now`, its times told in
 * `timeZone` (the person's; UTC by default).
 */
export function checkArticle(
  lib: Library,
  articleId: string,
  { now = new Date(), timeZone = 'UTC' }: { now?: Date; timeZone?: string } = {},
): Checklist {
  return checklistOf(lib, getArticle(lib, articleId), now, timeZone);
}

function checklistOf(lib: Library, article: Article, now: Date, timeZone = 'UTC'): Checklist {
  return runChecklist({
    article,
    now,
    timeZone,
    claims: listClaims(lib, article.id),
    comments: listThreads(lib, article.id),
    linked: (id) => {
      const summary = findSummary(lib, id);
      return summary === undefined ? 'missing' : summary.trashedAt === null ? 'live' : 'trashed';
    },
  });
}

/** Where packages go unless the person chooses otherwise: "Exports" beside the library file. */
export function defaultExportFolder(lib: Library): string {
  return path.join(path.dirname(path.resolve(lib.path)), 'Exports');
}

export type ExportRequest = {
  articleId: string;
  /** An absolute path to an existing folder (the default Exports folder is made when missing). */
  folder: string;
  zip: boolean;
  overrides: readonly Override[];
};

export type ExportContext = EditContext & ExportOptions & { appVersion: string; fs?: PackageFs };

const MAX_LABEL_REASON = 160;

/** The history's line for an export: who, under what name, and every checklist item overridden with its reason. */
function historyLabel(name: string, userName: string, overrides: ReturnType<typeof appliedOverrides>): string {
  const who = userName.trim() === '' ? '' : ` by ${userName.trim()}`;
  const head = `Exported${who} as ${name}`;
  if (overrides.length === 0) return head;
  const reasons = overrides.map((override) => {
    const reason =
      override.reason.length > MAX_LABEL_REASON
        ? `${override.reason.slice(0, MAX_LABEL_REASON - 1)}…`
        : override.reason;
    return `${override.itemId} (“${reason}”)`;
  });
  return `${head}; checklist overridden: ${reasons.join('; ')}`;
}

/**
 * Exports an article as a package: runs the checklist, refuses while a blocking item has no
 * written reason to override it, builds the package's files, writes them safely (see
 * writePackage) with a manifest that records the overrides and warnings, signed with the
 * desk's key (made on the library's first export), and keeps a version of the article in its
 * history labelled with the export and the overrides.
 */
export function exportArticle(lib: Library, request: ExportRequest, context: ExportContext): ExportResult {
  const now = (context.clock ?? (() => new Date()))();
  const article = getArticle(lib, request.articleId);
  if (article.trashedAt !== null) {
    throw new ApiError('conflict', 'This article is in the trash. Restore it before exporting it.');
  }
  const checklist = checklistOf(lib, article, now);
  const unresolved = unresolvedItems(checklist, request.overrides);
  if (unresolved.length > 0) {
    const list = unresolved.map((item) => `${item.where}: ${item.message}`).join(' ');
    throw new ApiError(
      'invalid-request',
      `The story is not ready to export (${unresolved.length} blocking ${unresolved.length === 1 ? 'item' : 'items'}). ${list} Fix ${unresolved.length === 1 ? 'it' : 'each'}, or override ${unresolved.length === 1 ? 'it' : 'each'} with a written reason.`,
    );
  }
  const plan = planExportFolder(request.folder);
  const folder = plan.folder;
  const overrides = appliedOverrides(checklist, request.overrides);
  const name = packageName(article.slug, now);
  const files = buildPackageFiles(lib, article.id, now, { publicAddressPattern: context.publicAddressPattern });
  const key = deskSigningKey(lib, now);
  const removeMadeFolders = makeExportFolder(plan, context.fs ?? nodeFs);
  let written: WrittenPackage;
  try {
    written = writePackage({
      folder,
      name,
      zip: request.zip,
      now,
      fs: context.fs,
      files,
      manifest: (manifestFiles): Manifest =>
        signManifest(
          {
            manifestVersion: 1 as const,
            generator: { name: 'Copydesk' as const, version: context.appVersion },
            exportedAt: now.toISOString(),
            article: { id: article.id, slug: article.slug, headline: article.headline, version: article.version },
            files: manifestFiles,
            checklist: {
              overrides,
              warnings: checklist.items
                .filter((item) => item.level === 'warning')
                .map(({ id, message }) => ({ id, message })),
            },
          },
          key,
        ),
    });
  } catch (error) {
    removeMadeFolders();
    throw error;
  }

  // The story has gone out: its status and its history say so, under the package's name.
  const label = historyLabel(
    path.basename(written.path),
    context.userName ?? '',
    overrides.map((override) => ({ ...override, itemId: checklistItemName(lib, override.itemId) })),
  );
  const exported = recordExport(lib, article, label, { now, userName: context.userName ?? '' });

  return {
    article: exported,
    path: written.path,
    files: written.files.length,
    bytes: written.bytes,
    manifest: {
      exportedAt: now.toISOString(),
      generator: `Copydesk ${context.appVersion}`,
      files: written.files,
      overrides,
      warnings: checklist.items.filter((item) => item.level === 'warning').length,
    },
    signedBy: { desk: key.desk, fingerprint: keyFingerprint(key.publicKey) },
  };
}
