/**
 * `npm run eval:kb [-- --kb DIR --set FILE --verbose]`: fact@1, citation@1, abstention and false abstention.
 * With AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and AZURE_OPENAI_EMBEDDING_DEPLOYMENT in the
 * environment, ranking is hybrid as in the bot (use it to calibrate KB_MIN_SIMILARITY).
 */
import { loadKbSnapshot } from '../src/features/kb/kb.loader';
import { KbService } from '../src/features/kb/kb.service';
import { evaluate, readEvalSet } from './kb-eval/evaluate';
import { deskmateEngine } from './kb-eval/deskmate-engine';
import { useEmbeddingsFromEnv } from './kb-eval/hybrid';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
  const kb = new KbService(await loadKbSnapshot(opt('--kb', './kb')));
  const hybrid = await useEmbeddingsFromEnv(kb);
  const report = await evaluate(readEvalSet(opt('--set', 'test/kb/eval.json')), deskmateEngine(kb));
  await kb.close();
  if (hybrid) console.log(`ranking:                ${hybrid}`);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`answerable questions:   ${report.answerable}`);
  console.log(`unanswerable questions: ${report.unanswerable}`);
  console.log(`fact@1:                 ${pct(report.factAt1)}   (floor 90%)`);
  console.log(`citation@1:             ${pct(report.citationAt1)}`);
  console.log(`abstention:             ${pct(report.abstention)}   (floor 80%)`);
  console.log(`false abstention:       ${pct(report.falseAbstention)}   (ceiling 10%)`);
  if (args.includes('--verbose')) report.misses.forEach((m) => console.log(`  - ${m.question}\n      ${m.why}`));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
