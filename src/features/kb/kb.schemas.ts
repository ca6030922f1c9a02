import { z } from 'zod/v4';

/** One section of an article: the unit that is indexed, answered from and cited. */
export const sectionSchema = z.object({
  /** `<article path>#<anchor>`, unique in the KB. */
  id: z.string(),
  articlePath: z.string(),
  articleTitle: z.string(),
  /** Headings from the article's top section down to this one (without the article title). */
  headingPath: z.array(z.string()),
  anchor: z.string(),
  text: z.string(),
  url: z.string().optional(),
  /** How answers cite it when not as "Article › Section": a mentor answer's "Mentor answer by <name>, <date>". */
  citedAs: z.string().optional(),
});
export type Section = z.infer<typeof sectionSchema>;

export const articleSchema = z.object({
  path: z.string(),
  title: z.string().min(1),
  url: z.string().optional(),
  updated: z.string(),
  sections: z.array(sectionSchema),
  /** "kb" for files; "mentor" for answers captured from mentors. */
  source: z.enum(['kb', 'mentor']).default('kb'),
});
export type Article = z.infer<typeof articleSchema>;

/** A problem found while reading the KB; the file is skipped or flagged, the others still load. */
export interface KbProblem {
  path: string;
  problem: string;
}

/** The synonyms file: groups of equivalent terms; the first of each group is the one indexed. */
export const synonymsFileSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });
export type SynonymGroups = string[][];

/** What the `kbfeedback` container holds (partition key /day = YYYY-MM-DD, UTC). */
const feedbackBase = z.object({ id: z.string(), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), at: z.string(), userId: z.string().optional() });
export const citationRecordSchema = z.object({ position: z.number().int(), title: z.string(), path: z.string(), url: z.string().optional() });
export const kbFeedbackDocSchema = z.discriminatedUnion('kind', [
  feedbackBase.extend({ kind: z.literal('unanswered'), question: z.string(), confidence: z.number(), related: z.array(z.string()) }),
  feedbackBase.extend({ kind: z.literal('mentor-request'), question: z.string() }),
  feedbackBase.extend({
    kind: z.literal('feedback'),
    reaction: z.enum(['like', 'dislike']),
    comment: z.string().max(2000).optional(),
    question: z.string(),
    answer: z.string(),
    citations: z.array(citationRecordSchema),
    /** How the rated answer was found: by the reply id Teams sends, or as the latest answer (Playground). */
    answerMatchedBy: z.enum(['reply', 'latest-answer', 'none']).default('reply'),
  }),
]);
export type KbFeedbackDoc = z.infer<typeof kbFeedbackDocSchema>;

/** The feedback invoke's value, as Teams sends it. */
export const feedbackInvokeSchema = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    feedback: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  }),
});

/** The "Ask a mentor" button's payload. */
export const askMentorSubmitSchema = z.object({
  verb: z.literal('kb.askMentor'),
  question: z.string().trim().min(1).max(2000),
  /** Made when the card was rendered: pressing the button twice records the question once. */
  requestId: z.string().regex(/^[\w-]{8,64}$/),
});

/** Message extension "Search the KB" parameters. */
export const kbSearchParamsSchema = z.object({ query: z.string().trim().max(200).default('') });
