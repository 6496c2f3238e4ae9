/**
 * Who a story belongs to and who has it next: its owner, the person it is assigned to and for
 * which step, and the record of every change of status, assignment and owner, with who made
 * it and when. Used by the `articles:assign`, `articles:setOwner`, `articles:setOthersSuggest`
 * and `articles:workflowHistory` channels.
 */
import { z } from 'zod';

import { samePerson } from './comments';
import { ArticleStatusSchema, AssignedStepSchema, TimestampSchema, type AssignedStep } from './domain';

/** The most a story's owner's or assignee's name may be. */
export const STORY_PERSON_MAX = 100;

/** A control character (a tab, a line break, an escape) or an invisible format mark: never part of a name. */
function hasHiddenCharacter(name: string): boolean {
  return /[\p{Cc}\p{Cf}]/u.test(name);
}

/** The person a story is assigned to, as a call names them; '' takes the assignment away. */
export const AssigneeSchema = z
  .string()
  .trim()
  .max(STORY_PERSON_MAX, {
    error: `The name of the person assigned is too long (at most ${STORY_PERSON_MAX} characters).`,
  })
  .refine((name) => !hasHiddenCharacter(name), {
    error:
      'The name of the person assigned cannot hold a tab, a line break or another control character: type it again.',
  });

/** The person a story is handed to as its owner. */
export const OwnerSchema = z
  .string()
  .trim()
  .min(1, { error: 'The owner needs a name: name the person the story belongs to.' })
  .max(STORY_PERSON_MAX, { error: `The owner’s name is too long (at most ${STORY_PERSON_MAX} characters).` })
  .refine((name) => !hasHiddenCharacter(name), {
    error: 'The owner’s name cannot hold a tab, a line break or another control character: type it again.',
  });

/**
 * The name a new story's owner is given from the person making it: their name as it signs
 * their changes, or '' when they gave none (or one no owner could have).
 */
export function ownerFromSigner(name: string | undefined): string {
  const parsed = OwnerSchema.safeParse(name ?? '');
  return parsed.success ? parsed.data : '';
}

/** Whether `name` is the story's owner (the same words in another case count); never when it has none. */
export function isOwner(story: { owner: string }, name: string): boolean {
  return story.owner !== '' && name.trim() !== '' && samePerson(story.owner, name);
}

/** "Assigned to Rita Okafor for fact-check"; '' while nobody is assigned. */
export function assignmentWords(story: { assignee: string; assignedStep: AssignedStep | null }): string {
  if (story.assignee === '') return '';
  return story.assignedStep === null
    ? `Assigned to ${story.assignee}`
    : `Assigned to ${story.assignee} for ${story.assignedStep}`;
}

const EntryBase = { at: TimestampSchema, by: z.string() };

/**
 * One entry of a story's workflow history: a change of status, of who it is assigned to (and
 * for which step; null when the assignment was taken away), or of its owner. `by` is who made
 * the change ('' when they gave no name); `from` and `to` are statuses or names ('' for nobody).
 */
export const WorkflowEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), ...EntryBase, from: ArticleStatusSchema, to: ArticleStatusSchema }),
  z.object({
    kind: z.literal('assignment'),
    ...EntryBase,
    from: z.string(),
    to: z.string(),
    step: AssignedStepSchema.nullable(),
  }),
  z.object({ kind: z.literal('owner'), ...EntryBase, from: z.string(), to: z.string() }),
]);
export type WorkflowEntry = z.infer<typeof WorkflowEntrySchema>;
