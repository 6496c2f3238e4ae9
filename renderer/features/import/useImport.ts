import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { ImportJobId, ImportJobStatus, ImportReport } from '../../../shared/imports';
import { api, errorMessage } from '../../api';
import { readAsBase64, type ChosenFile } from './collectFiles';
import { addReport, emptyReport, planImport } from './planImport';

/** Where an import started from this window stands. */
export type ImportRun = {
  state: 'reading' | 'importing' | 'done' | 'cancelled';
  /** Files considered, after expanding folders. */
  total: number;
  /** Files dealt with so far, whatever became of them. */
  done: number;
  /** The file being read, when one is. */
  current: string | null;
  /** Cancel was pressed; the import stops after the file it is reading. */
  stopping: boolean;
  report: ImportReport;
};

export type ImportControl = {
  run: ImportRun | null;
  /** Imports these files, in batches, reporting progress; refused while another import runs. */
  start: (files: readonly ChosenFile[]) => void;
  /** Follows an import the desktop app's menu started in the main process. */
  follow: (jobId: ImportJobId) => void;
  cancel: () => void;
  dismiss: () => void;
};

/** How often a running import is asked how far it has got. */
const POLL_MS = 250;
/** The library list is refreshed this often while articles arrive, at most. */
const REFRESH_MS = 2000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Drives imports from the UI: the files are planned into batches (files Copydesk would refuse
 * are reported without being sent), each batch is read off the main thread and handed to a
 * background import in the services, and progress is polled. Cancelling stops the running
 * batch after its current file and sends no more; what was imported stays.
 */
export function useImport(onArticlesAdded: () => void, report: (error: unknown) => void): ImportControl {
  const [run, setRun] = useState<ImportRun | null>(null);
  const controller = useRef<AbortController | null>(null);
  const refreshed = useRef(0);
  const onAdded = useRef(onArticlesAdded);
  useEffect(() => {
    onAdded.current = onArticlesAdded;
  }, [onArticlesAdded]);

  const refresh = useCallback((force: boolean) => {
    const now = Date.now();
    if (!force && now - refreshed.current < REFRESH_MS) return;
    refreshed.current = now;
    onAdded.current();
  }, []);

  /** Polls one background import to its end; its report, or a report of why it could not be followed. */
  const followJob = useCallback(
    async (jobId: ImportJobId, signal: AbortSignal, progress: (status: ImportJobStatus) => void) => {
      let askedToStop = false;
      let seen = 0;
      for (;;) {
        if (signal.aborted && !askedToStop) {
          askedToStop = true;
          await api.invoke('imports:cancel', { jobId });
        }
        const status = await api.invoke('imports:status', { jobId });
        progress(status);
        if (status.done > seen) {
          seen = status.done;
          refresh(false);
        }
        if (status.state !== 'running' && status.result !== undefined) return status.result;
        await sleep(POLL_MS);
      }
    },
    [refresh],
  );

  const start = useCallback(
    (files: readonly ChosenFile[]) => {
      if (controller.current !== null) {
        report(
          new Error('An import is already running. Wait for it to finish, or cancel it, then import these files.'),
        );
        return;
      }
      if (files.length === 0) {
        report(new Error('There were no files in what was dropped or chosen.'));
        return;
      }
      const abort = new AbortController();
      controller.current = abort;
      const plan = planImport(files.map(({ name, file }) => ({ name, size: file.size })));
      let outcome = emptyReport(files.length, plan);
      let before = plan.refused.length + plan.ignored.length;
      const show = (patch: Partial<ImportRun>) =>
        setRun((current) => ({
          state: 'reading',
          total: files.length,
          done: before,
          current: null,
          stopping: abort.signal.aborted,
          report: outcome,
          ...current,
          ...patch,
        }));
      setRun(null);
      show({ done: before, report: outcome });

      void (async () => {
        for (const batch of plan.batches) {
          if (abort.signal.aborted) break;
          const payload: { name: string; dataBase64: string }[] = [];
          for (const index of batch) {
            const chosen = files[index] as ChosenFile;
            show({ state: 'reading', current: chosen.name });
            try {
              payload.push({ name: chosen.name, dataBase64: await readAsBase64(chosen.file) });
            } catch (error) {
              outcome = addReport(outcome, {
                ...emptyReport(0, { batches: [], refused: [], ignored: [] }),
                failed: [{ file: chosen.name, reason: `It could not be read: ${errorMessage(error)}` }],
              });
            }
          }
          if (payload.length > 0) {
            const { jobId } = await api.invoke('imports:start', { files: payload });
            const batchReport = await followJob(jobId, abort.signal, (status) =>
              show({
                state: 'importing',
                done: before + (batch.length - payload.length) + status.done,
                current: status.current,
              }),
            );
            outcome = addReport(outcome, batchReport);
          }
          before += batch.length;
          show({ done: before, report: outcome });
          refresh(true);
        }
        if (abort.signal.aborted && before < files.length) outcome = { ...outcome, cancelled: true };
        show({ state: outcome.cancelled ? 'cancelled' : 'done', done: before, current: null, report: outcome });
      })()
        .catch((error: unknown) => {
          outcome = addReport(outcome, {
            ...emptyReport(0, { batches: [], refused: [], ignored: [] }),
            failed: [{ file: '', reason: `The import stopped: ${errorMessage(error)}` }],
            cancelled: true,
          });
          show({ state: 'cancelled', current: null, report: outcome });
        })
        .finally(() => {
          controller.current = null;
          refresh(true);
        });
    },
    [followJob, refresh, report],
  );

  const follow = useCallback(
    (jobId: ImportJobId) => {
      if (controller.current !== null) return;
      const abort = new AbortController();
      controller.current = abort;
      const blank: ImportReport = { total: 0, imported: [], duplicates: [], failed: [], ignored: [], cancelled: false };
      setRun({ state: 'importing', total: 0, done: 0, current: null, stopping: false, report: blank });
      void followJob(jobId, abort.signal, (status) =>
        setRun((current) =>
          current === null ? current : { ...current, total: status.total, done: status.done, current: status.current },
        ),
      )
        .then((result) =>
          setRun((current) =>
            current === null
              ? current
              : { ...current, state: result.cancelled ? 'cancelled' : 'done', current: null, report: result },
          ),
        )
        .catch(report)
        .finally(() => {
          controller.current = null;
          refresh(true);
        });
    },
    [followJob, refresh, report],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    setRun((current) => (current === null ? current : { ...current, stopping: true }));
  }, []);

  const dismiss = useCallback(() => {
    if (controller.current === null) setRun(null);
  }, []);

  return useMemo(() => ({ run, start, follow, cancel, dismiss }), [run, start, follow, cancel, dismiss]);
}
