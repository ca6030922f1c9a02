import { randomUUID } from 'node:crypto';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { cardAttachment, type AdaptiveCard } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';
import { DomainError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import type { RouteWrapper } from '../../shared/turn';
import { can, requirePermission, type Caller } from '../people/people.service';
import { answerActivity, answerView, askMentorRecordedCard, kbCheckCard, searchResultCard, unsureCard, type AnswerView } from './kb.cards';
import { askMentorSubmitSchema, feedbackInvokeSchema, kbSearchParamsSchema } from './kb.schemas';
import type { KbService, RelatedArticle } from './kb.service';
import type { KbFeedbackStore } from './kb.store';
import type { GenerativeAnswerer } from './generative/answerer';
import { generativeAnswerView, relatedArticlesOf } from './generative/generative-view';
import { MAX_SOURCES } from './generative/prompt';

export const KB_SEARCH_COMMAND_ID = 'searchKb';
const MAX_QUESTION = 1000;
const REMEMBERED_ANSWERS = 20;

export const KB_COMMANDS: CommandInfo[] = [
  { name: 'ask', usage: 'Type any question', description: 'Any message that is not a command is a policy question, answered from the knowledge base with citations.', permission: 'kb.ask' },
  { name: 'kb check', usage: 'kb check', description: 'Lists problems in the knowledge base files (mentors and admins).', permission: 'kb.check', example: 'kb check', buttonTitle: 'Check the KB' },
  { name: 'reload kb', usage: 'reload kb', description: 'Reloads the knowledge base from its folder now (admins).', permission: 'kb.reload', example: 'reload kb', buttonTitle: 'Reload the KB' },
];

export interface KbDeps {
  route: RouteWrapper<Caller>;
  identify: (context: TurnContext) => Promise<Caller>;
  kb: KbService;
  feedback: KbFeedbackStore;
  reload: () => Promise<void>;
  logger: Logger;
  /** Writes answers with an AI model (Azure OpenAI is configured); without it answers are extractive. */
  generative?: GenerativeAnswerer;
  /** Makes "Ask a mentor" a tracked KB question for the mentors (escalations) and gives the card to show; without it the question is only recorded. */
  askMentor?: (caller: Caller, request: { requestId: string; question: string; botAnswer?: string; context?: string }) => Promise<AdaptiveCard>;
}

/** What an "Ask a mentor" button may carry besides the question: what the bot answered and the agent's context. */
const askMentorExtras = z.object({ botAnswer: z.string().trim().max(4000).optional(), context: z.string().trim().max(2000).optional() });

type RememberedAnswer = { question: string; answer: string; citations: { position: number; title: string; path: string; url?: string }[] };

/** Questions, answer feedback, "Ask a mentor", the KB search extension and the KB admin commands. */
export function registerKbRoutes(app: Application, deps: KbDeps): void {
  app.message(/^\s*kb\s+check\s*$/i, deps.route('kb.check', async ({ context, caller }) => {
    requirePermission(caller, 'kb.check');
    const { articles, problems } = deps.kb.current;
    await context.sendActivity({ attachments: [cardAttachment(kbCheckCard({ articles: articles.length, sections: deps.kb.sectionCount, mentorAnswers: deps.kb.mentorAnswerCount }, problems))] });
  }));

  app.message(/^\s*reload\s+(the\s+)?kb\s*$/i, deps.route('kb.reload', async ({ context, caller }) => {
    requirePermission(caller, 'kb.reload');
    await deps.reload();
    const { articles, problems } = deps.kb.current;
    await context.sendActivity(`Reloaded the knowledge base: ${articles.length} articles, ${deps.kb.sectionCount} sections${problems.length ? `, ${problems.length} problems (type "kb check")` : ''}.`);
  }));

  app.activity(isAskMentorSubmit, deps.route('kb.askMentor', async ({ context, caller }) => {
    const person = requirePermission(caller, 'kb.ask');
    const parsed = askMentorSubmitSchema.safeParse(context.activity.value);
    if (!parsed.success) throw new DomainError('invalid_input', 'That button did not carry a question. Type your question again, please.');
    // Stays on the list of KB gaps (one per requestId), whether or not the question also goes to the mentors.
    await deps.feedback.add({ kind: 'mentor-request', question: parsed.data.question, userId: person.id }, { id: `mentor-request-${parsed.data.requestId}` });
    let card = askMentorRecordedCard(parsed.data.question);
    if (deps.askMentor) {
      // A tracked KB question for the mentors, one per requestId (a second press finds the first). The button may also carry what the bot answered and the agent's context.
      const extra = askMentorExtras.safeParse(context.activity.value);
      card = await deps.askMentor(caller, { requestId: parsed.data.requestId, question: parsed.data.question, ...(extra.success ? extra.data : {}) });
    }
    await context.sendActivity({ attachments: [cardAttachment(card)] });
  }));

  app.feedbackLoop(async (context, state, data) => {
    if (!can(await deps.identify(context), 'kb.ask')) return;
    const parsed = feedbackInvokeSchema.safeParse({ actionName: data.actionName, actionValue: data.actionValue });
    if (!parsed.success) return;
    // Teams names the answer (replyToId); Agents Playground does not, so the latest answer stands in.
    const answers = answersOf(state);
    const byReply = data.replyToId ? answers[data.replyToId] : undefined;
    const remembered = byReply ?? (data.replyToId ? undefined : Object.values(answers).at(-1));
    await deps.feedback.add({
      kind: 'feedback',
      reaction: parsed.data.actionValue.reaction,
      comment: feedbackComment(parsed.data.actionValue.feedback),
      question: remembered?.question ?? '(not remembered)',
      answer: remembered?.answer ?? '',
      citations: remembered?.citations ?? [],
      answerMatchedBy: byReply ? 'reply' : remembered ? 'latest-answer' : 'none',
      userId: context.activity.from?.aadObjectId,
    });
  });

  app.messageExtensions.query(KB_SEARCH_COMMAND_ID, async (context, _state, query) => {
    const caller = await deps.identify(context);
    try {
      requirePermission(caller, 'kb.ask');
    } catch (error) {
      return { type: 'message', text: (error as Error).message };
    }
    const params = kbSearchParamsSchema.safeParse(query.parameters ?? {});
    if (!params.success || !params.data.query) return { type: 'message', text: 'Type a few words to search the knowledge base.' };
    const sections = deps.kb.search(params.data.query, 10);
    return {
      type: 'result',
      attachmentLayout: 'list',
      attachments: sections.map((s) => ({
        ...cardAttachment(searchResultCard(s)),
        preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: s.articleTitle, text: s.headingPath.join(' › ') || s.text.slice(0, 80) } },
      })),
    };
  });

  app.activity(isQuestion, deps.route('kb.ask', async ({ context, state, caller }) => {
    const person = requirePermission(caller, 'kb.ask');
    const question = (context.activity.text ?? '').trim();
    if (question.length > MAX_QUESTION) throw new DomainError('invalid_input', `That question is too long (${question.length} characters). Keep it under ${MAX_QUESTION}, please.`);
    const answer = await deps.kb.ask(question);
    const unsure = async (related: RelatedArticle[]) => {
      await deps.feedback.add({ kind: 'unanswered', question, confidence: answer.confidence, related: related.map((r) => r.path), userId: person.id });
      await context.sendActivity({ attachments: [cardAttachment(unsureCard(question, related, randomUUID()))] });
    };
    // The model is only asked when the KB is confident it holds the answer; otherwise it could not help.
    if (answer.kind === 'unsure') return unsure(answer.related);
    if (deps.generative) {
      // The answer's own ranking (hybrid when embeddings are ready), so the model sees what the KB found.
      const sections = answer.sources.slice(0, MAX_SOURCES);
      const result = await deps.generative.answer(context, state, question, sections);
      if (result.kind === 'answer') {
        const view = generativeAnswerView(result.text, result.sections);
        const sent = await context.sendActivity(answerActivity(view, { aiGenerated: true }));
        if (sent?.id) remember(state, sent.id, question, view);
        return;
      }
      if (result.kind === 'no-answer') return unsure(relatedArticlesOf(sections));
      // No question text here: the log must not carry what agents ask about customers.
      deps.logger.warn({ route: 'kb.ask', reason: result.error.message }, 'generative answer failed; sending the extractive answer');
    }
    const view = answerView(answer);
    const sent = await context.sendActivity(answerActivity(view));
    if (sent?.id) remember(state, sent.id, question, view);
  }));
}

/** Teams sends the comment as JSON (`{"feedbackText": "..."}`), the Playground as plain text. */
function feedbackComment(feedback: string | Record<string, unknown> | undefined): string | undefined {
  let value: unknown = feedback;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      // plain text
    }
  }
  const text = typeof value === 'object' && value && 'feedbackText' in value ? String((value as { feedbackText: unknown }).feedbackText) : typeof value === 'string' ? value : '';
  return text.trim().slice(0, 2000) || undefined;
}

function isQuestion(context: TurnContext): Promise<boolean> {
  return Promise.resolve(context.activity.type === 'message' && Boolean(context.activity.text?.trim()));
}

function isAskMentorSubmit(context: TurnContext): Promise<boolean> {
  const value = context.activity.value as { verb?: unknown } | undefined;
  return Promise.resolve(context.activity.type === 'message' && value?.verb === 'kb.askMentor');
}

function answersOf(state: TurnState): Record<string, RememberedAnswer> {
  return ((state.conversation as Record<string, unknown>).kbAnswers ?? {}) as Record<string, RememberedAnswer>;
}

/** Keeps the last answers of the conversation so feedback can be stored with its question and answer. */
function remember(state: TurnState, replyId: string, question: string, view: AnswerView): void {
  const entries = Object.entries(answersOf(state)).slice(-(REMEMBERED_ANSWERS - 1));
  const record: RememberedAnswer = { question, answer: view.text, citations: view.citations.map(({ position, title, path, url }) => ({ position, title, path, url })) };
  (state.conversation as Record<string, unknown>).kbAnswers = Object.fromEntries([...entries, [replyId, record]]);
}
