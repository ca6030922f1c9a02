import type { Section } from '../kb.schemas';
import type { KbIndex, RankedSection } from './kb-index';

export const MAX_ANSWER_CHARS = 700;

/** The part of an answer taken from one cited section. */
export interface AnswerPart {
  /** 1-based citation number, as shown by the [n] marker. */
  citation: number;
  section: Section;
  text: string;
}

/** Splits a section into the pieces an answer is made of: bullets, and sentences of paragraphs. */
export function answerUnits(text: string): string[] {
  const units: string[] = [];
  let fence: string[] | undefined;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line.startsWith('```')) {
      if (fence) {
        units.push([...fence, line].join('\n'));
        fence = undefined;
      } else fence = [line];
      continue;
    }
    if (fence) {
      fence.push(rawLine);
      continue;
    }
    if (!line) continue;
    if (line.startsWith('•')) {
      units.push(line);
      continue;
    }
    const sentences = line.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) ?? [line];
    sentences.map((s) => s.trim()).filter(Boolean).forEach((s) => units.push(s));
  }
  if (fence) units.push([...fence, '```'].join('\n'));
  return units;
}

/**
 * Picks the sentences or bullets of a section that answer the question best, keeping their order,
 * within `budget` characters. The lead sentence counts extra: KB sections state their point first.
 */
export function extractFromSection(index: KbIndex, question: string, section: Section, budget: number): string {
  const units = answerUnits(section.text);
  const whole = joinUnits(units);
  if (whole.length <= budget) return whole;
  const terms = new Set(index.analyze(question));
  const scored = units.map((unit, position) => {
    const unitTerms = new Set(index.analyze(unit));
    let score = 0;
    terms.forEach((t) => {
      if (unitTerms.has(t)) score += index.idf(t);
    });
    if (position === 0) score += 1.5;
    return { unit, position, score };
  });
  const chosen: typeof scored = [];
  let used = 0;
  for (const candidate of [...scored].sort((a, b) => b.score - a.score)) {
    if (candidate.score <= 0 && chosen.length > 0) break;
    const cost = candidate.unit.length + 1;
    if (used + cost > budget) continue;
    chosen.push(candidate);
    used += cost;
  }
  if (chosen.length === 0) {
    // Even the best single sentence is longer than the budget: shorten it rather than answer nothing.
    const best = [...scored].sort((a, b) => b.score - a.score)[0];
    return best ? `${best.unit.slice(0, Math.max(0, budget - 1)).trimEnd()}…` : '';
  }
  return joinUnits(chosen.sort((a, b) => a.position - b.position).map((c) => c.unit));
}

/** Sentences run on; bullets, code blocks and what follows a colon or a code block start a new line. */
function joinUnits(units: string[]): string {
  const ownLine = (unit: string) => unit.startsWith('•') || unit.startsWith('```');
  return units.reduce((out, unit) => (out ? `${out}${ownLine(unit) || out.endsWith(':') || out.endsWith('```') ? '\n' : ' '}${unit}` : unit), '');
}

/**
 * The answer: the best section, plus a second one when it ranks nearly as well and either is
 * confident on its own (enough of the question's words, or, with embeddings, a similarity of at
 * least `minSimilarity`) or belongs to the best section's article (it carries on with the same
 * topic, often with the rule the best section only illustrates). At most MAX_ANSWER_CHARS characters in all.
 */
export function composeAnswer(index: KbIndex, question: string, ranked: RankedSection[], minConfidence: number, minSimilarity = Infinity): AnswerPart[] {
  const [best, second] = ranked;
  if (!best) return [];
  const parts: AnswerPart[] = [];
  const confident = (r: RankedSection) => r.confidence >= minConfidence || (r.similarity ?? -Infinity) >= minSimilarity;
  const sameArticle = second?.section.articlePath === best.section.articlePath;
  const addSecond = second && (confident(second) || sameArticle) && second.score >= best.score * 0.65 && second.section.id !== best.section.id;
  const firstBudget = addSecond ? Math.round(MAX_ANSWER_CHARS * 0.6) : MAX_ANSWER_CHARS;
  const firstText = extractFromSection(index, question, best.section, firstBudget);
  parts.push({ citation: 1, section: best.section, text: firstText });
  if (addSecond) {
    const secondText = extractFromSection(index, question, second.section, MAX_ANSWER_CHARS - firstText.length - 10);
    if (secondText) parts.push({ citation: 2, section: second.section, text: secondText });
  }
  return parts;
}
