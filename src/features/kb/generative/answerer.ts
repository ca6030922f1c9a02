import { ActionPlanner, OpenAIModel, PromptManager, type PromptCompletionModel, type TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AzureOpenAIConfig } from '../../../config';
import type { Section } from '../kb.schemas';
import { azureOpenAIAgent } from '../azure-openai-tls';
import { parseModelReply } from './citations';
import { formatSources, kbAnswerPrompt, KB_ANSWER_PROMPT, MAX_SOURCES, PROMPT_VARIABLES } from './prompt';

/** The outcome of asking the model: an answer with the sections it cited, an abstention, or a failure. */
export type GenerativeResult =
  | { kind: 'answer'; text: string; sections: Section[] }
  | { kind: 'no-answer' }
  | { kind: 'failed'; error: Error };

/** Writes an answer to a question from the given KB sections, citing them with [n] markers. */
export interface GenerativeAnswerer {
  answer(context: TurnContext, state: TurnState, question: string, sections: readonly Section[]): Promise<GenerativeResult>;
}

/** Extra time the answerer waits past the HTTP timeout before it gives up (a reply that stalls mid-body). */
const DEADLINE_GRACE_MS = 250;

/**
 * Answers through a teams-ai ActionPlanner: the sections go into the turn's temp state as numbered
 * sources, the `kb-answer` prompt is completed, and the reply's markers are checked against the
 * sources. Never throws: anything that goes wrong, including the deadline, is `failed`.
 */
export class PlannerAnswerer implements GenerativeAnswerer {
  constructor(
    private readonly planner: ActionPlanner,
    private readonly deadlineMs: number,
  ) {}

  async answer(context: TurnContext, state: TurnState, question: string, sections: readonly Section[]): Promise<GenerativeResult> {
    const sources = sections.slice(0, MAX_SOURCES);
    if (sources.length === 0) return { kind: 'no-answer' };
    state.setValue(PROMPT_VARIABLES.sources, formatSources(sources));
    state.setValue(PROMPT_VARIABLES.question, question);
    try {
      const response = await withDeadline(this.planner.completePrompt<string>(context, state, KB_ANSWER_PROMPT), this.deadlineMs);
      if (response.status !== 'success') return failed(response.error ?? new Error(`the model call ended with status ${response.status}`));
      const parsed = parseModelReply(typeof response.message?.content === 'string' ? response.message.content : '', sources.length);
      if (parsed.kind === 'no-answer') return parsed;
      if (parsed.kind === 'empty') return failed(new Error('the model replied with no text'));
      if (parsed.cited.length === 0) return failed(new Error('the model cited none of the sources'));
      return { kind: 'answer', text: parsed.text, sections: parsed.cited.map((n) => sources[n - 1]!) };
    } catch (error) {
      return failed(error instanceof Error ? error : new Error(String(error)));
    } finally {
      state.deleteValue(PROMPT_VARIABLES.sources);
      state.deleteValue(PROMPT_VARIABLES.question);
    }
  }
}

/** An ActionPlanner whose only prompt is `kb-answer`, added in code, completing with the given model. */
export function createKbPlanner(model: PromptCompletionModel): ActionPlanner {
  const prompts = new PromptManager({ promptsFolder: __dirname });
  prompts.addPrompt(kbAnswerPrompt());
  return new ActionPlanner({ model, prompts, defaultPrompt: KB_ANSWER_PROMPT, max_repair_attempts: 0 });
}

/**
 * The answerer for an Azure OpenAI chat deployment. One attempt, no retries, cut off after
 * `timeoutMs` (the HTTP client's timeout, then a deadline a little later for a reply that stalls
 * after its headers), so a slow model leaves time in the turn for the extractive answer.
 */
export function createAzureOpenAIAnswerer(config: AzureOpenAIConfig): GenerativeAnswerer {
  const model = new OpenAIModel({
    azureApiKey: config.key,
    azureDefaultDeployment: config.deployment,
    azureEndpoint: config.endpoint,
    azureApiVersion: config.apiVersion,
    useSystemMessages: true,
    // In clientOptions: teams-ai 1.7.4 never hands its own `maxRetries` option to the OpenAI client.
    clientOptions: { timeout: config.timeoutMs, maxRetries: 0, ...(config.caFile ? { httpAgent: azureOpenAIAgent(config.caFile) } : {}) },
  });
  return new PlannerAnswerer(createKbPlanner(model), config.timeoutMs + DEADLINE_GRACE_MS);
}

function failed(error: Error): GenerativeResult {
  return { kind: 'failed', error };
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the model did not reply within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
