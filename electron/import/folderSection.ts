/**
 * The sections a folder of an archive may be named after, by the folder's name folded to lower
 * case with spaces and underscores as hyphens, and the section each gives as the library
 * writes it. A folder import files each article under the section its nearest such folder
 * names ("bbc/business/001.txt" is Business), unless the file names its own.
 */
const SECTIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    business: 'Business',
    economy: 'Economy',
    finance: 'Finance',
    markets: 'Markets',
    money: 'Money',
    sport: 'Sport',
    sports: 'Sport',
    football: 'Football',
    cricket: 'Cricket',
    tech: 'Tech',
    technology: 'Technology',
    science: 'Science',
    health: 'Health',
    education: 'Education',
    environment: 'Environment',
    climate: 'Climate',
    politics: 'Politics',
    world: 'World',
    national: 'National',
    local: 'Local',
    uk: 'UK',
    us: 'US',
    africa: 'Africa',
    americas: 'Americas',
    asia: 'Asia',
    europe: 'Europe',
    'middle-east': 'Middle East',
    entertainment: 'Entertainment',
    arts: 'Arts',
    culture: 'Culture',
    books: 'Books',
    film: 'Film',
    music: 'Music',
    tv: 'TV',
    media: 'Media',
    travel: 'Travel',
    lifestyle: 'Lifestyle',
    style: 'Style',
    food: 'Food',
    opinion: 'Opinion',
    comment: 'Comment',
    editorial: 'Editorial',
    analysis: 'Analysis',
    features: 'Features',
    obituaries: 'Obituaries',
    crime: 'Crime',
    law: 'Law',
    religion: 'Religion',
    weather: 'Weather',
  }),
);

/** The section a folder name stands for, or null when it names none. */
export function sectionOfFolder(name: string): string | null {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, '-');
  return SECTIONS.get(key) ?? null;
}

/** The section of a file inside `folders` (outermost first): the nearest folder that names one, or ''. */
export function sectionOfFolders(folders: readonly string[]): string {
  for (let i = folders.length - 1; i >= 0; i -= 1) {
    const section = sectionOfFolder(folders[i] ?? '');
    if (section !== null) return section;
  }
  return '';
}
