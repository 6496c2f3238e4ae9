const ENGLISH_NUMBERS = new Intl.NumberFormat('en');

/**
 * A count with the word for what it counts: "1 claim", "2,225 files", "3 claims are". The
 * number is written with `numbers` (English grouping unless a caller gives its own format).
 */
export function plural(
  count: number,
  one: string,
  many = `${one}s`,
  numbers: Pick<Intl.NumberFormat, 'format'> = ENGLISH_NUMBERS,
): string {
  return `${numbers.format(count)} ${count === 1 ? one : many}`;
}
