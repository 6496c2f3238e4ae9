import { useState, type JSX } from 'react';

import { DeskAddressSchema, SendStoryArgsSchema } from '../../../shared/storyTransfer';
import { TextField } from '../../components/TextField';

/** A field's problem, as the contract words it, or null. */
function problemOf(check: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  return check.success ? null : (check.error?.issues[0]?.message ?? 'This is not valid.');
}

/**
 * A desk's address and a person's key, as a form asks for them (Send to a desk, Connect to a
 * desk): each field says what is wrong with it once the form has been tried, and `valid` is
 * what to use when both are right.
 */
export function useDeskAndKey(firstAddress: string | (() => string) = ''): {
  valid: { desk: string; key: string } | null;
  /** Shows each field's problem from now on. */
  tried: () => void;
  fields: (id: string, keyHint: string | null) => JSX.Element;
} {
  const [address, setAddress] = useState(firstAddress);
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const addressCheck = DeskAddressSchema.safeParse(address);
  const keyCheck = SendStoryArgsSchema.shape.key.safeParse(key);
  const valid = addressCheck.success && keyCheck.success ? { desk: addressCheck.data, key: keyCheck.data } : null;
  const fields = (id: string, keyHint: string | null) => (
    <>
      <TextField
        id={`${id}-address`}
        label="Desk address"
        type="url"
        autoComplete="url"
        placeholder="https://desk.example.org:8443"
        value={address}
        onChange={setAddress}
        problem={shown ? problemOf(addressCheck) : null}
        hint={null}
      />
      <TextField
        id={`${id}-key`}
        label="Personal key"
        type="password"
        autoComplete="off"
        placeholder="cdk_…"
        value={key}
        onChange={setKey}
        problem={shown ? problemOf(keyCheck) : null}
        hint={keyHint}
      />
    </>
  );
  return { valid, tried: () => setShown(true), fields };
}
