#!/usr/bin/env node
'use strict';
// The copydesk command: runs the CLI's TypeScript sources through tsx, so the CLI and the
// browser mode always run the code in this checkout, with no separate build to go stale.
// Both of tsx's hooks are registered: `require` for the sources, and Node's ESM loader for
// the parsers loaded on first use (`await import('./webPage')`).
const path = require('node:path');

require('tsx/cjs/api').register();
import('tsx/esm/api')
  .then((esm) => esm.register())
  .then(() => require(path.join(__dirname, '..', 'electron', 'cli', 'main.ts')))
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`copydesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
