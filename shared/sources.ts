/**
 * Sources, their offline snapshots, and the claims of an article tied to passages of those
 * snapshots: the types and zod schemas both sides use.
 */
import { z } from 'zod';

import { ArticleIdSchema, hasControlCharacter, TimestampSchema } from './domain';

export const SourceIdSchema = z.uuid({ error: 'Not a valid source id.' }).brand<'SourceId'>();
export type SourceId = z.infer<typeof SourceIdSchema>;
export const SnapshotIdSchema = z.uuid({ error: 'Not a valid snapshot id.' }).brand<'SnapshotId'>();
export type SnapshotId = z.infer<typeof SnapshotIdSchema>;
export const ClaimIdSchema = z.uuid({ error: 'Not a valid claim id.' }).brand<'ClaimId'>();
export type ClaimId = z.infer<typeof ClaimIdSchema>;
export const EvidenceIdSchema = z.uuid({ error: 'Not a valid evidence id.' }).brand<'EvidenceId'>();
export type EvidenceId = z.infer<typeof EvidenceIdSchema>;

export const SOURCE_KINDS = [
  'official-statement',
  'wire-copy',
  'interview',
  'document',
  'web-page',
  'social-post',
  'dataset',
] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS, {
  error: `A source is one of: ${SOURCE_KINDS.join(', ')}.`,
});
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  'official-statement': 'Official statement',
  'wire-copy': 'Wire copy',
  interview: 'Interview',
  document: 'Document',
  'web-page': 'Web page',
  'social-post': 'Social post',
  dataset: 'Dataset',
};

/**
 * How far a source can be trusted, on the Admiralty (NATO) scale used by intelligence and
 * open-source investigators: a letter for the source's record, judged apart from whether any
 * one thing it says is true (that is the claim's verdict).
 */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const ReliabilitySchema = z.enum(RELIABILITY_GRADES, {
  error: 'The reliability is a grade from A (completely reliable) to F (cannot be judged).',
});
export type Reliability = z.infer<typeof ReliabilitySchema>;

/** Each grade's name, as the scale gives it: "Usually reliable". */
export const RELIABILITY_NAMES: Readonly<Record<Reliability, string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

/** What each grade means, to choose one. */
export const RELIABILITY_MEANINGS: Readonly<Record<Reliability, string>> = {
  A: 'no doubt of authenticity or competence; a history of complete reliability',
  B: 'minor doubt; a history of mostly valid information',
  C: 'doubt; has provided valid information in the past',
  D: 'significant doubt; has provided valid information in the past',
  E: 'lacking authenticity or competence; a history of invalid information',
  F: 'no basis to evaluate',
};

/** A grade in full: "B — Usually reliable: minor doubt; a history of mostly valid information". */
export const RELIABILITY_LABELS: Readonly<Record<Reliability, string>> = Object.fromEntries(
  RELIABILITY_GRADES.map((grade) => [grade, `${grade} — ${RELIABILITY_NAMES[grade]}: ${RELIABILITY_MEANINGS[grade]}`]),
) as Record<Reliability, string>;

/** How a snapshot was captured. */
export const SNAPSHOT_FORMATS = ['web-page', 'docx', 'pdf', 'text', 'paste'] as const;
export const SnapshotFormatSchema = z.enum(SNAPSHOT_FORMATS);
export type SnapshotFormat = z.infer<typeof SnapshotFormatSchema>;

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `The ${what} is too long (at most ${max.toLocaleString('en')} characters).` });

/** A calendar date (YYYY-MM-DD), or empty when unknown. */
const DateOrEmptySchema = z.union([
  z.literal(''),
  z.iso.date({ error: 'Not a date: write it as year-month-day, such as 2026-03-02.' }),
]);

/** A source's address: http or https, or nothing. */
const SourceUrlSchema = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(2000, { error: 'The address is too long (at most 2,000 characters).' })
    .refine(
      (value) => {
        try {
          return ['http:', 'https:'].includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { error: 'The address must start with http:// or https://.' },
    ),
]);

/** The fields of a source a person edits. */
export const SourceFieldsSchema = z.strictObject({
  kind: SourceKindSchema,
  title: z
    .string()
    .trim()
    .min(1, { error: 'A source needs a title.' })
    .max(500, { error: 'The title is too long (at most 500 characters).' })
    .refine((title) => !hasControlCharacter(title), { error: 'A title cannot hold control characters.' }),
  publisher: text(300, 'publisher'),
  author: text(300, 'author'),
  url: SourceUrlSchema,
  publishedDate: DateOrEmptySchema,
  accessedDate: DateOrEmptySchema,
  reliability: ReliabilitySchema,
  notes: text(10_000, 'notes'),
});
export type SourceFields = z.infer<typeof SourceFieldsSchema>;

/** The fields of a source a person edits, taken from the source as listed. */
export function sourceFieldsOf(source: SourceFields): SourceFields {
  return {
    kind: source.kind,
    title: source.title,
    publisher: source.publisher,
    author: source.author,
    url: source.url,
    publishedDate: source.publishedDate,
    accessedDate: source.accessedDate,
    reliability: source.reliability,
    notes: source.notes,
  };
}

/** A snapshot as listed: what it is, without its text. */
export const SnapshotMetaSchema = z.object({
  id: SnapshotIdSchema,
  sourceId: SourceIdSchema,
  format: SnapshotFormatSchema,
  fileName: z.string(),
  /** SHA-256 of the bytes captured (the file, or the pasted text as UTF-8), in hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  byteSize: z.number().int().nonnegative(),
  characters: z.number().int().nonnegative(),
  capturedAt: TimestampSchema,
});
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;

/** A snapshot with its text (the passages evidence points into) and sanitised HTML. */
export const SnapshotSchema = SnapshotMetaSchema.extend({
  text: z.string(),
  html: z.string(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const SourceSchema = SourceFieldsSchema.extend({
  id: SourceIdSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** Newest first. */
  snapshots: z.array(SnapshotMetaSchema),
  /** How many articles cite it. */
  articleCount: z.number().int().nonnegative(),
});
export type Source = z.infer<typeof SourceSchema>;

export const CLAIM_KINDS = ['quote', 'figure', 'date', 'attribution', 'other'] as const;
export const ClaimKindSchema = z.enum(CLAIM_KINDS, { error: `A claim is one of: ${CLAIM_KINDS.join(', ')}.` });
export type ClaimKind = z.infer<typeof ClaimKindSchema>;

export const VERDICTS = ['unchecked', 'verified', 'partly-true', 'unsupported', 'false', 'opinion'] as const;
export const VerdictSchema = z.enum(VERDICTS, { error: `A verdict is one of: ${VERDICTS.join(', ')}.` });
export type Verdict = z.infer<typeof VerdictSchema>;

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  unchecked: 'Unchecked',
  verified: 'Verified',
  'partly-true': 'Partly true',
  unsupported: 'Unsupported',
  false: 'False',
  opinion: 'Opinion',
};

/**
 * Where a claim stands against the text: attached while its marked span is in the body;
 * orphaned when the span was deleted (it can be re-attached to new text); dismissed when a
 * person set it aside. A claim is never silently dropped.
 */
export const CLAIM_STATES = ['attached', 'orphaned', 'dismissed'] as const;
export const ClaimStateSchema = z.enum(CLAIM_STATES);
export type ClaimState = z.infer<typeof ClaimStateSchema>;

/**
 * A passage of a snapshot that supports a claim, anchored as a W3C Web Annotation would
 * anchor it: a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start,
 * end: character offsets into the snapshot's text).
 */
export const EvidenceSchema = z.object({
  id: EvidenceIdSchema,
  snapshotId: SnapshotIdSchema,
  sourceId: SourceIdSchema,
  sourceTitle: z.string(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  note: z.string(),
  addedBy: z.string(),
  addedAt: TimestampSchema,
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One verdict given to a claim: the audit trail keeps every one. */
export const VerdictChangeSchema = z.object({
  verdict: VerdictSchema,
  checker: z.string(),
  note: z.string(),
  at: TimestampSchema,
  /** The claim's words the verdict was given to. */
  text: z.string(),
});
export type VerdictChange = z.infer<typeof VerdictChangeSchema>;

export const ClaimSchema = z.object({
  id: ClaimIdSchema,
  articleId: ArticleIdSchema,
  kind: ClaimKindSchema,
  /** The claimed words as last saved in the article. */
  text: z.string(),
  state: ClaimStateSchema,
  verdict: VerdictSchema,
  /** Who gave the current verdict, when and why; empty while unchecked. */
  checker: z.string(),
  checkedAt: TimestampSchema.nullable(),
  note: z.string(),
  /** The words the current verdict was given to; null while unchecked. */
  verdictText: z.string().nullable(),
  /**
   * The words changed after the verdict (beyond white space and typography, see
   * claimWordsChanged): the verdict is for other words until it is confirmed or replaced.
   */
  changedSinceVerdict: z.boolean(),
  evidence: z.array(EvidenceSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

export const ClaimNoteSchema = text(5000, 'note');

/** The most text a pasted snapshot may carry. */
export const MAX_PASTED_SNAPSHOT_CHARACTERS = 2_000_000;
