/**
 * `npm run bench`: every benchmark, one after the other, each in a process of its own so one
 * benchmark's warm caches and heap do not flatter the next. `npm run bench -- import` runs
 * only the benchmarks whose file name contains "import".
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BENCHMARKS = [
  'cli.ts',
  'editorLatency.ts',
  'import.ts',
  'responsiveness.ts',
  'backup.ts',
  'search.ts',
  'factCheck.ts',
  'claimsPanel.ts',
  'related.ts',
  'exportFormats.ts',
  'export.ts',
  'versions.ts',
  'migration.ts',
  'saveChecks.ts',
  'bodyChecks.ts',
  'paste.ts',
  'desk.ts',
  'findReplace.ts',
  'spelling.ts',
];

const only = process.argv.slice(2);
const chosen = BENCHMARKS.filter((file) => only.length === 0 || only.some((word) => file.includes(word)));
let failed = 0;
for (const file of chosen) {
  console.log(`\n▶ ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
