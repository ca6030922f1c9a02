/**
 * Small, typed builders for Adaptive Card 1.5 JSON. Feature card modules compose these;
 * every builder is a pure function.
 */
export type CardElement = Record<string, unknown> & { type: string };
export type CardAction = Record<string, unknown> & { type: string; title: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width?: 'Full' };
  [key: string]: unknown;
}

export function adaptiveCard(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export function heading(text: string, subtitle?: string): CardElement[] {
  const title: CardElement = { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' };
  return subtitle ? [title, { type: 'TextBlock', text: subtitle, isSubtle: true, spacing: 'None', wrap: true }] : [title];
}

export function text(value: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function facts(entries: [string, string][]): CardElement {
  return { type: 'FactSet', facts: entries.map(([title, value]) => ({ title, value })) };
}

export function container(items: CardElement[], options: Record<string, unknown> = {}): CardElement {
  return { type: 'Container', items, ...options };
}

/** A notice with a colored accent: "attention" for problems, "warning" for cautions, "good" for success. */
export function notice(message: string, style: 'attention' | 'warning' | 'good' | 'accent'): CardElement {
  return container([text(message, { weight: 'Bolder' })], {
    style: style === 'accent' ? 'accent' : style === 'good' ? 'good' : style === 'warning' ? 'warning' : 'attention',
    bleed: false,
  });
}

/**
 * A button that runs a text command as if the user typed it. It is a plain Action.Submit carrying
 * `{ command }` (the bot reads it as the message text): Agents Playground ignores imBack and
 * messageBack buttons, and Teams handles this form too.
 */
export function commandButton(title: string, command: string): CardAction {
  return { type: 'Action.Submit', title, data: { [COMMAND_FIELD]: command } };
}

/** The field of a card submit that carries a text command. */
export const COMMAND_FIELD = 'command';

/** Wraps a card as a Bot Framework attachment. */
export function cardAttachment(card: AdaptiveCard) {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}

/** The serialized size of a card in bytes; Teams refuses cards over about 40 KB. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
