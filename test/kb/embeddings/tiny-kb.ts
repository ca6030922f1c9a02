import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A tiny KB in which one question is a paraphrase that lexical search cannot answer: none of its
 * words is in the KB, but under the toy embedding it is close to the multi-unit discount section.
 */
export const TINY_KB: Record<string, string> = {
  'multiple-rentals.md': `# Multiple Rentals

## Discount for an additional unit
Tenants who rent an additional unit at the same facility pay 15% less on the additional unit's monthly rent.

## Moving between units
A transfer to a bigger unit keeps the move-in date of the first rental.
`,
  'gate-access.md': `# Gate Access

## Gate codes
A tenant's gate code works from 6 am to 10 pm. Reset a gate code from the customer card when the keypad refuses it.
`,
  'late-fees.md': `# Late Fees

## When a late fee is charged
A late fee of $20 is charged when rent is 5 days past due. Waive it only with a manager's approval.
`,
};

/** No word of it is in TINY_KB; under the toy embedding it means "additional unit discount". */
export const PARAPHRASE = 'is a second space cheaper?';
export const PARAPHRASE_SECTION = 'multiple-rentals.md#discount-for-an-additional-unit';
/** Answered lexically with confidence. */
export const LEXICAL_QUESTION = 'what hours does the gate code work';
export const LEXICAL_SECTION = 'gate-access.md#gate-codes';
/** Similarity needed to answer, calibrated for the toy embedding (the product default, 0.8, is for real models). */
export const TOY_MIN_SIMILARITY = '0.6';

/** Writes `files` (TINY_KB by default) into a fresh folder. */
export function writeTinyKb(files: Record<string, string> = TINY_KB): { path: string; write: (name: string, content: string) => void; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'deskmate-kb-hybrid-'));
  const write = (name: string, content: string) => writeFileSync(join(path, name), content);
  for (const [name, content] of Object.entries(files)) write(name, content);
  return { path, write, remove: () => rmSync(path, { recursive: true, force: true }) };
}
