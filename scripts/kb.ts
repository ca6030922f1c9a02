/**
 * `npm run kb -- ask "question" [--kb DIR] [--json]`: the same answer and citations as the bot.
 * `npm run kb -- check [--kb DIR]`: problems a KB owner should fix.
 * With AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and AZURE_OPENAI_EMBEDDING_DEPLOYMENT in the
 * environment, `ask` ranks hybrid, as the bot does.
 */
import { loadKbSnapshot } from '../src/features/kb/kb.loader';
import { KbService } from '../src/features/kb/kb.service';
import { answerView } from '../src/features/kb/kb.cards';
import { useEmbeddingsFromEnv } from './kb-eval/hybrid';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const [command, ...rest] = args;
  const dir = option(rest, '--kb') ?? process.env.KB_DIR ?? './kb';
  const json = rest.includes('--json');
  const snapshot = await loadKbSnapshot(dir, { baseUrl: process.env.KB_BASE_URL });
  if (command === 'check') {
    if (json) console.log(JSON.stringify(snapshot.problems, null, 2));
    else {
      console.log(`${snapshot.articles.length} articles, ${snapshot.articles.reduce((n, a) => n + a.sections.length, 0)} sections in ${dir}`);
      snapshot.problems.forEach((p) => console.log(`${p.path}: ${p.problem}`));
      if (!snapshot.problems.length) console.log('No problems found.');
    }
    return snapshot.problems.some((p) => p.problem.startsWith('could not be read')) ? 1 : 0;
  }
  if (command === 'ask') {
    const question = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--kb').join(' ');
    if (!question) {
      console.error('Usage: npm run kb -- ask "question" [--kb DIR] [--json]');
      return 2;
    }
    const kb = new KbService(snapshot);
    const hybrid = await useEmbeddingsFromEnv(kb);
    const answer = await kb.ask(question);
    await kb.close();
    if (hybrid && !json) console.log(`(ranking: ${hybrid})`);
    if (answer.kind === 'unsure') {
      if (json) console.log(JSON.stringify(answer, null, 2));
      else {
        console.log("I couldn't find a confident answer to that in the knowledge base.");
        answer.related.forEach((r) => console.log(`  related: ${r.title} (${r.url ?? r.path})`));
        console.log(`  (confidence ${answer.confidence.toFixed(2)}${answer.similarity !== undefined ? `, similarity ${answer.similarity.toFixed(3)}` : ''})`);
      }
      return 0;
    }
    const view = answerView(answer);
    if (json) console.log(JSON.stringify({ ...view, confidence: answer.confidence, similarity: answer.similarity }, null, 2));
    else {
      console.log(view.text);
      console.log('');
      view.citations.forEach((c) => console.log(`[${c.position}] ${c.title}${c.url ? ` <${c.url}>` : ''} (${c.path})`));
      console.log(`(confidence ${answer.confidence.toFixed(2)}${answer.similarity !== undefined ? `, similarity ${answer.similarity.toFixed(3)}` : ''})`);
    }
    return 0;
  }
  console.error('Usage: npm run kb -- ask "question" [--kb DIR] [--json] | npm run kb -- check [--kb DIR]');
  return 2;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
