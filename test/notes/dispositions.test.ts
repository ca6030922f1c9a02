import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISPOSITION_CATEGORIES, dispositionFromValue, dispositionValue, PICKABLE_DISPOSITIONS, SYSTEM_DISPOSITIONS } from '../../src/features/notes/dispositions';
import { demoData } from '../accounts/seeded-store';

const KB_DISPOSITIONS = resolve(__dirname, '../../kb/dispositions');

/** The bold names of the KB's disposition lists ("- **Paid Online**: ..."), over every article but the overview. */
function kbDispositionNames(): string[] {
  return readdirSync(KB_DISPOSITIONS)
    .filter((file) => file !== 'overview.md')
    .flatMap((file) => [...readFileSync(join(KB_DISPOSITIONS, file), 'utf8').matchAll(/^- \*\*(.+?)\*\*:/gm)].map((m) => m[1]!));
}

describe('the disposition taxonomy', () => {
  it('has the 14 categories and 151 dispositions of the notes policy', () => {
    expect(DISPOSITION_CATEGORIES).toHaveLength(14);
    expect(PICKABLE_DISPOSITIONS).toHaveLength(151);
    expect(DISPOSITION_CATEGORIES.map((c) => c.category)).toContain('Retention – Save');
  });

  it('matches the KB articles that explain each disposition, name for name', () => {
    expect([...kbDispositionNames()].sort()).toEqual(PICKABLE_DISPOSITIONS.map((d) => d.name).sort());
  });

  it('has no disposition twice inside one category (some names repeat across categories)', () => {
    for (const { names } of DISPOSITION_CATEGORIES) expect(new Set(names).size).toBe(names.length);
    const collections = PICKABLE_DISPOSITIONS.filter((d) => d.name === 'Collections').map((d) => d.category);
    expect(collections).toEqual(['Billing', 'Make-it-Right (MIR)']);
  });

  it('reads a form value back, and refuses one that is not in the taxonomy', () => {
    const promised = { category: 'Billing', name: 'Promised to Pay' };
    expect(dispositionFromValue(dispositionValue(promised))).toEqual(promised);
    expect(dispositionFromValue('Billing › Free Money')).toBeUndefined();
    expect(dispositionFromValue(dispositionValue(SYSTEM_DISPOSITIONS.callerVerified))).toBeUndefined();
  });

  it('covers every disposition the demo notes use', () => {
    const known = new Set([...PICKABLE_DISPOSITIONS, ...Object.values(SYSTEM_DISPOSITIONS)].map(dispositionValue));
    const used = new Set(demoData().notes.map((n) => dispositionValue(n.disposition)));
    expect([...used].filter((v) => !known.has(v))).toEqual([]);
  });
});
