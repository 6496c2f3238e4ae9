#!/usr/bin/env node
'use strict';
// The copydesk command: runs the CLI's TypeScript sources through tsx, so the CLI and the
// browser mode always run the code in this checkout, with no separate build to go stale.
const path = require('node:path');
const tsx = require('tsx/cjs/api');

Promise.resolve()
  .then(() => tsx.require(path.join(__dirname, '..', 'electron', 'cli', 'main.ts'), __filename))
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`copydesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
