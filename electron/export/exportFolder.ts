import fs from 'node:fs';
import path from 'node:path';

import { ApiError } from '../../shared/errors';
import type { ExportFolderPlan } from '../../shared/exports';
import { MAX_NEW_EXPORT_FOLDERS } from '../../shared/exports';
import type { PackageFs } from './writePackage';
import { describeWriteFailure } from './writePackage';

function errnoOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/**
 * What exporting into `folder` takes: the folders to make first, outermost first (a folder
 * that is missing is made, with its parents), or why no package can go there. More than
 * MAX_NEW_EXPORT_FOLDERS missing folders are taken for a mistyped path rather than made.
 */
export function planExportFolder(folder: string, stat: (target: string) => fs.Stats = fs.statSync): ExportFolderPlan {
  const typed = folder.trim();
  if (!path.isAbsolute(typed)) {
    return {
      folder: typed,
      exists: false,
      create: [],
      problem: `Choose the export folder by its full path, such as ${path.join(path.sep, 'home', 'desk', 'Exports')}, not "${typed.slice(0, 200)}".`,
    };
  }
  const resolved = path.resolve(typed);
  const create: string[] = [];
  for (let current = resolved; ; current = path.dirname(current)) {
    let isFolder: boolean;
    try {
      isFolder = stat(current).isDirectory();
    } catch (error) {
      const code = errnoOf(error);
      if (code === 'ENOENT' && path.dirname(current) !== current) {
        create.unshift(current);
        continue;
      }
      const problem =
        code === 'ENOTDIR'
          ? `${resolved} cannot be made: part of that path is a file, not a folder. Choose a folder to export into.`
          : describeWriteFailure(error, current).message;
      return { folder: resolved, exists: false, create: [], problem };
    }
    if (!isFolder) {
      const problem =
        current === resolved
          ? `${resolved} is not a folder. Choose a folder to export into.`
          : `${resolved} cannot be made: ${current} is a file, not a folder. Choose a folder to export into.`;
      return { folder: resolved, exists: false, create: [], problem };
    }
    if (create.length > MAX_NEW_EXPORT_FOLDERS) {
      return {
        folder: resolved,
        exists: false,
        create: [],
        problem: `${resolved} would take ${create.length} new folders inside ${current}; Copydesk makes at most ${MAX_NEW_EXPORT_FOLDERS} for an export. Check the path for a typo, or make the folders first.`,
      };
    }
    return { folder: resolved, exists: create.length === 0, create, problem: null };
  }
}

/**
 * Makes the folders `plan` lists, or refuses with its problem. Returns a function that removes
 * what was made, for an export that fails after it: a refused export leaves nothing behind.
 */
export function makeExportFolder(plan: ExportFolderPlan, fsx: PackageFs): () => void {
  if (plan.problem !== null) throw new ApiError('invalid-request', plan.problem);
  const made: string[] = [];
  const undo = () => {
    for (const dir of [...made].reverse()) {
      try {
        fs.rmdirSync(dir);
      } catch {
        // A folder something else has put files in since is left where it is.
      }
    }
  };
  for (const dir of plan.create) {
    try {
      fsx.mkdirSync(dir);
      made.push(dir);
    } catch (error) {
      undo();
      throw describeWriteFailure(error, path.dirname(dir));
    }
  }
  return undo;
}
