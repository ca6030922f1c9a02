import type { Activity } from 'botbuilder';
import { adaptiveCard, heading, notice, text, container, type AdaptiveCard, type CardAction } from '../../shared/cards';
import type { Section } from './kb.schemas';
import type { KbAnswer, RelatedArticle } from './kb.service';

/** Teams limits for citations: 20 per message, title 80 characters, abstract 160. */
const MAX_CITATIONS = 20;
const MAX_TITLE = 80;
const MAX_ABSTRACT = 160;

export interface Citation {
  position: number;
  title: string;
  abstract: string;
  url?: string;
  path: string;
}

export interface AnswerView {
  text: string;
  citations: Citation[];
}

export const KB_VERBS = { askMentor: 'kb.askMentor' } as const;

function clip(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** "Article › Section" (or the section's own `citedAs`), shortened to fit a citation title. */
export function citationTitle(section: Section): string {
  if (section.citedAs) return clip(section.citedAs, MAX_TITLE);
  const last = section.headingPath[section.headingPath.length - 1];
  return clip(last && last !== section.articleTitle ? `${section.articleTitle} › ${last}` : section.articleTitle, MAX_TITLE);
}

/** The answer text with [n] markers after each part, and the citations they point to. */
export function answerView(answer: Extract<KbAnswer, { kind: 'answer' }>): AnswerView {
  const parts = answer.parts.slice(0, MAX_CITATIONS);
  return {
    text: parts.map((p) => withCitation(bulletsAsList(p.text), p.citation)).join('\n\n'),
    citations: parts.map((p) => ({ position: p.citation, title: citationTitle(p.section), abstract: clip(p.section.text.replace(/•/g, ''), MAX_ABSTRACT), url: p.section.url, path: p.section.articlePath })),
  };
}

/**
 * An answer's "•" lines as a Markdown list, set off from the text around it by blank lines. Teams
 * renders a message as Markdown, where lines joined by a single newline run together in one paragraph.
 * Code blocks are left as they are.
 */
export function bulletsAsList(text: string): string {
  const out: string[] = [];
  let inCode = false;
  let inList = false;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) inCode = !inCode;
    const bullet = !inCode && line.startsWith('•');
    if (bullet !== inList && out.length > 0) out.push('');
    out.push(bullet ? `- ${line.slice(1).trim()}` : line);
    inList = bullet;
  }
  return out.join('\n');
}

/**
 * Adds the [n] marker after the part's last line that is not a list item: Teams shows a marker as
 * a citation only outside lists. A part that is all list, or ends with a code block, gets the
 * marker as a paragraph after it.
 */
function withCitation(markdown: string, citation: number): string {
  const lines = markdown.split('\n');
  const last = lines.findLastIndex((line) => line.trim() !== '' && !line.startsWith('- '));
  // A code block's closing fence must stand alone.
  if (last < 0 || lines[last]!.trimStart().startsWith('```')) return `${markdown}\n\n[${citation}]`;
  lines[last] = `${lines[last]} [${citation}]`;
  return lines.join('\n');
}

/**
 * A Teams message with citations (schema.org Message entity) and the feedback buttons. `aiGenerated`
 * adds the "AI generated" label, for answers an AI model wrote.
 */
export function answerActivity(view: AnswerView, options: { aiGenerated?: boolean } = {}): Partial<Activity> {
  return {
    type: 'message',
    text: view.text,
    textFormat: 'markdown',
    channelData: { feedbackLoopEnabled: true },
    entities: [
      {
        type: 'https://schema.org/Message',
        '@type': 'Message',
        '@context': 'https://schema.org',
        '@id': '',
        ...(options.aiGenerated ? { additionalType: ['AIGeneratedContent'] } : {}),
        citation: view.citations.map((c) => ({
          '@type': 'Claim',
          position: c.position,
          appearance: { '@type': 'DigitalDocument', name: c.title, abstract: c.abstract, ...(c.url ? { url: c.url } : {}) },
        })),
      },
    ],
  };
}

/** The reply when the KB has no confident answer: say so, offer related articles and a mentor. */
export function unsureCard(question: string, related: RelatedArticle[], requestId: string): AdaptiveCard {
  const links = related.map((r) => text(r.url ? `• [${r.title}](${r.url})` : `• ${r.title} (${r.path})`, { spacing: 'None' }));
  const actions: CardAction[] = [{ type: 'Action.Submit', title: 'Ask a mentor', data: { verb: KB_VERBS.askMentor, question, requestId } }];
  return adaptiveCard(
    [
      notice("I couldn't find a confident answer to that in the knowledge base.", 'warning'),
      ...(links.length ? [text('These articles may be related:', { spacing: 'Medium' }), ...links] : []),
      text('A mentor can answer it, and the question goes on the list of KB gaps.', { isSubtle: true, spacing: 'Medium' }),
    ],
    actions,
  );
}

/** Confirms that an "Ask a mentor" press was recorded, honestly saying what happens next. */
export function askMentorRecordedCard(question: string): AdaptiveCard {
  return adaptiveCard([
    notice('Your question was recorded on the list of unanswered KB questions that mentors review.', 'good'),
    text(`"${clip(question, 300)}"`, { isSubtle: true }),
    text('Mentor requests from Deskmate are not tracked yet, so for an urgent case also ask in the mentors\u2019 Teams chat.', { size: 'Small' }),
  ]);
}

/** One message-extension result: an article section an agent can drop into a chat. */
export function searchResultCard(section: Section): AdaptiveCard {
  return adaptiveCard(
    [
      ...heading(section.articleTitle, section.headingPath.join(' › ') || undefined),
      text(clip(section.text, 600)),
    ],
    section.url ? [{ type: 'Action.OpenUrl', title: 'Open article', url: section.url }] : [],
  );
}

/** The `kb check` report. */
export function kbCheckCard(summary: { articles: number; sections: number; mentorAnswers?: number }, problems: { path: string; problem: string }[]): AdaptiveCard {
  const rows = problems.slice(0, 30).map((p) => text(`• **${p.path}**: ${p.problem}`, { spacing: 'None' }));
  const mentor = summary.mentorAnswers ? ` (with ${summary.mentorAnswers} mentor answers)` : '';
  return adaptiveCard([
    ...heading('Knowledge base check', `${summary.articles} articles, ${summary.sections} sections${mentor}`),
    problems.length ? container(rows) : notice('No problems found.', 'good'),
    ...(problems.length > 30 ? [text(`…and ${problems.length - 30} more.`, { isSubtle: true })] : []),
  ]);
}
