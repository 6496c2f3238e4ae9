import type { ArticlePatch } from '../../shared/api';
import type { AuthorId } from '../../shared/domain';
import { bodyFromParagraphs } from '../../shared/text';

/** A short article that shows a new desk what a Copydesk story looks like. */
export function sampleArticle(authorId: AuthorId): ArticlePatch {
  return {
    headline: 'Harbour Council Approves Night Ferry Trial After Commuter Petition',
    dek: 'A six-month trial of late-evening crossings begins in spring, the council said, after more than 4,000 residents signed a petition.',
    authorIds: [authorId],
    syndicationCredit: '',
    lengthTarget: 400,
    dateline: 'PORT ELLIS',
    section: 'Local',
    tags: ['transport', 'council', 'sample'],
    body: bodyFromParagraphs([
      'The harbour council on Monday approved a six-month trial of night ferry crossings between the old quay and the eastern terminal, the council said in a statement.',
      'The decision follows a petition signed by more than 4,000 residents who work evening shifts at the port and the hospital. “People should not have to choose between a late shift and getting home safely,” said Maria Okafor, who organised the petition.',
      'Under the plan, two extra crossings will run at 22:30 and 23:45 on weekdays. The council estimated the trial would cost about 180,000 in fuel and crew wages, paid from its transport reserve.',
      'Ferry operator Bluewater Lines said it would publish the new timetable in March. Councillors will review passenger numbers at the end of the trial before deciding whether to make the crossings permanent.',
      'This sample article was written for Copydesk. Edit it, search for it, or move it to the trash.',
    ]),
  };
}

export const SAMPLE_AUTHOR = {
  name: 'Copydesk Sample Desk',
  bio: 'The sample desk writes the example stories that come with Copydesk.',
};
