import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Global setup of Vitest and Playwright: the tests run the `copydesk` command as a person does,
 * from its build; it is made once here, before tests run side by side, if the sources changed.
 */
export default function ensureCliBuilt(): void {
  const require = createRequire(__filename);
  const { ensureCliBuilt: ensure } = require(path.resolve(__dirname, '..', '..', 'bin', 'cliBuild.cjs')) as {
    ensureCliBuilt: (log?: (line: string) => void) => string;
  };
  ensure((line) => console.log(line));
}
