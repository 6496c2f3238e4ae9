import { describe, expect, it } from 'vitest';

import type { ParsedCall } from '../../../../electron/api/dispatch';
import { checkDeskCall } from '../../../../electron/desk/roles';
import type { DeskActor } from '../../../../electron/services/people';
import type { ArticleStatus } from '../../../../shared/domain';
import { ArticleIdSchema } from '../../../../shared/domain';
import { ClaimIdSchema } from '../../../../shared/sources';
import type { DeskRole } from '../../../../shared/desk';
import { ApiError } from '../../../../shared/errors';

const ARTICLE = ArticleIdSchema.parse('0190f1a2-0000-7000-8000-000000000001');
const CLAIM = ClaimIdSchema.parse('0190f1a2-0000-7000-8000-000000000002');

const actor = (role: DeskRole): DeskActor => ({ id: 'p', name: 'Sam Lee', role });

/** The refusal `role` meets for `call` on a story owned by `owner`, or null when the call may run. */
function refusal(
  role: DeskRole,
  call: ParsedCall,
  status: ArticleStatus = 'draft',
  owner = 'Amna Riaz',
): string | null {
  try {
    checkDeskCall(actor(role), call, { statusOf: () => status, ownerOf: () => owner, isLive: () => false });
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    expect(error.code).toBe('forbidden');
    return error.message;
  }
}

const verdict: ParsedCall = { channel: 'claims:setVerdict', args: { id: CLAIM, verdict: 'verified', note: '' } };
const exportRun: ParsedCall = {
  channel: 'export:run',
  args: { articleId: ARTICLE, folder: '/tmp/out', zip: false, overrides: [] },
};
const toReady: ParsedCall = { channel: 'articles:save', args: { id: ARTICLE, version: 3, patch: { status: 'ready' } } };
const headline: ParsedCall = {
  channel: 'articles:save',
  args: { id: ARTICLE, version: 3, patch: { headline: 'New' } },
};

describe('what each role may do on a desk', () => {
  it('lets everyone write, and keeps verdicts to fact-checkers, editors and admins', () => {
    for (const role of ['reporter', 'fact-checker', 'editor', 'admin'] as const)
      expect(refusal(role, headline)).toBeNull();
    expect(refusal('reporter', verdict)).toBe(
      'Sam Lee is a reporter on this desk, and giving a verdict is for fact-checkers and editors. Ask one of them to do it.',
    );
    for (const role of ['fact-checker', 'editor', 'admin'] as const) expect(refusal(role, verdict)).toBeNull();
  });

  it('keeps export and the move to Ready to editors and admins; a story already Ready can still be saved', () => {
    expect(refusal('reporter', exportRun)).toContain('exporting a story is for editors');
    expect(refusal('fact-checker', exportRun)).toContain('Sam Lee is a fact-checker on this desk');
    expect(refusal('fact-checker', toReady)).toContain('moving a story to Ready is for editors');
    expect(refusal('reporter', { channel: 'articles:create', args: { status: 'exported' } })).toContain(
      'moving a story to Exported',
    );
    expect(refusal('fact-checker', toReady, 'ready')).toBeNull();
    for (const role of ['editor', 'admin'] as const) {
      expect(refusal(role, exportRun)).toBeNull();
      expect(refusal(role, toReady)).toBeNull();
    }
  });

  it('keeps a person’s name as their key gave it, and the desk on its one library', () => {
    expect(refusal('editor', { channel: 'preferences:update', args: { userName: 'Someone Else' } })).toContain(
      'On this desk your name is Sam Lee',
    );
    expect(
      refusal('editor', { channel: 'preferences:update', args: { userName: ' Sam Lee ', theme: 'dark' } }),
    ).toBeNull();
    expect(refusal('admin', { channel: 'libraries:open', args: { path: '/tmp/other.sqlite3' } })).toContain(
      'The desk serves one library',
    );
    expect(refusal('reporter', { channel: 'backups:create', args: {} })).toContain('making a backup by hand');
    expect(refusal('editor', { channel: 'backups:create', args: {} })).toBeNull();
  });
});

describe('who has a story on a desk', () => {
  const assign: ParsedCall = {
    channel: 'articles:assign',
    args: { id: ARTICLE, assignee: 'Rita Okafor', step: 'fact-check' },
  };
  const handOn: ParsedCall = { channel: 'articles:setOwner', args: { id: ARTICLE, owner: 'Sam Lee' } };
  const othersSuggest: ParsedCall = { channel: 'articles:setOthersSuggest', args: { id: ARTICLE, value: true } };

  it('lets everyone assign a story, in every role', () => {
    for (const role of ['reporter', 'fact-checker', 'editor', 'admin'] as const)
      expect(refusal(role, assign)).toBeNull();
  });

  it('lets the owner, editors and admins hand a story on and choose whether others suggest, and nobody else', () => {
    expect(refusal('reporter', handOn)).toBe(
      'Sam Lee is a reporter on this desk, and handing a story to another owner is for its owner, editors and admins. Ask one of them to do it.',
    );
    expect(refusal('fact-checker', othersSuggest)).toContain(
      'choosing whether others suggest in a story is for its owner, editors and admins',
    );
    // The owner named in another case is the owner still.
    for (const call of [handOn, othersSuggest]) {
      expect(refusal('reporter', call, 'draft', 'sam lee')).toBeNull();
      expect(refusal('fact-checker', call, 'draft', 'Sam Lee')).toBeNull();
      for (const role of ['editor', 'admin'] as const) expect(refusal(role, call)).toBeNull();
      // A story nobody owns is handed on by editors and admins.
      expect(refusal('reporter', call, 'draft', '')).toContain('is for its owner, editors and admins');
      expect(refusal('editor', call, 'draft', '')).toBeNull();
    }
  });
});

describe('a story edited live on a desk', () => {
  const onLive = (call: ParsedCall): string | null => {
    try {
      checkDeskCall(actor('editor'), call, { statusOf: () => 'draft', ownerOf: () => 'Sam Lee', isLive: () => true });
      return null;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return error.message;
    }
  };
  const save = (patch: Record<string, unknown>): ParsedCall => ({
    channel: 'articles:save',
    args: { id: ARTICLE, version: 3, patch },
  });

  it('takes its headline, dek and text from its document, never from a save; other fields save as ever', () => {
    for (const patch of [{ headline: 'New' }, { dek: 'New' }, { body: { root: {} } }])
      expect(onLive(save(patch))).toContain('its headline, dek and text are the ones everyone types in');
    expect(onLive(save({ section: 'Harbour', tags: ['ferry'] }))).toBeNull();
  });
});
