import { describe, expect, it } from 'vitest';

import type { Body } from '../../../shared/body/bodySchema';
import {
  commentedWords,
  commentsInClaims,
  CommentTextSchema,
  CommentThreadIdSchema,
  mentionedPeople,
  samePerson,
} from '../../../shared/comments';
import { bodyFromParagraphs } from '../../../shared/text';
import { commentNode as comment, markNode as mark, textNode as text } from '../../helpers/lexicalNodes';

/** A one-paragraph body whose children are given as they would be serialised. */
function bodyOf(...children: object[]): Body {
  const body = bodyFromParagraphs(['']);
  (body.root.children[0] as { children: object[] }).children = children;
  return body;
}

const DESK = ['Ed', 'Ed Park', 'Rita Okafor', 'Amna Riaz'];

describe('mentionedPeople', () => {
  it('finds each person named with an @, once, as the desk spells them', () => {
    expect(mentionedPeople('@Rita Okafor, can you check the toll? @Amna Riaz too. Thanks @rita okafor', DESK)).toEqual([
      'Rita Okafor',
      'Amna Riaz',
    ]);
  });

  it('takes the longest name where one begins another', () => {
    expect(mentionedPeople('@Ed Park has the figures', DESK)).toEqual(['Ed Park']);
    expect(mentionedPeople('@Ed, the figures', DESK)).toEqual(['Ed']);
    expect(mentionedPeople('@Ed and @Ed Park', DESK)).toEqual(['Ed', 'Ed Park']);
  });

  it('needs the name to end where a word ends', () => {
    expect(mentionedPeople('@Edward will know', DESK)).toEqual([]);
    expect(mentionedPeople('@Ed Parker will know', DESK)).toEqual(['Ed']);
    expect(mentionedPeople('@Rita Okafor’s figures', DESK)).toEqual(['Rita Okafor']);
    expect(mentionedPeople('(@Amna Riaz)', DESK)).toEqual(['Amna Riaz']);
  });

  it('reads names in any case, and nothing without an @ or not on the desk', () => {
    expect(mentionedPeople('@AMNA RIAZ please look', DESK)).toEqual(['Amna Riaz']);
    expect(mentionedPeople('Rita Okafor should look', DESK)).toEqual([]);
    expect(mentionedPeople('@Omar Khan should look', DESK)).toEqual([]);
    expect(mentionedPeople('Mail amna@example.org', DESK)).toEqual([]);
    expect(mentionedPeople('@', DESK)).toEqual([]);
    expect(mentionedPeople('@Rita Okafor', ['', '  Rita Okafor '])).toEqual(['Rita Okafor']);
  });
});

describe('samePerson', () => {
  it('folds case and surrounding space, not accents', () => {
    expect(samePerson(' rita okafor', 'Rita Okafor ')).toBe(true);
    expect(samePerson('Zoë Adeyemi', 'zoë adeyemi')).toBe(true);
    expect(samePerson('Zoë Adeyemi', 'Zoe Adeyemi')).toBe(false);
    expect(samePerson('Rita Okafor', 'Rita')).toBe(false);
  });
});

describe('what a comment may say', () => {
  it('refuses an empty comment and one over 5,000 characters, and needs a thread id', () => {
    expect(CommentTextSchema.safeParse('  Is 140 right?  ').data).toBe('Is 140 right?');
    expect(CommentTextSchema.safeParse('   ').error?.issues[0]?.message).toBe('Write the comment first.');
    expect(CommentTextSchema.safeParse('x'.repeat(5000)).success).toBe(true);
    expect(CommentTextSchema.safeParse('x'.repeat(5001)).error?.issues[0]?.message).toBe(
      'A comment is at most 5,000 characters: say the rest in a reply.',
    );
    expect(CommentThreadIdSchema.safeParse('thread-1').error?.issues[0]?.message).toBe(
      'Not a valid comment thread id.',
    );
  });
});

describe('commentedWords', () => {
  it('gives each thread the words its comment nodes cover, in the order they stand', () => {
    const body = bodyOf(
      comment(['t2'], text('An attack')),
      text(' near Moscow '),
      comment(['t1'], text('killed '), { ...text('over'), format: 1 }),
      comment(['t1', 't3'], text(' 140')),
      text(' people.'),
    );
    expect([...commentedWords(body)]).toEqual([
      ['t2', 'An attack'],
      ['t1', 'killed over 140'],
      ['t3', ' 140'],
    ]);
  });
});

describe('commentsInClaims', () => {
  it('finds comments inside a claim, around it and across its edge, each once, in the order met', () => {
    const body = bodyOf(
      comment(['around'], text('Officials said '), mark(['toll'], text('killed over 140'))),
      mark(['toll'], text(' people'), comment(['inside'], text(' in'))),
      text(' the attack, '),
      mark(['date'], text('on '), comment(['across'], text('Friday'))),
      comment(['across'], text(', the ministry said')),
      comment(['none'], text('.')),
    );
    expect(commentsInClaims(body)).toEqual(
      new Map([
        ['toll', ['around', 'inside']],
        ['date', ['across']],
      ]),
    );
  });

  it('lets overlapping comments and claims each see the others', () => {
    const body = bodyOf(mark(['toll', 'quote'], comment(['t1', 't2'], text('140 died')), comment(['t1'], text('!'))));
    expect(commentsInClaims(body)).toEqual(
      new Map([
        ['toll', ['t1', 't2']],
        ['quote', ['t1', 't2']],
      ]),
    );
  });

  it('finds nothing in a body without comments or without claims', () => {
    expect(commentsInClaims(bodyOf(mark(['toll'], text('140 died'))))).toEqual(new Map());
    expect(commentsInClaims(bodyOf(comment(['t1'], text('140 died'))))).toEqual(new Map());
  });
});
