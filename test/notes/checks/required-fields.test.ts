import { describe, expect, it } from 'vitest';
import { checkNote } from '../../../src/features/notes/checks/note-checks';
import { isBlankOrPlaceholder, requiredFieldsRule } from '../../../src/features/notes/checks/rules/required-fields';
import { draft } from './drafts';

describe('required-fields rule', () => {
  it.each(['', '   ', '\n\t', '\u00a0', 'n/a', 'N/A', 'NA', 'na.', '-', '--', '.', '...', 'none', 'None.', 'TBD', '?', 'x', 'see above'])(
    'treats %j as missing',
    (text) => {
      expect(isBlankOrPlaceholder(text)).toBe(true);
    },
  );

  it.each(['Rent question', 'CT asked for a gate code reset', 'Late fee', 'Na Li called about her unit', 'No answer, left voicemail'])('accepts %j as real content', (text) => {
    expect(isBlankOrPlaceholder(text)).toBe(false);
  });

  it('warns once per missing field, naming the field', () => {
    const findings = requiredFieldsRule.find(draft({ reason: ' - ', resolution: 'n/a' }));
    expect(findings.map((f) => [f.field, f.severity, f.ruleId])).toEqual([
      ['reason', 'warn', 'required-fields'],
      ['resolution', 'warn', 'required-fields'],
    ]);
    expect(findings[0]!.message).toMatch(/reason/i);
    expect(findings[1]!.message).toMatch(/resolution/i);
  });

  it('only warns about the field that is missing', () => {
    expect(requiredFieldsRule.find(draft({ resolution: '.' })).map((f) => f.field)).toEqual(['resolution']);
    expect(requiredFieldsRule.find(draft({ reason: '' })).map((f) => f.field)).toEqual(['reason']);
  });

  it('does not require additional info or follow-up', () => {
    expect(requiredFieldsRule.find(draft({ additionalInfo: '', followUp: 'N/A' }))).toEqual([]);
  });

  it('is a warning, so a note missing both can still be saved', () => {
    const findings = checkNote(draft({ reason: '', resolution: '' }));
    expect(findings.length).toBe(2);
    expect(findings.every((f) => f.severity === 'warn')).toBe(true);
  });
});
