import { NO_ANSWER } from './prompt';

/** What the model's reply amounts to, once its citation markers are checked against the sources. */
export type ParsedReply =
  | { kind: 'no-answer' }
  | { kind: 'empty' }
  | {
      kind: 'answer';
      /** The reply with its markers renumbered 1..k in order of first appearance. */
      text: string;
      /** For each new number (index + 1), the 1-based number of the source it refers to. */
      cited: number[];
    };

/** `[1]`, `[2, 3]` or `[^1]`, with the spaces before it (so a dropped marker leaves no gap). */
const MARKER_GROUP = /([ \t]*)\[\^?(\d{1,3}(?:\s*,\s*\^?\d{1,3})*)\]/g;
const NO_ANSWER_WORD = new RegExp(`\\b${NO_ANSWER}\\b`);

/**
 * Reads a model reply to the KB prompt. `NO_ANSWER` anywhere means the model abstained. Markers
 * are kept only when they name one of the `sourceCount` sources given; the kept ones are
 * renumbered so the citations run 1..k in the order they first appear.
 */
export function parseModelReply(reply: string, sourceCount: number): ParsedReply {
  const trimmed = reply.trim();
  if (NO_ANSWER_WORD.test(trimmed)) return { kind: 'no-answer' };
  if (!trimmed) return { kind: 'empty' };
  const cited: number[] = [];
  const text = trimmed
    .replace(MARKER_GROUP, (_group, space: string, list: string) => {
      const wanted = [...new Set(list.split(',').map((n) => Number(n.replace(/[\s^]/g, ''))))];
      const kept = wanted.filter((n) => Number.isInteger(n) && n >= 1 && n <= sourceCount);
      if (kept.length === 0) return '';
      const renumbered = kept.map((n) => {
        if (!cited.includes(n)) cited.push(n);
        return `[${cited.indexOf(n) + 1}]`;
      });
      return `${space}${renumbered.join('')}`;
    })
    .replace(/[ \t]+$/gm, '')
    .trim();
  return text ? { kind: 'answer', text, cited } : { kind: 'empty' };
}
