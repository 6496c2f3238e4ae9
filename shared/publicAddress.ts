/**
 * Where the desk's stories are read once published: a pattern set in Settings, such as
 * https://www.example.com/{section}/{year}/{month}/{day}/{slug}, from which an exported story
 * links the library stories it points at (Also See, the related list). Without one, no public
 * address is known and those links are written as text.
 */
import { slugify } from './text';

export const PUBLIC_ADDRESS_PLACEHOLDERS = ['slug', 'id', 'section', 'year', 'month', 'day'] as const;
type Placeholder = (typeof PUBLIC_ADDRESS_PLACEHOLDERS)[number];

export const MAX_PUBLIC_ADDRESS_PATTERN = 500;

/** What a story's public address is made from. */
export type PublicAddressStory = { id: string; slug: string; section: string; datelineDate: string };

const PLACEHOLDER = /\{([^{}]*)\}/gu;

/**
 * What is wrong with a public address pattern, in words for the person typing it; null when it
 * will do. An empty pattern is fine: no public address is known.
 */
export function publicAddressProblem(pattern: string): string | null {
  const trimmed = pattern.trim();
  if (trimmed === '') return null;
  if (trimmed.length > MAX_PUBLIC_ADDRESS_PATTERN) {
    return `The public address pattern is at most ${MAX_PUBLIC_ADDRESS_PATTERN} characters.`;
  }
  const names = [...trimmed.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  const unknown = names.find((name) => !(PUBLIC_ADDRESS_PLACEHOLDERS as readonly string[]).includes(name));
  const known = PUBLIC_ADDRESS_PLACEHOLDERS.map((name) => `{${name}}`).join(', ');
  if (unknown !== undefined) return `{${unknown}} is not a part of a story Copydesk knows: use ${known}.`;
  if (!names.includes('slug') && !names.includes('id')) {
    return 'The pattern needs {slug} or {id}, so that each story has an address of its own.';
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed.replace(PLACEHOLDER, 'x'));
  } catch {
    return 'The pattern is not a web address: it starts with https:// and names the site, such as https://www.example.com/{slug}.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'The pattern is a web address: it starts with https:// (or http://).';
  }
  return null;
}

/**
 * The public address of `story` under `pattern`, or null when none is known: no pattern, or one
 * that needs a part the story lacks (a date for a story without a dateline date, a section).
 */
export function publicAddressOf(pattern: string, story: PublicAddressStory): string | null {
  const trimmed = pattern.trim();
  if (trimmed === '' || publicAddressProblem(trimmed) !== null) return null;
  const [year = '', month = '', day = ''] = /^\d{4}-\d{2}-\d{2}$/u.test(story.datelineDate)
    ? story.datelineDate.split('-')
    : [];
  const parts: Record<Placeholder, string> = {
    slug: story.slug,
    id: story.id,
    section: slugify(story.section),
    year,
    month,
    day,
  };
  const needed = [...trimmed.matchAll(PLACEHOLDER)].map((match) => parts[(match[1] ?? '') as Placeholder]);
  if (needed.some((value) => value === '')) return null;
  return trimmed.replace(PLACEHOLDER, (_whole, name: string) => encodeURIComponent(parts[name as Placeholder]));
}
