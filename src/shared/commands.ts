/** A text command a feature answers, as the help card and the manifest list it. */
export interface CommandInfo {
  /** The word that starts the command, e.g. "whoami". */
  readonly name: string;
  /** How to type it, e.g. "account <phone, email, name or unit>". */
  readonly usage: string;
  readonly description: string;
  /** The permission it needs; undefined means anyone may use it. */
  readonly permission?: string;
  /** A complete command to send from a button, when it needs no arguments. */
  readonly example?: string;
  /** The button's title for `example`, e.g. "Who am I?". */
  readonly buttonTitle?: string;
}
