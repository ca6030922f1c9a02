/** What the note checks read: the free-text parts of a note as the agent typed them. */
export interface NoteDraftText {
  reason: string;
  resolution: string;
  additionalInfo: string;
  followUp: string;
  /** The agent ticked "the customer asked for their own words to be quoted". */
  quoteRequested: boolean;
}

export type NoteTextField = 'reason' | 'resolution' | 'additionalInfo' | 'followUp';

/**
 * One thing a check found. `block` findings stop the save until the text changes (card numbers,
 * full IDs, SSNs, passwords); `warn` findings can be saved anyway.
 */
export interface NoteFinding {
  ruleId: string;
  severity: 'block' | 'warn';
  /** Where it was found; absent for a finding about the whole note (a missing field has its field). */
  field?: NoteTextField;
  /** One line the agent reads: what is wrong and what to do. Never repeats a secret it found. */
  message: string;
  /** The words that set it off, for showing next to the message; masked for secrets. */
  excerpt?: string;
}

/** One note check, kept as data: what it is called, how hard it stops the agent, and how it looks. */
export interface NoteCheckRule {
  id: string;
  severity: NoteFinding['severity'];
  /** One line an agent reads to understand the rule. */
  summary: string;
  find(draft: NoteDraftText): NoteFinding[];
}
