import { randomUUID } from 'node:crypto';
import type { Application } from '@microsoft/teams-ai';
import { badFormCard, registerCardVerb, registerStaleVerbs, type CardFormDeps } from '../../../shared/card-verbs';
import { cardAttachment } from '../../../shared/cards';
import type { CommandInfo } from '../../../shared/commands';
import type { RouteWrapper } from '../../../shared/turn';
import { requirePermission, type Caller } from '../../people/people.service';
import { capturedCard, captureFormCard, editFormCard, kbGapsCard, mentorAnswersListCard } from './mentor-answers.cards';
import { answerItSchema, captureSubmitSchema, editSubmitSchema, entryRefSchema, listPageSchema, mentorAnswerProblems, MENTOR_ANSWER_VERB_PREFIX, MENTOR_ANSWER_VERBS as V } from './mentor-answers.schemas';
import type { MentorAnswersService } from './mentor-answers.service';
import { mentorCitationTitle } from './mentor-answers.articles';

export const MENTOR_ANSWER_COMMANDS: CommandInfo[] = [
  { name: 'kb answers', usage: 'kb answers', description: 'Lists the mentor answers in the knowledge base, to edit or retire them (mentors).', permission: 'kb.answer', example: 'kb answers', buttonTitle: 'Mentor answers' },
  { name: 'kb gaps', usage: 'kb gaps', description: 'The most frequent unanswered and thumbs-down questions of the last 30 days, each with "Answer it" (mentors).', permission: 'kb.answer', example: 'kb gaps', buttonTitle: 'KB gaps' },
];

export interface MentorAnswersRoutesDeps extends CardFormDeps<Caller> {
  route: RouteWrapper<Caller>;
  mentorAnswers: MentorAnswersService;
}

/**
 * `kb answers` and `kb gaps` (mentors, `kb.answer`) and their cards: answer a gap ("Add to KB"), edit,
 * retire. Register before the KB question route, which takes any other text.
 */
export function registerMentorAnswersRoutes(app: Application, deps: MentorAnswersRoutesDeps): void {
  const service = deps.mentorAnswers;
  const mentorOf = (caller: Caller) => {
    const person = requirePermission(caller, 'kb.answer');
    return { id: person.id, name: person.name };
  };

  app.message(/^\s*kb\s+answers\s*$/i, deps.route('kbAnswers.list', async ({ context, caller }) => {
    await context.sendActivity({ attachments: [cardAttachment(mentorAnswersListCard(await service.list(caller)))] });
  }));

  app.message(/^\s*kb\s+gaps\s*$/i, deps.route('kbAnswers.gaps', async ({ context, caller }) => {
    await context.sendActivity({ attachments: [cardAttachment(kbGapsCard(await service.gaps(caller)))] });
  }));

  registerCardVerb(app, deps, V.list, 'kbAnswers.list', async ({ caller, data }) => {
    const parsed = listPageSchema.safeParse(data ?? {});
    return mentorAnswersListCard(await service.list(caller), parsed.success ? parsed.data.page : 0);
  });

  registerCardVerb(app, deps, V.gaps, 'kbAnswers.gaps', async ({ caller }) => kbGapsCard(await service.gaps(caller)));

  registerCardVerb(app, deps, V.answerIt, 'kbAnswers.answerIt', async ({ caller, data }) => {
    const mentor = mentorOf(caller);
    const parsed = answerItSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    return captureFormCard({ id: randomUUID(), values: { question: parsed.data.question, answer: '' }, errors: {}, citation: service.citationFor(mentor) });
  });

  registerCardVerb(app, deps, V.capture, 'kbAnswers.capture', async ({ caller, data }) => {
    const mentor = mentorOf(caller);
    const parsed = captureSubmitSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const { id, ...values } = parsed.data;
    const errors = mentorAnswerProblems(values);
    if (Object.keys(errors).length) return captureFormCard({ id, values, errors, citation: service.citationFor(mentor) });
    const { entry, created } = await service.captureEntry(caller, { id, ...values, origin: 'kb-gaps' });
    return capturedCard({ question: entry.question, citation: mentorCitationTitle(entry) }, created);
  });

  registerCardVerb(app, deps, V.edit, 'kbAnswers.edit', async ({ caller, data }) => {
    mentorOf(caller);
    const parsed = entryRefSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const entry = await service.get(caller, parsed.data.id);
    return editFormCard({ id: entry.id, etag: entry._etag, values: { question: entry.question, answer: entry.answer }, errors: {}, citation: service.citationFor(entry.mentor) });
  });

  registerCardVerb(app, deps, V.save, 'kbAnswers.save', async ({ caller, data }) => {
    mentorOf(caller);
    const parsed = editSubmitSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const { id, etag, ...values } = parsed.data;
    const outcome = await service.edit(caller, id, etag, values);
    if (outcome.kind === 'saved') return mentorAnswersListCard(await service.list(caller), 0, `Saved. Agents now get the new answer, cited as "${mentorCitationTitle(outcome.entry)}".`);
    if (outcome.kind === 'invalid') return editFormCard({ id, etag, values, errors: outcome.errors });
    const { current } = outcome;
    const notice = `${current.updatedBy.name} changed this answer while you were editing. Your text is below; save again to replace theirs.`;
    return editFormCard({ id, etag: current._etag, values, errors: {}, notice, citation: service.citationFor(current.mentor) });
  });

  registerCardVerb(app, deps, V.retire, 'kbAnswers.retire', async ({ caller, data }) => {
    mentorOf(caller);
    const parsed = entryRefSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const retired = await service.retire(caller, parsed.data.id);
    return mentorAnswersListCard(await service.list(caller), 0, `Retired "${retired.question.slice(0, 120)}": agents no longer get this answer.`);
  });

  registerStaleVerbs(app, deps, MENTOR_ANSWER_VERB_PREFIX, 'kbAnswers.stale');
}
