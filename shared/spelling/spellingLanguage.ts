/** The spelling dictionaries that ship with Copydesk, by the variant of the language they spell. */
export const SPELLING_DICTIONARIES = {
  'en-GB': 'English (UK)',
  'en-US': 'English (US)',
} as const;

export type DictionaryId = keyof typeof SPELLING_DICTIONARIES;

/** Where English is written with American spelling; elsewhere British spelling is the rule. */
const AMERICAN_REGIONS = new Set(['US', 'CA', 'PH', 'PR', 'UM', 'VI', 'AS', 'GU', 'MP', 'LR']);

/** The language and region of a BCP 47 tag ("en-GB" → en, GB; "EN_us" → en, US). */
function parseTag(tag: string): { language: string; region: string | null } {
  const parts = tag.trim().split(/[-_]/);
  const language = (parts[0] ?? '').toLowerCase();
  const region = parts.slice(1).find((part) => /^(?:[a-z]{2}|\d{3})$/i.test(part));
  return { language, region: region === undefined ? null : region.toUpperCase() };
}

function englishFor(region: string | null): DictionaryId | null {
  if (region === null) return null;
  return AMERICAN_REGIONS.has(region) ? 'en-US' : 'en-GB';
}

/**
 * The dictionary a story in `language` is spelled with, or null when Copydesk has none for it.
 * A story in plain English ("en", or no language given) follows the person's own English
 * (`personsLanguage`, the system's: en-GB gives British spelling), and American spelling
 * when that says nothing.
 */
export function dictionaryForLanguage(language: string, personsLanguage: string): DictionaryId | null {
  const story = parseTag(language === '' ? 'en' : language);
  if (story.language !== 'en') return null;
  const person = parseTag(personsLanguage);
  return englishFor(story.region) ?? (person.language === 'en' ? englishFor(person.region) : null) ?? 'en-US';
}

/** "French", "Brazilian Portuguese": a language tag in words, or the tag itself when it names none. */
export function languageName(language: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(language) ?? language;
  } catch {
    return language;
  }
}
