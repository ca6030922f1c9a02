import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerView, bulletsAsList } from '../../src/features/kb/kb.cards';
import { loadKbSnapshot } from '../../src/features/kb/kb.loader';
import { KbService } from '../../src/features/kb/kb.service';

describe('answers as Teams Markdown: bullets on lines of their own', () => {
  const part = (text: string, citation: number) => ({ citation, text, section: { id: `a.md#s${citation}`, articlePath: 'a.md', articleTitle: 'A', headingPath: ['S'], anchor: `s${citation}`, text } });
  const viewOf = (...parts: ReturnType<typeof part>[]) => answerView({ kind: 'answer', question: 'q', parts, confidence: 1, sources: parts.map((p) => p.section) }).text;

  it('puts each [n] marker outside lists and code blocks', () => {
    expect(viewOf(part('One sentence.', 1), part('Intro:\n• a\n• b', 2))).toBe('One sentence. [1]\n\nIntro: [2]\n\n- a\n- b');
    expect(viewOf(part('• a\n• b', 1))).toBe('- a\n- b\n\n[1]');
    expect(viewOf(part('Type:\n```\ncode\n```', 1))).toBe('Type:\n```\ncode\n```\n\n[1]');
    expect(viewOf(part('Intro:\n• a\nThen save.', 1))).toBe('Intro:\n\n- a\n\nThen save. [1]');
  });

  it('turns "•" lines into a list set off by blank lines, and leaves sentences and code blocks alone', () => {
    expect(bulletsAsList('Pick the reason:\n• **One**: first.\n• **Two**: second.\nThen save.')).toBe('Pick the reason:\n\n- **One**: first.\n- **Two**: second.\n\nThen save.');
    expect(bulletsAsList('• only a list')).toBe('- only a list');
    expect(bulletsAsList('No bullets here. Two sentences.')).toBe('No bullets here. Two sentences.');
    expect(bulletsAsList('Type:\n```\n• not a bullet\n```')).toBe('Type:\n```\n• not a bullet\n```');
  });

  it('the fail-safe audit answer lists its four reasons as list items, with its citation', async () => {
    const kb = new KbService(await loadKbSnapshot(resolve(__dirname, '../../kb')));
    const answer = await kb.ask('acct popped up in the failsafe audit, cant figure out the reason, what do i pick');
    if (answer.kind !== 'answer') throw new Error(`expected an answer, got ${answer.kind}`);
    const { text } = answerView(answer);
    const items = text.split('\n').filter((line) => line.startsWith('- '));
    expect(items.map((line) => line.match(/\*\*(.+?)\*\*/)?.[1])).toEqual(['Central Station Inactive', "Interactive Doesn't Exist", 'Interactive Inactive', 'Interactive Unknown']);
    // The marker goes after the lead-in: Teams shows it as a citation only outside a list.
    expect(text).toMatch(/^Pick the reason [^\n]*: \[1\]\n\n- \*\*Central Station Inactive\*\*/);
    expect(text).not.toContain('•');
    expect(text.match(/\[\d\]/g)).toEqual(['[1]']);
  });
});
