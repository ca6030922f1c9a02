import { Prompt, TemplateSection, UserMessage, type PromptTemplate } from '@microsoft/teams-ai';
import type { Section } from '../kb.schemas';

/** The name the KB answer prompt is registered under in the PromptManager. */
export const KB_ANSWER_PROMPT = 'kb-answer';

/** What the model says when the sources do not answer the question. */
export const NO_ANSWER = 'NO_ANSWER';

/** Turn-state variables (temp scope) the prompt reads: the numbered sources and the question. */
export const PROMPT_VARIABLES = { sources: 'temp.kbSources', question: 'temp.kbQuestion' } as const;

/** How many KB sections the model is given, and how much of each. */
export const MAX_SOURCES = 3;
const MAX_SOURCE_CHARS = 1500;

const SYSTEM = `You help contact-center agents by answering their policy questions from the company knowledge base.
Use ONLY the numbered sources below. Never add facts, steps or advice that the sources do not state, and never guess.
Put the number of the source you used in square brackets after each sentence, for example [1] or [2]. Use only numbers that appear in the list.
Keep the answer short and plain: under 700 characters in total.
If the sources do not answer the question, reply with exactly ${NO_ANSWER} and nothing else.

Sources:
{{$kbSources}}`;

/** The sources as the model sees them: "[1] Article › Section: text", one per line. */
export function formatSources(sections: readonly Section[]): string {
  return sections
    .map((s, i) => {
      const text = s.text.replace(/\s+/g, ' ').trim();
      return `[${i + 1}] ${sourceLabel(s)}: ${text.length > MAX_SOURCE_CHARS ? `${text.slice(0, MAX_SOURCE_CHARS)}…` : text}`;
    })
    .join('\n');
}

function sourceLabel(section: Section): string {
  const last = section.headingPath[section.headingPath.length - 1];
  return last && last !== section.articleTitle ? `${section.articleTitle} › ${last}` : section.articleTitle;
}

/**
 * The KB answer prompt, built in code rather than read from a prompts folder: a system message with
 * the rules and the numbered sources, then the agent's question as the user message. No history is
 * kept, so every answer rests on the sources of its own question only.
 */
export function kbAnswerPrompt(): PromptTemplate {
  return {
    name: KB_ANSWER_PROMPT,
    prompt: new Prompt([new TemplateSection(SYSTEM, 'system'), new UserMessage('{{$kbQuestion}}')]),
    config: {
      schema: 1.1,
      type: 'completion',
      description: 'Answers an agent question from numbered KB sources, with [n] citations',
      completion: {
        completion_type: 'chat',
        include_history: false,
        include_input: false,
        include_images: false,
        max_input_tokens: 3000,
        max_tokens: 350,
        temperature: 0,
        top_p: 1,
        presence_penalty: 0,
        frequency_penalty: 0,
      },
    },
  };
}
