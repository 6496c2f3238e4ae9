import { z } from 'zod';

/**
 * The desk: several people in one library, each signed in with a personal key and acting in
 * one role. What each role may do is decided by the desk server (electron/desk/roles.ts); the
 * window only reads who is signed in.
 */
export const DESK_ROLES = ['reporter', 'editor', 'fact-checker', 'admin'] as const;
export const DeskRoleSchema = z.enum(DESK_ROLES);
export type DeskRole = z.infer<typeof DeskRoleSchema>;

/** The roles that give verdicts (and their notes): fact-checkers, editors and admins. */
export function mayGiveVerdicts(role: DeskRole): boolean {
  return role !== 'reporter';
}

/** The roles that move a story to Ready, export it and make backups: editors and admins. */
export function mayPublish(role: DeskRole): boolean {
  return role === 'editor' || role === 'admin';
}

/**
 * Who may hand a story to another owner and choose whether everyone but its owner suggests in
 * it: its owner, editors and admins. Anyone may assign a story.
 */
export function mayManageStory(role: DeskRole, ownsIt: boolean): boolean {
  return ownsIt || mayPublish(role);
}

/** A role as a sentence names it: "a reporter", "an editor", "a fact-checker", "an admin". */
export function roleWithArticle(role: DeskRole): string {
  return `${role === 'editor' || role === 'admin' ? 'an' : 'a'} ${role}`;
}

/** The most a person's name may be: it signs every change they make. */
export const PERSON_NAME_MAX = 80;

export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, 'A person needs a name: it signs every change they make.')
  .max(PERSON_NAME_MAX, `A person's name can be at most ${PERSON_NAME_MAX} characters.`)
  .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), 'A name cannot hold control characters.');

/** A person on the desk as the window and the command line see them; never their key. */
export const DeskPersonSchema = z.object({
  name: z.string(),
  role: DeskRoleSchema,
  addedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type DeskPerson = z.infer<typeof DeskPersonSchema>;

/** Who is signed in to the desk in this window. */
export const DeskSignedInSchema = z.object({ name: z.string(), role: DeskRoleSchema });
export type DeskSignedIn = z.infer<typeof DeskSignedInSchema>;

/** What a sign-in sends: the personal key `copydesk desk add-person` printed. */
export const DeskSignInSchema = z.object({ key: z.string().max(200) });

/** The page's routes for signing in and out of a desk (outside the API contract: no one is signed in yet). */
export const DESK_SESSION_PATH = '/desk/session';

/** Where a desk's pages open their stories' live documents (a WebSocket to Hocuspocus). */
export const DESK_LIVE_PATH = '/desk/live';

/**
 * The close code of a live connection the desk has no room for just now (too many stories open
 * under one key, or on the whole desk), its reason the sentence to show. A browser reads no
 * words from a refused handshake, so the desk takes the connection and closes it with these; the
 * page keeps trying, and says why it waits.
 */
export const DESK_FULL_CLOSE_CODE = 4429;

/**
 * The message (Hocuspocus's stateless kind) the desk sends everyone in a story when something
 * beside its text changed: a claim, its evidence or verdict, the sources cited, a comment.
 * Their windows ask for it again at once.
 */
export const BESIDE_TEXT_CHANGED = 'beside-text-changed';

/**
 * The most connections to live stories one key may hold (each window's open story is one; a
 * desk may set its own with `desk serve --stories-per-person`), and the whole desk: a runaway
 * page or a flood is refused, and everyone else is still served.
 */
export const LIVE_LIMITS = { perKey: 24, total: 2000 };

/** Where a signed-in page asks who is in which story on the desk now. */
export const DESK_PRESENCE_PATH = '/desk/presence';

/** The stories people have open on the desk now, each with who is in it (by name, in order). */
export const DeskPresenceSchema = z.array(z.object({ articleId: z.string(), people: z.array(z.string()) }));
export type DeskPresence = z.infer<typeof DeskPresenceSchema>;
