import { describe, expect, it } from 'vitest';
import { parseModelReply } from '../../../src/features/kb/generative/citations';
import { formatSources } from '../../../src/features/kb/generative/prompt';
import { generativeAnswerView } from '../../../src/features/kb/generative/generative-view';
import type { Section } from '../../../src/features/kb/kb.schemas';

const section = (n: number, text = `Text of section ${n}.`): Section => ({
  id: `kb/a${n}.md#s`,
  articlePath: `kb/a${n}.md`,
  articleTitle: `Article ${n}`,
  headingPath: [`Section ${n}`],
  anchor: 's',
  text,
  url: `https://kb.example.com/a${n}#s`,
});

describe('reading the model reply', () => {
  it('treats NO_ANSWER, alone or with words around it, as an abstention', () => {
    expect(parseModelReply('NO_ANSWER', 3)).toEqual({ kind: 'no-answer' });
    expect(parseModelReply(' NO_ANSWER.\n', 3)).toEqual({ kind: 'no-answer' });
    expect(parseModelReply('The sources do not say. NO_ANSWER', 3)).toEqual({ kind: 'no-answer' });
  });

  it('reports an empty reply, or one left empty once bad markers are gone', () => {
    expect(parseModelReply('  ', 3)).toEqual({ kind: 'empty' });
    expect(parseModelReply('[7]', 3)).toEqual({ kind: 'empty' });
  });

  it('renumbers kept markers by first appearance and drops markers for sources not given', () => {
    expect(parseModelReply('A [3]. B [1, 3] and C [4]. D [^2][0].', 3)).toEqual({ kind: 'answer', text: 'A [1]. B [2][1] and C. D [3].', cited: [3, 1, 2] });
  });

  it('keeps a reply without markers as an answer citing nothing (the caller decides)', () => {
    expect(parseModelReply('Just text.', 3)).toEqual({ kind: 'answer', text: 'Just text.', cited: [] });
  });
});

describe('sources and citations', () => {
  it('numbers the sources as "[n] Article › Section: text", one line each', () => {
    expect(formatSources([section(1), section(2, 'Two\n\n• lines')])).toBe('[1] Article 1 › Section 1: Text of section 1.\n[2] Article 2 › Section 2: Two • lines');
  });

  it('builds one citation per cited section, with Teams-sized titles and abstracts', () => {
    const long = section(1, 'x '.repeat(200));
    const view = generativeAnswerView('A [1]. B [2].', [long, section(2)]);
    expect(view.citations.map((c) => c.position)).toEqual([1, 2]);
    expect(view.citations[0]).toMatchObject({ title: 'Article 1 › Section 1', path: 'kb/a1.md', url: 'https://kb.example.com/a1#s' });
    expect(view.citations[0]!.abstract.length).toBeLessThanOrEqual(160);
  });
});
