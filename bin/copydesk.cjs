#!/usr/bin/env node
'use strict';
// The copydesk command. It runs the build in dist/cli, made again first when the sources in
// this checkout are newer (see cliBuild.cjs), so it always runs the code that is here.
const { ensureCliBuilt } = require('./cliBuild.cjs');

let cli;
try {
  cli = require(ensureCliBuilt());
} catch (error) {
  process.stderr.write(`copydesk: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`copydesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
