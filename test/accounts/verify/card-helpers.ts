/** Reading Adaptive Card JSON in tests: actions, inputs by id, and the text a person reads. */

export type Card = { type: string; body: Record<string, unknown>[]; actions?: Record<string, unknown>[] };

/** Every action in a card (buttons and fallbacks), depth first. */
export function actionsOf(card: unknown): { type: string; title: string; verb?: string; data?: Record<string, unknown> }[] {
  const found: { type: string; title: string; verb?: string; data?: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) found.push(o as unknown as (typeof found)[number]);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The element with this id (an input), anywhere in the card. */
export function elementById(card: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) return card.map((c) => elementById(c, id)).find(Boolean);
  if (!card || typeof card !== 'object') return undefined;
  const o = card as Record<string, unknown>;
  if (o.id === id) return o;
  return Object.values(o).map((v) => elementById(v, id)).find(Boolean);
}

/** All text a person reads on the card. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'label', 'value']) if (typeof o[key] === 'string') out.push(o[key] as string);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}
