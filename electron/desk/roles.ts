import type { ArticleStatus } from '../../shared/domain';
import { mayGiveVerdicts, mayManageStory, mayPublish, roleWithArticle } from '../../shared/desk';
import { ApiError } from '../../shared/errors';
import { isOwner } from '../../shared/workflow';
import type { ParsedCall } from '../api/dispatch';
import type { DeskActor } from '../services/people';
import { carriesVerdicts } from '../../shared/storyTransfer';

/**
 * What each role may do on a desk, decided here, by the server, for every call: a window that
 * shows a button does not make its call allowed. Reporters write and read; fact-checkers add
 * sources, claims, evidence and verdicts; editors do all that, move stories to Ready and
 * export; admins may do everything an editor may (people are managed from the command line).
 * Anyone may assign a story; its owner, editors and admins hand it to another owner and choose
 * whether everyone else suggests in it.
 */

/** The statuses only an editor may move a story to. */
const EDITORS_STATUSES: readonly ArticleStatus[] = ['ready', 'exported'];

function refused(actor: DeskActor, what: string, who: string): ApiError {
  return new ApiError(
    'forbidden',
    `${actor.name} is ${roleWithArticle(actor.role)} on this desk, and ${what} is for ${who}. Ask one of them to do it.`,
  );
}

const ONE_LIBRARY =
  'The desk serves one library, chosen where its server is started (copydesk desk serve --library PATH). Ask the desk’s admin to change it.';

/** What the desk reads of a story to weigh a call: its status and owner as they stand, and whether it is edited live. */
export type StoryFacts = {
  statusOf: (articleId: string) => ArticleStatus | undefined;
  ownerOf: (articleId: string) => string | undefined;
  isLive: (articleId: string) => boolean;
};

const LIVE_TEXT =
  'This story is being edited live on the desk: its headline, dek and text are the ones everyone types in. Reopen the story to edit it with the others.';

/** Whether a save writes what a live story takes from its document: the headline, the dek or the text. */
function writesLiveText(patch: { body?: unknown; headline?: unknown; dek?: unknown }): boolean {
  return patch.body !== undefined || patch.headline !== undefined || patch.dek !== undefined;
}

/**
 * Refuses a call `actor` may not make, with a sentence they can act on. Only a change of status
 * is weighed, not a save of a story that is already Ready; and a story edited live takes its
 * text from its document, not from a save (a restored version goes into the document).
 */
export function checkDeskCall(actor: DeskActor, call: ParsedCall, story: StoryFacts): void {
  const judges = mayGiveVerdicts(actor.role);
  const publishes = mayPublish(actor.role);
  switch (call.channel) {
    case 'claims:setVerdict':
    case 'claims:setNote':
      if (!judges) throw refused(actor, 'giving a verdict', 'fact-checkers and editors');
      return;
    case 'export:run':
    case 'export:folder':
      if (!publishes) throw refused(actor, 'exporting a story', 'editors');
      return;
    case 'articles:create':
    case 'articles:save': {
      if (call.channel === 'articles:save' && writesLiveText(call.args.patch) && story.isLive(call.args.id)) {
        throw new ApiError('conflict', LIVE_TEXT);
      }
      const wanted = call.channel === 'articles:save' ? call.args.patch.status : call.args.status;
      if (wanted === undefined || publishes || !EDITORS_STATUSES.includes(wanted)) return;
      const current = call.channel === 'articles:save' ? story.statusOf(call.args.id) : undefined;
      if (current === wanted) return;
      throw refused(actor, `moving a story to ${wanted === 'ready' ? 'Ready' : 'Exported'}`, 'editors');
    }
    case 'articles:setOwner':
    case 'articles:setOthersSuggest': {
      if (mayManageStory(actor.role, isOwner({ owner: story.ownerOf(call.args.id) ?? '' }, actor.name))) return;
      const what =
        call.channel === 'articles:setOwner'
          ? 'handing a story to another owner'
          : 'choosing whether others suggest in a story';
      throw refused(actor, what, 'its owner, editors and admins');
    }
    case 'libraries:open':
    case 'libraries:create':
    case 'libraries:forget':
    case 'backups:restore':
      throw new ApiError('forbidden', ONE_LIBRARY);
    case 'preferences:update':
      if (call.args.userName !== undefined && call.args.userName.trim() !== actor.name) {
        throw new ApiError(
          'forbidden',
          `On this desk your name is ${actor.name}, as your key was given; it signs your changes. Ask the desk’s admin to change it.`,
        );
      }
      return;
    case 'stories:send':
    case 'stories:cancelSend':
      throw new ApiError(
        'forbidden',
        'A story on the desk is already shared with everyone on it: sending is from a library on your own computer to a desk.',
      );
    case 'stories:receive':
      if (!judges && carriesVerdicts(call.args)) {
        throw refused(actor, 'sending a story whose claims carry verdicts', 'fact-checkers and editors');
      }
      return;
    case 'backups:create':
      if (!publishes) throw refused(actor, 'making a backup by hand', 'editors and admins');
      return;
    default:
      return;
  }
}
