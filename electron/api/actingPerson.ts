import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who a call is made by, when it is not the person named in the preferences: on a desk, the
 * signed-in person whose call it is. Revisions, verdicts, status changes and imports are signed
 * with this name; a call's own work (awaits included) sees it, and no other call's does.
 */
const acting = new AsyncLocalStorage<{ name: string }>();

export function actingAs<T>(name: string, run: () => T): T {
  return acting.run({ name }, run);
}

/** The name of the person the current call acts for, when one was given. */
export function actingPersonName(): string | undefined {
  return acting.getStore()?.name;
}
