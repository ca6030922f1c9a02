import { describe, expect, it } from 'vitest';
import type { NoteCheckRule, NoteFinding } from '../../../src/features/notes/checks/note-check.types';
import { checkNote, hasBlockingFinding, NOTE_CHECK_RULES } from '../../../src/features/notes/checks/note-checks';
import { draft, POLICY_NOTE_BULLETS, POLICY_NOTE_FIELDS, POLICY_NOTE_OPENING } from './drafts';

describe('NOTE_CHECK_RULES', () => {
  it('lists the seven rules as data with unique ids', () => {
    expect(NOTE_CHECK_RULES.map((r) => [r.id, r.severity])).toEqual([
      ['secret-in-note', 'block'],
      ['required-fields', 'warn'],
      ['direct-quote', 'warn'],
      ['unprofessional-language', 'warn'],
      ['change-without-values', 'warn'],
      ['money-without-amount', 'warn'],
      ['follow-up-without-time', 'warn'],
    ]);
  });

  it('gives every rule a one-line summary an agent can read', () => {
    for (const rule of NOTE_CHECK_RULES) {
      expect(rule.summary).not.toMatch(/\n/);
      expect(rule.summary.length).toBeGreaterThan(30);
      expect(rule.summary.length).toBeLessThanOrEqual(140);
    }
  });

  it('tags every finding with the rule that made it and that rule’s severity', () => {
    const bad = draft({ reason: 'n/a', resolution: 'CT said "you are all thieves here" and was rude. Updated email. Issued a credit. Will call back. PIN 4455.' });
    for (const rule of NOTE_CHECK_RULES) {
      const findings = rule.find(bad);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.ruleId === rule.id && f.severity === rule.severity)).toBe(true);
    }
  });
});

describe('checkNote on the policy example notes (the good pair)', () => {
  it('finds nothing in the 4E note split into its fields', () => {
    expect(checkNote(POLICY_NOTE_FIELDS)).toEqual([]);
  });

  it('finds nothing in the bullet-list note, opening as the reason and bullets as the resolution', () => {
    expect(checkNote(draft({ reason: POLICY_NOTE_OPENING, resolution: POLICY_NOTE_BULLETS, additionalInfo: '', followUp: '' }))).toEqual([]);
  });

  it('finds nothing in the bullet-list note pasted whole into the resolution', () => {
    const whole = `${POLICY_NOTE_OPENING}\n\n${POLICY_NOTE_BULLETS}`;
    expect(checkNote(draft({ reason: 'Unexpected charge after cancelling; wants a refund and a new email.', resolution: whole }))).toEqual([]);
  });

  it('still catches a problem added to a good note', () => {
    const spoiled = { ...POLICY_NOTE_FIELDS, resolution: `${POLICY_NOTE_FIELDS.resolution} Will call back.` };
    expect(checkNote(spoiled).map((f) => f.ruleId)).toEqual(['follow-up-without-time']);
  });
});

describe('checkNote on a bad note', () => {
  const bad = draft({
    reason: '-',
    resolution: [
      'Customer was rude and honestly a nightmare.',
      'CT said "I am not paying for this garbage" and demanded a manager.',
      'Updated the phone number.',
      'Waived the late fee.',
      'Will follow up with CT.',
      'Took payment on 4111 1111 1111 1111.',
    ].join(' '),
    additionalInfo: 'Gate code is 4821.',
  });
  const findings = checkNote(bad);

  it('fires every rule that applies', () => {
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(
      new Set(['secret-in-note', 'required-fields', 'direct-quote', 'unprofessional-language', 'change-without-values', 'money-without-amount', 'follow-up-without-time']),
    );
    expect(findings.filter((f) => f.ruleId === 'unprofessional-language').map((f) => f.excerpt)).toEqual(['rude', 'nightmare']);
  });

  it('puts the blocking findings first and says the save is blocked', () => {
    expect(findings.slice(0, 2).map((f) => [f.severity, f.field, f.excerpt])).toEqual([
      ['block', 'resolution', '•••• 1111'],
      ['block', 'additionalInfo', 'gate code ••••'],
    ]);
    expect(findings.slice(2).every((f) => f.severity === 'warn')).toBe(true);
    expect(hasBlockingFinding(findings)).toBe(true);
  });

  it('never shows the card number or gate code anywhere', () => {
    const shown = findings.map((f) => `${f.message} ${f.excerpt ?? ''}`).join(' ');
    expect(shown).not.toMatch(/4111|1111 1111|4821/);
  });
});

describe('ordering and hasBlockingFinding', () => {
  const warnRule: NoteCheckRule = {
    id: 'test-warn',
    severity: 'warn',
    summary: 'test',
    find: () => [{ ruleId: 'test-warn', severity: 'warn', message: 'w1' }, { ruleId: 'test-warn', severity: 'warn', message: 'w2' }],
  };
  const blockRule: NoteCheckRule = {
    id: 'test-block',
    severity: 'block',
    summary: 'test',
    find: () => [{ ruleId: 'test-block', severity: 'block', message: 'b1' }],
  };

  it('sorts blocking findings first whatever the rule order, keeping the order within each severity', () => {
    expect(checkNote(draft(), [warnRule, blockRule]).map((f) => f.message)).toEqual(['b1', 'w1', 'w2']);
    expect(checkNote(draft(), [blockRule, warnRule]).map((f) => f.message)).toEqual(['b1', 'w1', 'w2']);
  });

  it('orders the real rules blocking-first even when the secret is in the last field', () => {
    const findings = checkNote(draft({ reason: '', followUp: 'PIN 4455' }));
    expect(findings.map((f) => [f.ruleId, f.field])).toEqual([
      ['secret-in-note', 'followUp'],
      ['required-fields', 'reason'],
    ]);
  });

  it('says whether anything blocks', () => {
    const warn: NoteFinding = { ruleId: 'x', severity: 'warn', message: 'm' };
    expect(hasBlockingFinding([])).toBe(false);
    expect(hasBlockingFinding([warn, warn])).toBe(false);
    expect(hasBlockingFinding([warn, { ...warn, severity: 'block' }])).toBe(true);
  });

  it('returns no findings for a plain, complete note', () => {
    expect(checkNote(draft())).toEqual([]);
  });
});
