import { describe, expect, it } from 'vitest';
import { excerptAround, spanExcerpt } from '../../../src/features/notes/checks/excerpt';
import { countWords, splitSentences } from '../../../src/features/notes/checks/text';

describe('splitSentences', () => {
  it('splits on . ! ? followed by a space or the end', () => {
    expect(splitSentences('Took payment. Customer happy! Any questions? None')).toEqual(['Took payment.', 'Customer happy!', 'Any questions?', 'None']);
  });

  it('does not split inside amounts, emails or decimals', () => {
    expect(splitSentences('Refunded $49.98 to the card. Emailed alex.cmart@covesmart.com today.')).toEqual([
      'Refunded $49.98 to the card.',
      'Emailed alex.cmart@covesmart.com today.',
    ]);
  });

  it('keeps a sentence-final email whole', () => {
    expect(splitSentences('Changed email to b@y.com. Done')).toEqual(['Changed email to b@y.com.', 'Done']);
  });

  it('splits on line breaks and drops bullets and list numbers', () => {
    expect(splitSentences('  • First step\n- Second step\r\n1. Third step\n2) Fourth\n\n* Fifth')).toEqual(['First step', 'Second step', 'Third step', 'Fourth', 'Fifth']);
  });

  it('does not split after common abbreviations or initials', () => {
    expect(splitSentences('Will call at 3 p.m. tomorrow. Spoke with Dr. Lee and J. Smith.')).toEqual([
      'Will call at 3 p.m. tomorrow.',
      'Spoke with Dr. Lee and J. Smith.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(splitSentences('He said "no." Then hung up.')).toEqual(['He said "no."', 'Then hung up.']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences(' \n\u00a0 \n')).toEqual([]);
  });
});

describe('countWords', () => {
  it('counts words, keeping contractions whole', () => {
    expect(countWords("I don't want it")).toBe(4);
    expect(countWords('Show more')).toBe(2);
    expect(countWords(' -- ')).toBe(0);
  });
});

describe('excerpts', () => {
  const long = `${'word '.repeat(40)}target here ${'tail '.repeat(40)}`;

  it('cuts a long text around the match with ellipses', () => {
    const start = long.indexOf('target');
    const out = excerptAround(long, start, start + 'target'.length, 40);
    expect(out).toContain('target');
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(44);
  });

  it('widens rather than splitting a card number, and masks it', () => {
    const text = 'Customer read out card 4111 1111 1111 1111 for the payment today';
    const start = text.indexOf('1111 1111');
    const out = excerptAround(text, start, start + 4, 12);
    expect(out).toContain('•••• 1111');
    expect(out).not.toMatch(/1111 1111/);
  });

  it('spanExcerpt returns exactly the span, shortened with an ellipsis when too long', () => {
    expect(spanExcerpt('It was rude of him', 7, 11)).toBe('rude');
    const text = `"${'very '.repeat(30)}long"`;
    const out = spanExcerpt(text, 0, text.length, 30);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(31);
  });
});
