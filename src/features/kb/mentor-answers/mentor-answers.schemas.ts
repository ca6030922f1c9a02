import { z } from 'zod/v4';
import { isoDateTime, personRef, headerToken } from '../../../shared/schema-parts';

/** Card verbs of the mentor-answer cards; the cards and the routes use the same constants. */
export const MENTOR_ANSWER_VERBS = {
  /** `kb answers` as a card (a page of it). */
  list: 'mentorAnswer.list',
  /** "Edit" on the list: the edit form. */
  edit: 'mentorAnswer.edit',
  /** The edit form's "Save". */
  save: 'mentorAnswer.save',
  /** "Retire": agents no longer get it. */
  retire: 'mentorAnswer.retire',
  /** `kb gaps` as a card. */
  gaps: 'mentorAnswer.gaps',
  /** "Answer it" on a gap: the answer form, question prefilled. */
  answerIt: 'mentorAnswer.answerIt',
  /** The answer form's "Add to KB". */
  capture: 'mentorAnswer.capture',
} as const;
export const MENTOR_ANSWER_VERB_PREFIX = /^mentorAnswer\./;

/** Questions as long as agents may ask; answers show about the first 700 characters, 2000 are kept. */
export const MENTOR_ANSWER_LIMITS = { question: 1000, answer: 2000, shown: 700 } as const;

/** An entry id: made when a form is rendered (or by the caller, e.g. an escalation), so a replay finds it. */
export const mentorAnswerId = z.string().regex(/^[\w.:-]{1,128}$/);

/** Where a captured answer came from. */
export const MENTOR_ANSWER_ORIGINS = ['kb-gaps', 'mentor-request', 'direct'] as const;
export type MentorAnswerOrigin = (typeof MENTOR_ANSWER_ORIGINS)[number];

/**
 * A mentor's answer captured into the KB (container `kbentries`, partition key /id): indexed with the
 * articles while `active`, cited as "Mentor answer by <mentor>, <date of updatedAt>".
 */
export const mentorAnswerSchema = z.object({
  id: mentorAnswerId,
  question: z.string().min(1).max(MENTOR_ANSWER_LIMITS.question),
  answer: z.string().min(1).max(MENTOR_ANSWER_LIMITS.answer),
  /** Who answered: the citation names them. */
  mentor: personRef,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Who last changed it (answered, edited or retired). */
  updatedBy: personRef,
  active: z.boolean(),
  source: z.object({
    origin: z.enum(MENTOR_ANSWER_ORIGINS),
    /** The question as it was first asked (before a mentor reworded it). */
    question: z.string().max(MENTOR_ANSWER_LIMITS.question),
    /** The mentor request (escalation) it answered, if any. */
    requestId: z.string().max(128).optional(),
  }),
  _etag: z.string().optional(),
});
export type MentorAnswer = z.infer<typeof mentorAnswerSchema>;

const field = (max: number) => z.union([z.string().max(max), z.number().finite().transform(String)]).nullish().transform((v) => v ?? '');

export interface MentorAnswerTexts {
  question: string;
  answer: string;
}

export type MentorAnswerProblems = Partial<Record<keyof MentorAnswerTexts, string>>;

/** What is wrong with a question and answer before they can go in the KB (texts trimmed first). */
export function mentorAnswerProblems(texts: MentorAnswerTexts): MentorAnswerProblems {
  const problems: MentorAnswerProblems = {};
  const question = texts.question.trim();
  const answer = texts.answer.trim();
  if (!question) problems.question = 'Write the question as agents would ask it.';
  else if (question.length > MENTOR_ANSWER_LIMITS.question) problems.question = `Keep the question under ${MENTOR_ANSWER_LIMITS.question} characters.`;
  if (answer.length < 15) problems.answer = 'Write the answer agents should get (at least a sentence).';
  else if (answer.length > MENTOR_ANSWER_LIMITS.answer) problems.answer = `Keep the answer under ${MENTOR_ANSWER_LIMITS.answer} characters; answers show about the first ${MENTOR_ANSWER_LIMITS.shown}.`;
  return problems;
}

/** "Add to KB" on the answer form. */
export const captureSubmitSchema = z.object({
  id: mentorAnswerId,
  question: field(MENTOR_ANSWER_LIMITS.question),
  answer: field(MENTOR_ANSWER_LIMITS.answer),
});

/** "Save" on the edit form: the etag the form showed, and the texts. */
export const editSubmitSchema = captureSubmitSchema.extend({ etag: headerToken(200) });

/** "Edit" and "Retire" on the list. */
export const entryRefSchema = z.object({ id: mentorAnswerId });

/** "Answer it" on a gap. */
export const answerItSchema = z.object({ question: z.string().trim().min(1).max(MENTOR_ANSWER_LIMITS.question) });

/** A page of the list. */
export const listPageSchema = z.object({ page: z.number().int().min(0).max(1000).default(0) });
