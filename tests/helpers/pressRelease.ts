import type { TypesetBlock } from './pdf';
import { placedPdf, typesetPdf } from './pdf';

/**
 * Press releases as issuers print them to PDF, built for the tests: the letterhead, labels
 * and dates above the headline, the dek, a dateline, paragraphs set over lines and pages with
 * words hyphenated at line ends (soft hyphens mark where the typesetter may break a word),
 * a running head and page numbers, the "###" that ends the release and notes after it.
 */

const paragraph = (text: string): TypesetBlock => ({ text, spaceBefore: 8 });

/** What a reader of the release built by pressReleasePdf reads in it. */
export const RELEASE = {
  headline: 'Harbour authority approves a six-month trial of night ferries between Portsmouth and Gosport',
  dek: 'Crossings every 30 minutes until 2 a.m. from May, with fares unchanged',
  /** The letterhead: the body that issues it. */
  issuer: 'NORTHWIND HARBOUR AUTHORITY',
  runningHead: 'Northwind Harbour Authority | Night ferry trial',
  /** Paragraphs as a reader reads them: whole, each word whole. */
  first:
    'The Northwind Harbour Authority today approved a six-month trial of night ferries across the harbour, after a long-term cooperation agreement with the city council and both ferry operators was signed on Wednesday evening.',
  /** The paragraph the first page ends in the middle of, on "num-"; the second page goes on "bers, whether…". */
  overThePage:
    'Councillor David Osei, who chairs the council\'s transport committee, said the agreement with the operators showed what the two bodies could achieve together. "We have talked about a night ferry for more than a decade. The trial lets us find out, with real passengers and real numbers, whether the city can sustain a round-the-clock crossing of its harbour."',
  wheelchairs:
    "Cyclists will be able to take their bicycles on every night crossing at no extra charge, and the terminals will keep their cycle stands lit and watched by staff until the last boat has left. Wheelchair users can book assistance up to two hours before a crossing by telephone or through the authority's website.",
  notes:
    "The Northwind Harbour Authority runs the harbour's berths, pontoons and navigation on behalf of the city. Media contact: Jane Doe, +44 23 9200 0001, jane.doe@nha.example.",
} as const;

const RELEASE_BLOCKS: TypesetBlock[] = [
  { text: RELEASE.issuer, size: 20, bold: true },
  { text: '1 Quay Road, Portsmouth PO1 2AB | press@nha.example | +44 23 9200 0000', size: 8, spaceBefore: 2 },
  { text: 'PRESS RELEASE', size: 12, bold: true, spaceBefore: 18 },
  { text: 'Thursday, 12 March 2026', size: 10, spaceBefore: 2 },
  { text: RELEASE.headline, size: 18, bold: true, spaceBefore: 18 },
  { text: RELEASE.dek, size: 13, spaceBefore: 6 },
  paragraph(
    'PORTSMOUTH, 12 March 2026 -- The Northwind Harbour Authority today approved a six-month trial of night ferries across the harbour, after a long-term coop\u00aderation agreement with the city council and both ferry oper\u00adators was signed on Wednesday evening.',
  ),
  paragraph(
    'The trial will run from 1 May to 31 October. Boats will leave every 30 minutes from 11 p.m. until 2 a.m., seven nights a week, and the usual day fares and season tickets will be valid on every crossing without any sur\u00adcharge.',
  ),
  paragraph(
    '"Shift workers at the dockyard and the hospital have asked us for this for years," said Helen Marsh, the authority\'s chief executive. "A night service gives them a safe way home that does not depend on a taxi or a forty-minute drive round the top of the harbour."',
  ),
  paragraph(
    'The authority expects between 300 and 500 passengers a night in the first months, rising in the summer. It will publish the numbers each month and decide in November, with the council, whether the service becomes perma\u00adnent from next year.',
  ),
  paragraph(
    'Residents of the waterfront have raised concerns about noise from the terminals late at night. The authority said the trial boats have been fitted with quieter engines and that announce\u00adments on the pontoons will be switched off after 11 p.m. throughout the trial period.',
  ),
  paragraph(
    "The cost of the trial, estimated at 1.2 million pounds, is shared equally between the authority and the council, with a contribution from the two ferry companies towards the crews' overtime and the extra main\u00adtenance the boats will need between crossings in the small hours.",
  ),
  paragraph(
    "Passengers can find the timetable, fares and accessibility information on the authority's website from 1 April, and at the ticket offices in both terminals, which will stay open until the last crossing of each night.",
  ),
  paragraph(
    'The two ferry operators, Solent Crossings and Gosport Marine, will each run one boat a night on alternate weeks. Both said they had recruited additional crew over the winter, and that the extra sailings would not reduce the number of day-time crossings or the frequency of the service at the morning and evening peaks.',
  ),
  paragraph(RELEASE.overThePage.replace('numbers,', 'num\u00adbers,')),
  paragraph(RELEASE.wheelchairs.replace('Wheelchair', 'Wheel\u00adchair')),
  paragraph(
    'The authority will hold two public meetings about the trial, on 2 April at the Portsmouth terminal and on 9 April at the Gosport terminal, where residents can put questions to the operators, the council and the harbour master about the timetable, the boats and the arrangements for the late-night terminals.',
  ),
  { text: '###', center: true, spaceBefore: 12 },
  { text: 'Notes to editors', bold: true, spaceBefore: 12 },
  paragraph(RELEASE.notes),
];

/**
 * A two-page press release: letterhead (set larger than the headline), address, "PRESS
 * RELEASE" and the date above the headline and its dek; the first page ends in the middle of
 * a paragraph, on a word hyphenated over the page break; the second page has a running head;
 * both are numbered "Page N of 2".
 */
export function pressReleasePdf(): Buffer {
  return typesetPdf(RELEASE_BLOCKS, {
    header: (page) => (page === 1 ? null : RELEASE.runningHead),
    footer: (page, pages) => `Page ${page} of ${pages}`,
    title: 'Microsoft Word - NHA release night ferries v3.docx',
    author: 'jdoe',
  });
}

/**
 * A one-page statement as a word processor saves it with every line at one size: "FOR
 * IMMEDIATE RELEASE" and a contact above a bold headline, an embargo, a wire service's
 * dateline ("LONDON, March 12, 2026 /PRNewswire/ --").
 */
export function plainStatementPdf(): Buffer {
  return typesetPdf([
    { text: 'FOR IMMEDIATE RELEASE', bold: true },
    { text: 'Contact: Sam Reed, Kestrel Rail, +44 20 7946 0000', spaceBefore: 4 },
    { text: 'EMBARGOED UNTIL 00:01 GMT, 12 March 2026', bold: true, spaceBefore: 4 },
    { text: 'Kestrel Rail orders forty battery trains for its branch lines', bold: true, spaceBefore: 18 },
    paragraph(
      'LONDON, March 12, 2026 /PRNewswire/ -- Kestrel Rail has ordered forty battery trains to replace the diesel units on its four branch lines, the company said on Thursday, in a deal worth 310 million pounds.',
    ),
    paragraph(
      'The first trains will enter service in 2028. They can run 80 kilometres between charges, enough for every branch line on the network without new overhead wires.',
    ),
  ]);
}

/**
 * A ministry's statement on its letterhead: the ministry's name in large type directly above
 * a smaller headline, and a dateline in the seed's form ("ISLAMABAD: ").
 */
export function letterheadStatementPdf(): Buffer {
  return typesetPdf([
    { text: 'Ministry of Maritime Affairs', size: 22, bold: true, center: true },
    {
      text: 'Pakistan and Oman agree to open a ferry route between Gwadar and Muscat',
      size: 16,
      bold: true,
      spaceBefore: 20,
    },
    paragraph(
      'ISLAMABAD: Pakistan and Oman on Monday agreed to open a passenger ferry route between Gwadar and Muscat before the end of the year, the ministry said in a statement after talks between the two ministers.',
    ),
    paragraph('A joint working group will meet in April to settle the timetable and the fares.'),
  ]);
}

/** A PDF that asks for a password before it opens. */
export function lockedPdf(): Buffer {
  return placedPdf([[{ text: 'Confidential briefing', x: 72, y: 700, size: 11 }]], { passwordProtected: true });
}

/** A PDF of `pages` pages, one line each: a document far longer than a story. */
export function longReportPdf(pages: number): Buffer {
  return placedPdf(
    Array.from({ length: pages }, (_, index) => [
      { text: `Section ${index + 1} of the annual report.`, x: 72, y: 700, size: 11 },
    ]),
  );
}

/** A scan: its page has no text layer at all, only (here, not even) the picture of the page. */
export function scannedPdf(): Buffer {
  return placedPdf([[], []]);
}
