'use strict';
// `npm test`: every check, in order — lint, type check, unit and integration tests (Vitest),
// end-to-end tests (Playwright in Chromium) — then one closing line with the totals.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const reports = path.join(root, 'reports');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label}${ok ? '' : ` (exit ${result.status ?? result.signal})`}`);
  return ok;
}

/** Tests run under Node: a better-sqlite3 built for Electron (or missing) is rebuilt first. */
function ensureSqliteForNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8',
  });
  if (probe.status === 0) return true;
  console.log('better-sqlite3 is not built for this Node.js; rebuilding it…');
  return run('rebuild better-sqlite3', 'npm', ['rebuild', 'better-sqlite3']);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

const steps = [];
steps.push(['better-sqlite3 for Node', ensureSqliteForNode()]);
steps.push(['lint', run('lint (eslint, prettier)', 'npm', ['run', '--silent', 'lint'])]);
steps.push(['type check', run('type check (tsc)', bin('tsc'), ['--noEmit'])]);
steps.push(['unit and integration tests', run('unit and integration tests (vitest)', bin('vitest'), ['run'])]);
steps.push(['end-to-end tests', run('end-to-end tests (playwright, chromium)', bin('playwright'), ['test'])]);

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(path.join(reports, 'vitest.json'));
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}
const playwright = readJson(path.join(reports, 'playwright.json'));
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
}

const failedSteps = steps.filter(([, ok]) => !ok).map(([name]) => name);
console.log('');
if (failedSteps.length > 0) console.log(`Failed: ${failedSteps.join(', ')}`);
if (failedSteps.length > 0 && failed === 0) failed = failedSteps.length;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length === 0 ? 0 : 1);
