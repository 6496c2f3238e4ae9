/**
 * The names of the contract's fields as a person says them ("the dateline date", not
 * "patch.datelineDate"): for messages about a value that was refused, in the window and in the
 * command line alike.
 */

/** What each field is called, with its article. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  accessedDate: 'the date the source was read',
  altText: 'the alt text',
  articleId: 'the article',
  assetId: 'the picture',
  assignedTo: 'the person assigned',
  assignee: 'the person assigned',
  authorId: 'the author',
  authorIds: 'the authors',
  autosaveDelayMs: 'the autosave delay',
  bio: 'the bio',
  body: 'the text',
  caption: 'the caption',
  claimId: 'the claim',
  credit: 'the credit',
  dataBase64: 'the contents',
  date: 'the date range',
  dateline: 'the dateline place',
  datelineDate: 'the dateline date',
  defaultByline: 'the default byline',
  defaultDatelinePlace: 'the default dateline place',
  dek: 'the dek',
  draft: 'the draft',
  embargoUntil: 'the embargo',
  direction: 'the order',
  end: 'the end of the passage',
  evidenceId: 'the evidence',
  excludeId: 'the article left out',
  field: 'the kind of date',
  fields: 'the fields',
  file: 'the file',
  files: 'the files',
  filters: 'the filters',
  folder: 'the folder',
  exportFolders: 'the remembered export folders',
  from: 'what to keep',
  headline: 'the headline',
  houseStyle: 'the house style',
  id: 'the id',
  itemId: 'the checklist item',
  jobId: 'the import',
  kind: 'the kind',
  label: 'the name of the version',
  language: 'the language',
  leadImage: 'the lead image',
  leadImageCredit: 'the credit kept for the lead image',
  lengthTarget: 'the length target',
  limit: 'the number of results',
  name: 'the name',
  note: 'the note',
  offset: 'the place in the list',
  overrides: 'the reasons to export anyway',
  owner: 'the owner',
  paste: 'the pasted text',
  patch: 'the changes',
  path: 'the library file',
  publicAddressPattern: 'the public address pattern',
  publishAt: 'the publication time',
  publishedDate: 'the publication date',
  publisher: 'the publisher',
  query: 'the search',
  quote: 'the words commented on',
  reason: 'the reason',
  related: 'the related list',
  reliability: 'the reliability',
  revisionId: 'the version',
  section: 'the section',
  seoDescription: 'the SEO description',
  seoHeadline: 'the SEO headline',
  slug: 'the slug',
  smartQuotes: 'typographic quotes',
  snapshotId: 'the snapshot',
  socialHeadline: 'the social headline',
  sort: 'the sort order',
  sourceId: 'the source',
  start: 'the start of the passage',
  status: 'the status',
  statuses: 'the statuses',
  step: 'the step',
  syndicationCredit: 'the syndication credit',
  tag: 'the tag',
  tags: 'the tags',
  teaser: 'the teaser',
  text: 'the words',
  theme: 'the theme',
  threadId: 'the comment thread',
  timeZone: 'the time zone',
  title: 'the title',
  to: 'the end date',
  trashed: 'the trash setting',
  url: 'the address',
  userName: 'your name',
  value: 'the setting',
  verdict: 'the verdict',
  version: 'the version you edited',
  zip: 'the .zip setting',
};

/** Fields named differently inside another: a date range's ends. */
const NESTED_WORDS: Readonly<Record<string, string>> = {
  'date.from': 'the start date',
  'date.until': 'the end date',
};

/** One entry of a list, by the list's name ("tags" → "tag"). */
const ITEM_WORDS: Readonly<Record<string, string>> = {
  authorIds: 'author',
  files: 'file',
  overrides: 'override',
  related: 'related article',
  statuses: 'status',
  tags: 'tag',
};

/** Parts of a request that only wrap the fields a person knows. */
const WRAPPERS = new Set(['patch', 'fields', 'draft', 'args', 'filters']);

/** "datelineDate" → "the dateline date": a readable fallback for a field without a name above. */
function fromIdentifier(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words === '' ? 'a value' : `the ${words}`;
}

function wordsFor(key: string): string {
  return Object.hasOwn(FIELD_WORDS, key) ? (FIELD_WORDS[key] ?? fromIdentifier(key)) : fromIdentifier(key);
}

/**
 * A path into a request as words: ["patch", "datelineDate"] → "the dateline date",
 * ["related", 1, "headline"] → "the headline of related article 2". Null for the request as a whole.
 */
export function fieldWords(path: readonly PropertyKey[]): string | null {
  const parts = path.filter((part, at) => typeof part !== 'string' || !WRAPPERS.has(part) || at === path.length - 1);
  if (parts.length === 0) return null;
  const phrases: string[] = [];
  for (let at = 0; at < parts.length; at += 1) {
    const part = parts[at];
    const next = parts[at + 1];
    if (typeof part === 'number') continue;
    const key = String(part);
    if (typeof next === 'number') {
      const item = Object.hasOwn(ITEM_WORDS, key) ? ITEM_WORDS[key] : `entry of ${wordsFor(key).replace(/^the /, '')}`;
      phrases.push(`${item ?? 'entry'} ${next + 1}`);
    } else {
      const parent = parts[at - 1];
      const nested = typeof parent === 'string' ? NESTED_WORDS[`${parent}.${key}`] : undefined;
      phrases.push(nested ?? wordsFor(key));
    }
  }
  if (phrases.length === 0) return `entry ${Number(parts[0]) + 1}`;
  // The innermost part first: "the headline of related article 2".
  return phrases.reverse().join(' of ');
}

/** "the dateline date" → "The dateline date". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
