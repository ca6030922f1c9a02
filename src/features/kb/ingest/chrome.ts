/**
 * Page chrome that help-center and e-learning exports carry around the real content: navigation,
 * author and date lines, feedback prompts, template adverts. Matched line by line, case-insensitive.
 */
const CHROME_PATTERNS: RegExp[] = [
  /^skip to (main )?content$/,
  /^(document toolbox)+$/,
  /^recently viewed$/,
  /^did this answer your question\??\s*\d*$/,
  /^was this (article|page) helpful\??/,
  /^start designing with a free template$/,
  /^get started free$/,
  /^want to create interactive content\?/,
  /^discover more than [\d,]+ professional designs/,
  /^return to the main support page$/,
  /^download pdf( outline)?$/,
  /^(print|share|copy link|table of contents|transcript|start|next|restart)$/,
  /^topics?:/,
  /^need help\? contact/,
  /^.{1,60} avatar$/,
  /^(written|posted) by\b/,
  /^(created|published) on\b/,
  /^(last )?updated (on |over |about |almost )?[\w ,:]*(ago|\d{4})$/,
  /^updated \d+ (minute|hour|day|week|month|year)s? ago$/,
];

/** True when a line is page chrome rather than content. */
export function isChromeLine(line: string): boolean {
  const text = line.replace(/^[•*\-\s]+/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!text) return false;
  return CHROME_PATTERNS.some((p) => p.test(text));
}

/** True for author and date lines, which sit right under an export's real title. */
export function isBylineLine(line: string): boolean {
  const text = line.replace(/^[•*\-\s]+/, '').trim().toLowerCase();
  return /^(written|posted) by\b|^(created|published) on\b|^(last )?updated\b|avatar$/.test(text);
}
