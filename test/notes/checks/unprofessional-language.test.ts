import { describe, expect, it } from 'vitest';
import { termPattern, unprofessionalLanguageRule } from '../../../src/features/notes/checks/rules/unprofessional-language';
import { UNPROFESSIONAL_TERMS } from '../../../src/features/notes/checks/rules/unprofessional-terms';
import { draft } from './drafts';

const hits = (resolution: string) => unprofessionalLanguageRule.find(draft({ resolution })).map((f) => f.excerpt);

describe('unprofessional-language rule', () => {
  it.each([
    ['Customer was rude the whole call.', 'rude'],
    ['Customer spoke rudely to the site manager.', 'rudely'],
    ['CT was really ANNOYING about the late fee.', 'ANNOYING'],
    ['The whole call was a nightmare.', 'nightmare'],
    ['He has an attitude problem.', 'attitude'],
    ['That demand was ridiculous.', 'ridiculous'],
    ['Told him that was stupid.', 'stupid'],
    ['Caller is an idiot.', 'idiot'],
    ['Customer is a liar.', 'liar'],
    ['I think she was lying about the move-out date.', 'I think she was'],
    ['CT kept lying about the payment.', 'CT kept lying'],
    ['Pretty sure he is lying to us.', 'he is lying'],
    ['I feel the customer wanted a free month.', 'I feel'],
    ['Honestly this customer was a pain.', 'was a pain'],
    ['Customer screamed at me for ten minutes.', 'screamed at me'],
    ['What a jerk.', 'jerk'],
    ['Customer was crazy about the fee.', 'crazy'],
    ['CT said the fee was bullshit.', 'bullshit'],
    ['Damn customer hung up.', 'Damn'],
  ])('warns on %j', (text, excerpt) => {
    expect(hits(text)).toEqual([excerpt]);
  });

  it.each([
    'Customer asked about crude oil drums stored in the unit.',
    'Customer is entitled to a prorated refund under policy.',
    'Boxes were lying in the hallway outside the unit.',
    'Customer felt the fee was unfair, so explained the lien timeline.',
    'Assisted with the gate keypad; the attendant passed the shell of the old lock to the DM.',
    'Customer was upset about the overlock and asked for a supervisor.',
    'Described the latitude and altitude of the storage site for the map.',
    'Hello, checked the classes of units available.',
  ])('does not warn on neutral text: %j', (text) => {
    expect(hits(text)).toEqual([]);
  });

  it('finds several terms in one field and points at each', () => {
    expect(hits('Customer was rude, annoying and a total idiot.')).toEqual(['rude', 'annoying', 'idiot']);
  });

  it('gives a profanity-specific message without repeating the word', () => {
    const [finding] = unprofessionalLanguageRule.find(draft({ reason: 'Customer said shitty things about the staff.' }));
    expect(finding).toMatchObject({ field: 'reason', severity: 'warn', excerpt: 'shitty' });
    expect(finding!.message).toMatch(/profanity/i);
    expect(finding!.message).not.toMatch(/shit/i);
  });

  it('keeps the list as data where every term compiles to a whole-word pattern', () => {
    expect(UNPROFESSIONAL_TERMS.length).toBeGreaterThan(30);
    for (const { term } of UNPROFESSIONAL_TERMS) {
      const pattern = termPattern(term);
      expect(pattern.flags).toContain('i');
      expect(pattern.test(`x${term.replace(/\*/g, '').replace(/\{([^,}]*)[^}]*\}/g, '$1')}`)).toBe(false);
    }
  });

  it('expands the {a,b} and * syntax', () => {
    expect(termPattern('{he,she} {is,was} lying').test('She WAS   lying')).toBe(true);
    expect(termPattern('{he,she} {is,was} lying').test('he has lying')).toBe(false);
    expect(termPattern('rude*').test('rudeness')).toBe(true);
    expect(termPattern('rude*').test('crude')).toBe(false);
  });
});
