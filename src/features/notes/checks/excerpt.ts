import { redactRange } from './secret-patterns';

/**
 * A short piece of `text` around [start, end) to show next to a finding: cut at word boundaries,
 * marked with "…" where cut, and with any secret in it masked (the cut never splits a secret).
 */
export function excerptAround(text: string, start: number, end: number, maxLength = 100): string {
  const room = Math.max(0, maxLength - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(text.length, end + (room - (start - from)));
  from = Math.max(0, Math.min(from, to - maxLength));
  if (from > 0) from = snapForward(text, from, start);
  if (to < text.length) to = snapBack(text, to, end);
  const redacted = redactRange(text, from, to);
  const body = redacted.text.trim();
  return `${redacted.start > 0 ? '…' : ''}${body}${redacted.end < text.length ? '…' : ''}`;
}

/** The whole of a (short) sentence, or a piece of it around a match. */
export function excerptOfMatch(sentence: string, match: { index: number; 0: string }, maxLength = 100): string {
  return excerptAround(sentence, match.index, match.index + match[0].length, maxLength);
}

function snapForward(text: string, at: number, limit: number): number {
  const space = text.indexOf(' ', at);
  return space >= 0 && space < limit ? space + 1 : at;
}

function snapBack(text: string, at: number, limit: number): number {
  const space = text.lastIndexOf(' ', at);
  return space > limit ? space : at;
}

/** Exactly the words at [start, end), secrets masked, cut to `maxLength` (with "…") when longer. */
export function spanExcerpt(text: string, start: number, end: number, maxLength = 80): string {
  const cut = end - start > maxLength ? snapBack(text, start + maxLength, start) : end;
  const redacted = redactRange(text, start, cut);
  return `${redacted.text.trim()}${redacted.end < end ? '…' : ''}`;
}
