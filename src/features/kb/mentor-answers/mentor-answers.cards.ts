import { adaptiveCard, container, heading, notice, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { executeAction, fieldError, textInput } from '../../../shared/form-parts';
import { GAP_WINDOW_DAYS, type KbGap } from './kb-gaps';
import { dayOf, mentorCitationTitle } from './mentor-answers.articles';
import { MENTOR_ANSWER_LIMITS, MENTOR_ANSWER_VERBS as V, type MentorAnswer, type MentorAnswerProblems, type MentorAnswerTexts } from './mentor-answers.schemas';

/** Entries per page of `kb answers`. */
export const MENTOR_ANSWERS_PAGE = 10;

/** A form as shown: the entry id (made with the form), the etag when editing, what was typed, problems. */
export interface MentorAnswerFormView {
  id: string;
  etag?: string;
  values: MentorAnswerTexts;
  errors: MentorAnswerProblems;
  notice?: string;
  /** The citation agents will see, e.g. "Mentor answer by Morgan Mentor, 2026-05-04". */
  citation?: string;
}

const clip = (value: string, max: number) => {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};
const small = (value: string) => text(value, { isSubtle: true, size: 'Small', spacing: 'None' });
const listButton = (title: string, page = 0) => executeAction(title, V.list, { page });
const gapsButton = (title = 'KB gaps') => executeAction(title, V.gaps, {});

function entryRow(entry: MentorAnswer): CardElement {
  const changed = entry.updatedBy.id !== entry.mentor.id ? ` · last changed by ${entry.updatedBy.name}` : '';
  return container(
    [
      text(`**${clip(entry.question, 200)}**`),
      small(clip(entry.answer, 200)),
      small(`${mentorCitationTitle(entry)}${changed}`),
      { type: 'ActionSet', actions: [executeAction('Edit', V.edit, { id: entry.id }), executeAction('Retire', V.retire, { id: entry.id })] },
    ],
    { separator: true, spacing: 'Medium' },
  );
}

/** `kb answers`: the mentor answers agents get, a page at a time, each with Edit and Retire. */
export function mentorAnswersListCard(entries: MentorAnswer[], page = 0, message?: string): AdaptiveCard {
  const pages = Math.max(1, Math.ceil(entries.length / MENTOR_ANSWERS_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = entries.slice(current * MENTOR_ANSWERS_PAGE, (current + 1) * MENTOR_ANSWERS_PAGE);
  const subtitle = `${entries.length} in the KB; agents who ask something similar get the answer, cited as "Mentor answer by <name>, <date>".${pages > 1 ? ` Page ${current + 1} of ${pages}.` : ''}`;
  const paging: CardAction[] = [...(current > 0 ? [listButton('Previous', current - 1)] : []), ...(current < pages - 1 ? [listButton('Show more', current + 1)] : [])];
  return adaptiveCard(
    [
      ...heading('Mentor answers', subtitle),
      ...(message ? [notice(message, 'good')] : []),
      ...(shown.length ? shown.map(entryRow) : [text('There are none yet. Type "kb gaps" and answer a question agents asked.', { isSubtle: true })]),
    ],
    [...paging, gapsButton()],
  );
}

function gapRow(gap: KbGap): CardElement {
  const counts = [
    gap.unanswered ? `unanswered ${gap.unanswered}×` : '',
    gap.mentorRequests ? `asked a mentor ${gap.mentorRequests}×` : '',
    gap.dislikes ? `thumbs-down ${gap.dislikes}×` : '',
  ].filter(Boolean);
  return container(
    [text(`**${clip(gap.question, 300)}**`), small(`${counts.join(' · ')} · last ${dayOf(gap.lastAt)}`), { type: 'ActionSet', actions: [executeAction('Answer it', V.answerIt, { question: gap.question })] }],
    { separator: true, spacing: 'Medium' },
  );
}

/** `kb gaps`: the most frequent questions of the last 30 days the KB did not answer well, each with "Answer it". */
export function kbGapsCard(gaps: KbGap[], message?: string): AdaptiveCard {
  return adaptiveCard(
    [
      ...heading('KB gaps', `The most frequent questions of the last ${GAP_WINDOW_DAYS} days that the KB could not answer, or whose answer got a thumbs-down.`),
      ...(message ? [notice(message, 'good')] : []),
      ...(gaps.length ? gaps.map(gapRow) : [text(`No gaps in the last ${GAP_WINDOW_DAYS} days.`, { isSubtle: true })]),
    ],
    [listButton('Mentor answers')],
  );
}

function formInputs(view: MentorAnswerFormView): CardElement[] {
  return [
    ...(view.notice ? [notice(view.notice, 'warning')] : []),
    textInput('question', 'Question', { value: view.values.question, maxLength: MENTOR_ANSWER_LIMITS.question, placeholder: 'As agents ask it' }),
    ...fieldError(view.errors.question),
    { ...textInput('answer', 'Answer', { value: view.values.answer, maxLength: MENTOR_ANSWER_LIMITS.answer, placeholder: 'What agents should do or say' }), isMultiline: true },
    ...fieldError(view.errors.answer),
    small(`Agents see about the first ${MENTOR_ANSWER_LIMITS.shown} characters${view.citation ? `, cited as "${view.citation}"` : ''}.`),
  ];
}

/** "Answer it": the question prefilled, the answer to write, and "Add to KB". */
export function captureFormCard(view: MentorAnswerFormView): AdaptiveCard {
  return adaptiveCard(
    [...heading('Answer a KB question', 'Your answer becomes a KB entry: agents who ask something similar get it.'), ...formInputs(view)],
    [executeAction('Add to KB', V.capture, { id: view.id }, 'positive'), { ...gapsButton('Cancel'), associatedInputs: 'none' }],
  );
}

/** "Edit" on the list: the texts, with the etag the form showed. */
export function editFormCard(view: MentorAnswerFormView): AdaptiveCard {
  return adaptiveCard(
    [...heading('Edit mentor answer'), ...formInputs(view)],
    [executeAction('Save', V.save, { id: view.id, etag: view.etag ?? '' }, 'positive'), { ...listButton('Cancel'), associatedInputs: 'none' }],
  );
}

/** After "Add to KB": what agents will get now (or that it was already there, for a replay). */
export function capturedCard(entry: { question: string; citation: string }, created: boolean): AdaptiveCard {
  return adaptiveCard(
    [
      notice(created ? 'Added to the KB. The next agent who asks something similar gets your answer.' : 'This answer is already in the KB; nothing was added twice.', 'good'),
      text(`"${clip(entry.question, 300)}"`, { isSubtle: true }),
      small(`Cited as "${entry.citation}".`),
    ],
    [gapsButton(), listButton('Mentor answers')],
  );
}
