import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKbSnapshot } from '../../src/features/kb/kb.loader';
import { KbService } from '../../src/features/kb/kb.service';
import { evaluate, readEvalSet } from '../../scripts/kb-eval/evaluate';
import { deskmateEngine } from '../../scripts/kb-eval/deskmate-engine';

/**
 * The eval set (test/kb/eval.json, written before any tuning) against the sample KB.
 * Issue #3 asks for fact@1 >= 0.9 with abstention >= 0.8 and false abstention <= 0.1; the extractive
 * engine measures fact@1 0.91 (69 of 76), citation@1 0.92, abstention 0.80 (12 of 15) and false
 * abstention 0.00, so this guards those levels (false abstention: at most 1 of 76).
 */
describe('KB eval floors', () => {
  it('answers, cites and abstains at least as well as measured', async () => {
    const kb = new KbService(await loadKbSnapshot(resolve(__dirname, '../../kb')));
    const report = await evaluate(readEvalSet(resolve(__dirname, 'eval.json')), deskmateEngine(kb));
    expect(report.answerable).toBeGreaterThanOrEqual(40);
    expect(report.unanswerable).toBeGreaterThanOrEqual(10);
    expect(report.abstention).toBeGreaterThanOrEqual(0.8);
    expect(report.falseAbstention).toBeLessThanOrEqual(0.02);
    expect(report.factAt1).toBeGreaterThanOrEqual(0.9);
    expect(report.citationAt1).toBeGreaterThanOrEqual(0.92);
  });
});
