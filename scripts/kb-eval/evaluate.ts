import { readFileSync } from 'node:fs';
import { z } from 'zod/v4';

export const evalSetSchema = z.object({
  answerable: z.array(z.object({ question: z.string(), facts: z.array(z.string()).min(1), article: z.string() })).min(1),
  unanswerable: z.array(z.object({ question: z.string() })).min(1),
});
export type EvalSet = z.infer<typeof evalSetSchema>;

/** What an answering engine said: nothing (abstained), or a text and the article it cites first. */
export type EngineReply = { abstained: true } | { abstained: false; text: string; firstCitationPath: string };

export interface EvalReport {
  factAt1: number;
  citationAt1: number;
  abstention: number;
  falseAbstention: number;
  answerable: number;
  unanswerable: number;
  misses: { question: string; why: string }[];
}

export function readEvalSet(path: string): EvalSet {
  return evalSetSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** KB article paths in the eval set start at the repo root (`kb/...`); the engine's are relative to KB_DIR. */
function samePath(expected: string, cited: string): boolean {
  return expected.replace(/^kb\//, '') === cited.replace(/^kb\//, '');
}

/**
 * fact@1: the answer holds every expected fact; citation@1: its first citation is the expected
 * article; abstention: unanswerable questions that got "could not find"; false abstention:
 * answerable questions that did.
 */
export async function evaluate(set: EvalSet, answer: (question: string) => EngineReply | Promise<EngineReply>): Promise<EvalReport> {
  const misses: EvalReport['misses'] = [];
  let facts = 0;
  let citations = 0;
  let falseAbstentions = 0;
  for (const item of set.answerable) {
    const reply = await answer(item.question);
    if (reply.abstained) {
      falseAbstentions += 1;
      misses.push({ question: item.question, why: 'abstained' });
      continue;
    }
    const text = reply.text.toLowerCase();
    const missing = item.facts.filter((f) => !text.includes(f.toLowerCase()));
    if (missing.length === 0) facts += 1;
    else misses.push({ question: item.question, why: `missing ${missing.map((m) => `"${m}"`).join(', ')} (cited ${reply.firstCitationPath})` });
    if (samePath(item.article, reply.firstCitationPath)) citations += 1;
  }
  let abstained = 0;
  for (const item of set.unanswerable) {
    const reply = await answer(item.question);
    if (reply.abstained) abstained += 1;
    else misses.push({ question: item.question, why: `answered although the KB does not cover it (cited ${reply.firstCitationPath})` });
  }
  const n = set.answerable.length;
  return {
    factAt1: facts / n,
    citationAt1: citations / n,
    abstention: abstained / set.unanswerable.length,
    falseAbstention: falseAbstentions / n,
    answerable: n,
    unanswerable: set.unanswerable.length,
    misses,
  };
}
