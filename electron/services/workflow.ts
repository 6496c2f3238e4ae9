import { v7 as uuidv7 } from 'uuid';

import type { Article, AssignedStep } from '../../shared/domain';
import { ArticleStatusSchema, AssignedStepSchema } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import type { WorkflowEntry } from '../../shared/workflow';
import * as articles from '../db/queries/articles';
import * as workflow from '../db/queries/workflow';
import type { EditContext } from './articles';
import type { Library } from './LibraryHost';

const now = (context: EditContext) => (context.clock ?? (() => new Date()))().toISOString();

function notFound(id: string): ApiError {
  return new ApiError('not-found', `No article with id ${id} is in this library. It may have been deleted.`);
}

/** The story a workflow change is made to: in the library, and not in the trash. */
function storyForChange(lib: Library, id: string, toDo: string): Article {
  const article = articles.getArticle(lib.db, id);
  if (article === undefined) throw notFound(id);
  if (article.trashedAt !== null) {
    throw new ApiError('conflict', `This story is in the trash. Restore it from the trash to ${toDo}.`);
  }
  return article;
}

function readBack(lib: Library, id: string): Article {
  const article = articles.getArticle(lib.db, id);
  if (article === undefined) throw notFound(id);
  return article;
}

/**
 * Assigns a story to `assignee` for `step`, or to nobody when `assignee` is ''. The change is
 * kept in the story's workflow history, signed; assigning it again as it is changes nothing.
 * Its version stays: someone typing in it meanwhile saves as ever.
 */
export function assignArticle(
  lib: Library,
  id: string,
  assignee: string,
  step: AssignedStep | undefined,
  context: EditContext = {},
): Article {
  const name = assignee.trim() === '' ? '' : workflow.deskSpelling(lib.db, assignee.trim());
  if (name !== '' && step === undefined) {
    throw new ApiError('invalid-request', `Choose the step ${name} is assigned for: editing, fact-check or review.`);
  }
  const nextStep = name === '' ? null : (step ?? null);
  lib.db
    .transaction(() => {
      const current = storyForChange(lib, id, 'assign it');
      if (current.assignee === name && current.assignedStep === nextStep) return;
      const at = now(context);
      workflow.setAssignment(lib.db, id, name, nextStep, at);
      workflow.insertWorkflowChange(lib.db, {
        id: uuidv7(),
        articleId: id,
        kind: 'assignment',
        from: current.assignee,
        to: name,
        step: nextStep,
        changedBy: (context.userName ?? '').trim(),
        changedAt: at,
      });
    })
    .immediate();
  return readBack(lib, id);
}

/** Hands a story to another owner, kept in its workflow history, signed; the same owner again changes nothing. */
export function setOwner(lib: Library, id: string, owner: string, context: EditContext = {}): Article {
  const name = owner.trim();
  if (name === '') {
    throw new ApiError('invalid-request', 'The owner needs a name: name the person the story belongs to.');
  }
  lib.db
    .transaction(() => {
      const current = storyForChange(lib, id, 'hand it to another owner');
      const spelled = workflow.deskSpelling(lib.db, name);
      if (current.owner === spelled) return;
      const at = now(context);
      workflow.setOwner(lib.db, id, spelled, at);
      workflow.insertWorkflowChange(lib.db, {
        id: uuidv7(),
        articleId: id,
        kind: 'owner',
        from: current.owner,
        to: spelled,
        step: null,
        changedBy: (context.userName ?? '').trim(),
        changedAt: at,
      });
    })
    .immediate();
  return readBack(lib, id);
}

/** Sets whether everyone but the story's owner suggests in it unless they choose otherwise. */
export function setOthersSuggest(lib: Library, id: string, value: boolean, context: EditContext = {}): Article {
  lib.db
    .transaction(() => {
      const current = storyForChange(lib, id, 'change who suggests in it');
      if (current.othersSuggest !== value) workflow.setOthersSuggest(lib.db, id, value, now(context));
    })
    .immediate();
  return readBack(lib, id);
}

/** Every change of a story's status, assignment and owner, oldest first, with who made it and when. */
export function workflowHistory(lib: Library, id: string): WorkflowEntry[] {
  if (articles.getSummary(lib.db, id) === undefined) throw notFound(id);
  return workflow.listWorkflowHistory(lib.db, id).map((row): WorkflowEntry => {
    const common = { at: row.changed_at, by: row.changed_by };
    if (row.kind === 'status') {
      return {
        kind: 'status',
        ...common,
        from: ArticleStatusSchema.parse(row.from_value),
        to: ArticleStatusSchema.parse(row.to_value),
      };
    }
    if (row.kind === 'owner') return { kind: 'owner', ...common, from: row.from_value, to: row.to_value };
    return {
      kind: 'assignment',
      ...common,
      from: row.from_value,
      to: row.to_value,
      step: row.step === null ? null : AssignedStepSchema.parse(row.step),
    };
  });
}
