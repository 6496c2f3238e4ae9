import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { CONTENT_SECURITY_POLICY } from '../../../shared/contentSecurityPolicy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

const html = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');
const metaPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';

describe('the Content-Security-Policy', () => {
  it.each([
    ['the response header', CONTENT_SECURITY_POLICY],
    ['the page’s meta element', metaPolicy],
  ])('%s allows only the app’s own scripts: no inline code, no eval, no plugins', (_where, policy) => {
    const parsed = directives(policy);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
    for (const [name, sources] of parsed) {
      for (const source of sources) expect(source, name).toMatch(/^('self'|'none'|data:|blob:)$/);
    }
  });

  it('forbids framing the page in the response header', () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
  });
});
