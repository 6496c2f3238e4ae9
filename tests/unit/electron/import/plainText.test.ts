import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { decodeText } from '../../../../electron/import/decodeText';
import { paragraphsOf, parseDateline, parsePlainText, writtenDate } from '../../../../electron/import/plainText';
import type { Body } from '../../../../shared/domain';
import { nodeToPlainText } from '../../../../shared/text';
import { BBC, SEED_ARTICLE } from './fixtures';
import { SEED } from './seedArticle';

/** The text of each top-level block of a body. */
function paragraphs(body: Body): string[] {
  return body.root.children.map(nodeToPlainText);
}

function readText(file: string): string {
  return decodeText(fs.readFileSync(file), path.basename(file)).text;
}

describe('the seed article', () => {
  const article = parsePlainText(readText(SEED_ARTICLE), 'seed-article.txt');

  it('maps every part to its structured field', () => {
    expect(article.format).toBe('text');
    expect(article.headline).toBe(SEED.headline);
    expect(article.dek).toBe(SEED.dek);
    expect(article.leadImage).toEqual({ url: '', caption: '', credit: SEED.leadImageCredit });
    expect(article.dateline).toBe(SEED.dateline);
    expect(article.datelineDate).toBe('');
    expect(article.syndicationCredit).toBe(SEED.syndicationCredit);
    expect(article.authors).toEqual([{ name: SEED.author, bio: SEED.bio }]);
    expect(article.related).toEqual(SEED.related);
    expect(article.language).toBeNull();
    expect(article.notes).toEqual([]);
  });

  it('keeps the story, and only the story, in the body: the dateline is taken off its first paragraph', () => {
    expect(paragraphs(article.body)).toEqual(SEED.paragraphs);
    const text = JSON.stringify(article.body);
    for (const part of ['[Image via', 'ISLAMABAD', 'This news is sourced', 'News Desk', 'Recent', 'Read More']) {
      expect(text).not.toContain(part);
    }
  });
});

describe('parsePlainText', () => {
  it('reads a BBC-style file as a headline and paragraphs, with no dek or dateline', () => {
    const text = readText(path.join(BBC, 'business', '001.txt'));
    const article = parsePlainText(text, '001.txt');
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    expect(article.headline).toBe('Ad sales boost Time Warner profit');
    expect(article.dek).toBe('');
    expect(article.dateline).toBe('');
    expect(article.authors).toEqual([]);
    expect(paragraphs(article.body)).toEqual(lines.slice(1).map((line) => line.trim()));
  });

  it('takes the dek from between the headline and a dateline, without an image credit too', () => {
    const article = parsePlainText(
      'Ferry trial approved\n\nA six-month trial begins.\n\nPORT ELLIS: The council voted.\n\nMore.',
      'f.txt',
    );
    expect(article).toMatchObject({ headline: 'Ferry trial approved', dek: 'A six-month trial begins.' });
    expect(article.dateline).toBe('PORT ELLIS');
    expect(article.leadImage).toBeNull();
    expect(paragraphs(article.body)).toEqual(['The council voted.', 'More.']);
  });

  it('keeps a lead image credit in the words the text gives it, as a syndication credit is', () => {
    const credit = (line: string) =>
      parsePlainText(`Ferry trial approved\n\nA six-month trial begins. ${line}\n\nThe council voted.`, 'f.txt')
        .leadImage?.credit;
    expect(credit('[Photo: Reuters]')).toBe('Photo: Reuters');
    expect(credit('[Image  courtesy of  the harbour board ]')).toBe('Image courtesy of the harbour board');
    expect(credit('[Picture by Amna Riaz]')).toBe('Picture by Amna Riaz');
  });

  it('reads a "By" line under the headline as the author', () => {
    const article = parsePlainText('Ferry trial approved\n\nBy Maria Okafor\n\nThe council voted.', 'f.txt');
    expect(article.authors).toEqual([{ name: 'Maria Okafor', bio: '' }]);
    expect(paragraphs(article.body)).toEqual(['The council voted.']);
  });

  it('reads other syndication lines', () => {
    const article = parsePlainText('Headline\n\nBody text.\n\nThis article was sourced from Reuters.', 'f.txt');
    expect(article.syndicationCredit).toBe('Sourced from Reuters');
    expect(paragraphs(article.body)).toEqual(['Body text.']);
  });

  it('joins hand-wrapped lines into paragraphs', () => {
    const wrapped = [
      'Wrapped story',
      '',
      'The harbour council on Monday approved a six-month trial of night',
      'ferry crossings between the old quay and the eastern terminal.',
      '',
      'The decision follows a petition signed by more than 4,000 residents',
      'who work evening shifts at the port and the hospital.',
    ].join('\n');
    expect(paragraphs(parsePlainText(wrapped, 'w.txt').body)).toEqual([
      'The harbour council on Monday approved a six-month trial of night ferry crossings between the old quay and the eastern terminal.',
      'The decision follows a petition signed by more than 4,000 residents who work evening shifts at the port and the hospital.',
    ]);
    expect(paragraphsOf(['one', 'two', '', 'three'])).toEqual(['one', 'two', 'three']);
  });

  it('names an article whose first line is too long for a headline after its file', () => {
    const article = parsePlainText(`${'word '.repeat(200)}\n\nSecond.`, 'notes_from_the_desk.txt');
    expect(article.headline).toBe('notes from the desk');
    expect(paragraphs(article.body)).toHaveLength(2);
    expect(article.notes[0]).toMatch(/too long for a headline/);
  });

  it('keeps "Also See" lines as paragraphs with their headline, for storing to link', () => {
    const article = parsePlainText('Headline\n\nBody.\n\nALSO SEE:   Ferry fares frozen\n\nMore.', 'f.txt');
    expect(paragraphs(article.body)).toEqual(['Body.', 'Also See: Ferry fares frozen', 'More.']);
  });
});

describe('parseDateline', () => {
  it('reads upper-case places ending with a colon or a dash, with an optional qualifier or date', () => {
    expect(parseDateline('ISLAMABAD: Senior officials')).toEqual({
      place: 'ISLAMABAD',
      date: '',
      rest: 'Senior officials',
    });
    expect(parseDateline('NEW YORK: x')?.place).toBe('NEW YORK');
    expect(parseDateline('WASHINGTON, D.C.: x')?.place).toBe('WASHINGTON, D.C.');
    expect(parseDateline('GAZA CITY — Residents fled')).toEqual({
      place: 'GAZA CITY',
      date: '',
      rest: 'Residents fled',
    });
    expect(parseDateline('KARACHI, Mar. 22, 2024: x')).toEqual({ place: 'KARACHI', date: '2024-03-22', rest: 'x' });
    // The day first, as British and Asian releases write it.
    expect(parseDateline('LAHORE, 3 June 2025 — x')).toEqual({ place: 'LAHORE', date: '2025-06-03', rest: 'x' });
  });

  it('reads the dates press releases print, with or without the weekday, and no word that only starts like a month', () => {
    const dates: [string, string][] = [
      ['Thursday, 12 March 2026', '2026-03-12'],
      ['March 12th, 2026', '2026-03-12'],
      ['Sept. 1, 2025', '2025-09-01'],
      ['2026-03-12', '2026-03-12'],
      ['Marching 3, 2025', ''],
      ['31 February 2026', ''],
    ];
    for (const [written, date] of dates) expect(writtenDate(written), written).toBe(date);
  });

  it('does not mistake other openings for a dateline', () => {
    for (const paragraph of [
      'UPDATE: the council has voted.',
      'US President George W Bush: no.',
      'Mr Blair said: yes.',
      'A: the answer.',
      'NASA’s probe — launched',
      'Quarterly profits at US media giant TimeWarner jumped 76%.',
    ]) {
      expect(parseDateline(paragraph), paragraph).toBeNull();
    }
  });
});
