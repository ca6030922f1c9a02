import { describe, expect, it } from 'vitest';
import { cardBytes } from '../../../src/shared/cards';
import { answerView } from '../../../src/features/kb/kb.cards';
import { generativeAnswerView } from '../../../src/features/kb/generative/generative-view';
import type { KbAnswer } from '../../../src/features/kb/kb.service';
import { lastDays, normalizeQuestion, rankGaps, type GapDoc } from '../../../src/features/kb/mentor-answers/kb-gaps';
import { mentorAnswerArticle, mentorCitationTitle } from '../../../src/features/kb/mentor-answers/mentor-answers.articles';
import { kbGapsCard, mentorAnswersListCard } from '../../../src/features/kb/mentor-answers/mentor-answers.cards';
import type { MentorAnswer } from '../../../src/features/kb/mentor-answers/mentor-answers.schemas';
import { actionsOf, cardText } from '../../accounts/verify/card-helpers';

const entry = (i: number, name = 'Morgan Mentor'): MentorAnswer => ({
  id: `entry-${i}`,
  question: `Question number ${i} about storage?`,
  answer: `Answer number ${i}: ${'do the right thing. '.repeat(50)}`,
  mentor: { id: 'm1', name },
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-04T09:30:00.000Z',
  updatedBy: { id: 'm1', name },
  active: true,
  source: { origin: 'direct', question: `Question number ${i} about storage?` },
});

describe('mentor answers as KB content', () => {
  it('becomes one article with one section, cited "Mentor answer by <name>, <date>" with no url', () => {
    const article = mentorAnswerArticle(entry(1));
    expect(article).toMatchObject({ path: 'mentor-answers/entry-1', title: 'Question number 1 about storage?', source: 'mentor', updated: '2026-05-04' });
    expect(article.sections).toHaveLength(1);
    const section = article.sections[0]!;
    expect(section.citedAs).toBe('Mentor answer by Morgan Mentor, 2026-05-04');
    const answer: Extract<KbAnswer, { kind: 'answer' }> = { kind: 'answer', question: 'q', confidence: 1, sources: [section], parts: [{ citation: 1, section, text: 'Answer number 1.' }] };
    const [citation] = answerView(answer).citations;
    expect(citation).toMatchObject({ title: 'Mentor answer by Morgan Mentor, 2026-05-04', path: 'mentor-answers/entry-1' });
    expect(citation!.url).toBeUndefined();
    expect(citation!.abstract.startsWith('Answer number 1: do the right thing.')).toBe(true);
    expect(citation!.abstract.length).toBeLessThanOrEqual(160);
    // A model-written answer cites it the same way.
    expect(generativeAnswerView('Answer [1]', [section]).citations[0]).toMatchObject({ title: 'Mentor answer by Morgan Mentor, 2026-05-04', url: undefined });
  });

  it('keeps the citation title within 80 characters by shortening a long name, never the date', () => {
    const title = mentorCitationTitle({ mentor: { id: 'x', name: 'Maximiliana Alexandra Bartholomew-Featherstonehaugh von Something Long' }, updatedAt: '2026-05-04T00:00:00Z' });
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.startsWith('Mentor answer by Maximiliana')).toBe(true);
    expect(title.endsWith('…, 2026-05-04')).toBe(true);
  });
});

describe('the kb answers list', () => {
  it('pages ten at a time with Show more and Previous', () => {
    const all = Array.from({ length: 23 }, (_, i) => entry(i));
    const first = mentorAnswersListCard(all);
    expect(actionsOf(first).filter((a) => a.title === 'Edit' && a.type === 'Action.Execute')).toHaveLength(10);
    expect(actionsOf(first).some((a) => a.title === 'Show more')).toBe(true);
    expect(actionsOf(first).some((a) => a.title === 'Previous')).toBe(false);
    const last = mentorAnswersListCard(all, 2);
    expect(actionsOf(last).filter((a) => a.title === 'Retire' && a.type === 'Action.Execute')).toHaveLength(3);
    expect(cardText(last)).toContain('Page 3 of 3');
    expect(actionsOf(last).find((a) => a.title === 'Previous' && a.type === 'Action.Execute')!.data).toEqual({ page: 1 });
    expect(cardBytes(first)).toBeLessThan(40_000);
  });
});

describe('kb gaps', () => {
  const at = (day: string, hh = '12') => `${day}T${hh}:00:00.000Z`;
  const unanswered = (question: string, day: string, hh?: string): GapDoc => ({ id: `u-${Math.random()}`, day, at: at(day, hh), kind: 'unanswered', question, confidence: 0.1, related: [] });
  const dislike = (question: string, day: string, answerMatchedBy: 'reply' | 'none' = 'reply'): GapDoc => ({ id: `f-${Math.random()}`, day, at: at(day), kind: 'feedback', reaction: 'dislike', question, answer: 'a', citations: [], answerMatchedBy });

  it('groups questions that differ only in case, punctuation or spacing, most frequent first', () => {
    const gaps = rankGaps(
      [
        unanswered('Where is the fax?', '2026-05-01'),
        unanswered('WHERE is   the fax', '2026-05-02', '09'),
        { id: 'r1', day: '2026-05-02', at: at('2026-05-02', '10'), kind: 'mentor-request', question: 'where is the fax' },
        unanswered('pets in units?', '2026-05-03'),
        dislike('pets in units', '2026-05-03'),
        dislike('pets in units', '2026-05-04'),
        dislike('(not remembered)', '2026-05-04', 'none'),
        unanswered('already answered', '2026-05-04'),
      ],
      new Set([normalizeQuestion('Already answered!')]),
    );
    expect(gaps.map((g) => [g.question, g.unanswered, g.mentorRequests, g.dislikes])).toEqual([
      ['pets in units', 1, 0, 2],
      ['where is the fax', 2, 1, 0],
    ]);
  });

  it('looks at the last 30 UTC days, today first, and lists at most 10 within a small card', () => {
    const days = lastDays(new Date('2026-05-04T23:59:00Z'));
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2026-05-04');
    expect(days[29]).toBe('2026-04-05');
    const docs = Array.from({ length: 15 }, (_, i) => unanswered(`${'a long question '.repeat(60)} ${i}`, '2026-05-01'));
    const gaps = rankGaps(docs, new Set());
    expect(gaps).toHaveLength(10);
    expect(cardBytes(kbGapsCard(gaps))).toBeLessThan(40_000);
  });
});
