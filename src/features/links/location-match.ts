/** A location as the links feature needs it: its id and name. */
export interface LocationSummary {
  readonly id: string;
  readonly name: string;
}

export type LocationMatch =
  | { kind: 'one'; location: LocationSummary }
  | { kind: 'none' }
  | { kind: 'many'; locations: LocationSummary[] };

/** Lower case, no accents, words separated by single spaces: "Montréal-Nord" -> "montreal nord". */
export function normalise(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Finds the location a person means: its id (any case), its whole name, or else every location whose
 * id and name contain each word they typed ("portland", "foster rd" does not, "foster road" does).
 */
export function matchLocation(text: string, locations: readonly LocationSummary[]): LocationMatch {
  const query = normalise(text);
  if (!query) return { kind: 'none' };
  const byId = locations.find((l) => l.id.toLowerCase() === query.replace(/ /g, ''));
  if (byId) return { kind: 'one', location: byId };
  const byName = locations.filter((l) => normalise(l.name) === query);
  if (byName.length === 1) return { kind: 'one', location: byName[0]! };
  const words = query.split(' ');
  const hits = locations.filter((l) => {
    const haystack = `${l.id.toLowerCase()} ${normalise(l.name)}`;
    return words.every((word) => haystack.includes(word));
  });
  if (hits.length === 0) return { kind: 'none' };
  return hits.length === 1 ? { kind: 'one', location: hits[0]! } : { kind: 'many', locations: hits };
}

/** "PDX1 (Deskmate Storage Portland Foster Road), SEA1 (...)", at most `max` of them, then "and N more". */
export function describeLocations(locations: readonly LocationSummary[], max = 15): string {
  const sorted = [...locations].sort((a, b) => a.id.localeCompare(b.id));
  const shown = sorted.slice(0, max).map((l) => `${l.id} (${l.name})`);
  const more = sorted.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
