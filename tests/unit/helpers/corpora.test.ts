import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import {
  bbcManifestFile,
  bbcNews,
  feverClaims,
  material,
  newsCorpora,
  schemas,
  seedArticle,
  SHARED_DIR,
  webPages,
} from '../../helpers/corpora';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the shared test material', () => {
  it('is found beside the repository, every corpus the tests read', () => {
    expect(path.basename(SHARED_DIR)).toBe('shared');
    for (const found of [
      bbcNews(),
      bbcManifestFile(),
      newsCorpora(),
      webPages(),
      schemas(),
      feverClaims(),
      seedArticle(),
    ]) {
      expect(found.startsWith(SHARED_DIR)).toBe(true);
      expect(fs.existsSync(found)).toBe(true);
    }
  });

  it('names the folder that is not there, and what the tests wanted from it', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-corpora-'));
    made.push(parent);
    const absent = path.join(parent, 'shared');
    expect(() => material('corpora/news/bbc', 'the BBC news corpus', absent)).toThrow(
      `The shared test material is missing: no folder ${absent}. The tests read the BBC news corpus from shared/corpora/news/bbc`,
    );

    fs.mkdirSync(path.join(absent, 'corpora'), { recursive: true });
    expect(() => material('corpora/pages', 'the saved web pages', absent)).toThrow(
      `The shared test material has no shared/corpora/pages (the saved web pages): looked for ${path.join(absent, 'corpora', 'pages')}.`,
    );
  });
});
