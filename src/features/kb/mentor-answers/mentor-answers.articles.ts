import type { Article } from '../kb.schemas';
import type { MentorAnswer } from './mentor-answers.schemas';

/** Where mentor answers sit among the KB's article paths (they have no file). */
export const MENTOR_ANSWER_PATH_PREFIX = 'mentor-answers/';

/** Teams' limit for a citation title. */
const MAX_TITLE = 80;

/** The UTC date of an ISO timestamp, YYYY-MM-DD. */
export const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * "Mentor answer by <name>, <date>" (the date of the text as it stands), within Teams' 80 characters:
 * a long name is shortened, never the date.
 */
export function mentorCitationTitle(entry: Pick<MentorAnswer, 'mentor' | 'updatedAt'>): string {
  const prefix = 'Mentor answer by ';
  const suffix = `, ${dayOf(entry.updatedAt)}`;
  const room = MAX_TITLE - prefix.length - suffix.length;
  const name = entry.mentor.name.replace(/\s+/g, ' ').trim();
  return `${prefix}${name.length <= room ? name : `${name.slice(0, room - 1).trimEnd()}…`}${suffix}`;
}

/**
 * One entry as KB content: an article titled with the question, one section holding the answer,
 * cited as "Mentor answer by …", with no file and no url.
 */
export function mentorAnswerArticle(entry: MentorAnswer): Article {
  const path = `${MENTOR_ANSWER_PATH_PREFIX}${entry.id}`;
  return {
    path,
    title: entry.question,
    updated: dayOf(entry.updatedAt),
    source: 'mentor',
    sections: [{ id: `${path}#answer`, articlePath: path, articleTitle: entry.question, headingPath: [], anchor: 'answer', text: entry.answer, citedAs: mentorCitationTitle(entry) }],
  };
}
