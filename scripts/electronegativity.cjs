'use strict';
// Runs Electronegativity (Doyensec's scanner for Electron misconfigurations) over the desktop
// shell's source, the renderer and shared/, offline, and prints its findings as JSON. The folders
// are scanned together (copied side by side into a temporary folder), since its global checks,
// such as "is navigation limited anywhere?", look at the whole app.
//
// The package's command-line front end cannot read its options with the `commander` npm hoists
// here (it prints its usage and scans nothing), so its scanner is called directly. It would
// fetch translations and Electron's release list from the network: both are answered "offline"
// at once, so a run never waits on or depends on the network. The release-list check is left
// out: tests/unit/electron/electronVersion.test.ts holds that item instead.
//
//   node scripts/electronegativity.cjs [DIR...]     (default: electron renderer shared)
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const scannerDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json', { paths: [root] }));

function offline() {
  return Promise.reject(new Error('Electronegativity runs offline here.'));
}
offline.head = offline;
offline.get = offline;
// Every copy of `got` the scanner could load answers offline.
const scannerRequire = Module.createRequire(path.join(scannerDir, 'dist', 'index.js'));
const gotPath = scannerRequire.resolve('got');
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };

const scan = require(scannerDir).default ?? require(scannerDir);

/** Checks that need the network, held elsewhere. */
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck'];

async function scanDirectory(dir, electronVersion) {
  // `dir` holds copies of the scanned folders; findings name files relative to it.
  // The scanner and its translations print progress on console.log: keep stdout for the JSON.
  const log = console.log;
  console.log = (...args) => console.error(...args);
  try {
    const result = await scan({
      input: dir,
      isRelative: true,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    return {
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.map((error) => ({ file: path.relative(dir, error.file), message: error.message })),
      findings: result.issues.map((issue) => ({
        check: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file,
        line: issue.location.line,
        manualReview: Boolean(issue.manualReview),
        description: issue.description,
      })),
    };
  } finally {
    console.log = log;
  }
}

async function main() {
  const dirs = process.argv.slice(2);
  const targets = dirs.length > 0 ? dirs : ['electron', 'renderer', 'shared'];
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-electronegativity-'));
  try {
    for (const target of targets) {
      const relative = path.relative(root, path.resolve(root, target));
      if (relative.startsWith('..')) throw new Error(`${target} is not inside the project.`);
      fs.cpSync(path.join(root, relative), path.join(copy, relative), { recursive: true });
    }
    const report = { electronVersion, scanned: targets, ...(await scanDirectory(copy, electronVersion)) };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
