import type { Reliability } from '../../../shared/sources';
import { RELIABILITY_NAMES } from '../../../shared/sources';

/** A source's grade as the panel and the reader show it: "Reliability B — Usually reliable". */
export function reliabilityLine(grade: Reliability): string {
  return `Reliability ${grade} — ${RELIABILITY_NAMES[grade]}`;
}
