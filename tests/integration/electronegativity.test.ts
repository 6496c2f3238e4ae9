import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = path.join(__dirname, '..', '..');

const ReportSchema = z.object({
  electronVersion: z.string(),
  checks: z.number(),
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
  findings: z.array(
    z.object({
      check: z.string(),
      severity: z.enum(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']),
      confidence: z.string(),
      file: z.string(),
      line: z.number(),
      description: z.string(),
    }),
  ),
});
const AllowListSchema = z.array(z.object({ check: z.string(), file: z.string(), reason: z.string().min(40) }));

async function scan(...dirs: string[]): Promise<z.infer<typeof ReportSchema>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/electronegativity.cjs', ...dirs], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  return ReportSchema.parse(JSON.parse(stdout));
}

const serious = (finding: { severity: string }) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM';

describe('Electronegativity', () => {
  it('finds no high or medium issue in the app that is not explained in docs/SECURITY.md', async () => {
    const report = await scan();
    // Every file was parsed and every check ran: a scan that read nothing would find nothing.
    expect(report.errors).toEqual([]);
    expect(report.checks).toBeGreaterThanOrEqual(40);

    const allowList = AllowListSchema.parse(
      JSON.parse(fs.readFileSync(path.join(root, 'docs', 'electronegativity-allowlist.json'), 'utf8')),
    );
    const explained = (finding: { check: string; file: string }) =>
      allowList.some((entry) => entry.check === finding.check && entry.file === finding.file);
    const unexplained = report.findings.filter((finding) => serious(finding) && !explained(finding));
    expect(unexplained).toEqual([]);

    // No stale entry: each one still answers a finding, and the security notes give its reason.
    const securityNotes = fs.readFileSync(path.join(root, 'docs', 'SECURITY.md'), 'utf8');
    for (const entry of allowList) {
      expect(report.findings.some((finding) => finding.check === entry.check && finding.file === entry.file)).toBe(
        true,
      );
      expect(securityNotes).toContain(entry.check);
    }
  });

  it('reports an app that breaks the checklist', async () => {
    const report = await scan('tests/fixtures/electronegativity/insecureApp');
    const found = new Set(report.findings.filter(serious).map((finding) => finding.check));
    for (const check of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'HTTP_RESOURCES_JS_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(found, check).toContain(check);
    }
  });
});
