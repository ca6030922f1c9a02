/**
 * A TOY embedding for tests, served by the fake Azure OpenAI endpoint in the real wire format. It is
 * not a language model and says nothing about how good real embeddings are: it is a normalized
 * bag of words in which the words of each synonym group below share one dimension, so that
 * "second space" and "additional unit" land close together while sharing no word. Every other word
 * gets a dimension of its own by hashing. Deterministic, so tests can predict similarities.
 */
export const TOY_SYNONYMS: readonly (readonly string[])[] = [
  ['additional', 'second', 'another', 'extra'],
  ['unit', 'space', 'locker'],
  ['discount', 'cheaper', 'reduction', 'less', 'savings'],
  ['gate', 'entrance', 'door'],
  ['code', 'pin', 'passcode'],
  ['late', 'overdue', 'behind'],
  ['fee', 'charge', 'penalty'],
];

const STOP = new Set(['a', 'an', 'the', 'is', 'are', 'at', 'on', 'of', 'to', 'for', 'from', 'who', 'what', 'do', 'does', 'can', 'i', 'my', 'their', 'they', 'it', 'and', 'or', 'when', 'how']);
export const TOY_DIMENSIONS = 512;

function hash(word: string): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i += 1) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Lower-case words, a plural "s" dropped, stop words out. */
export function toyWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)).filter((w) => !STOP.has(w));
}

export function toyEmbedding(text: string): number[] {
  const vector = new Array<number>(TOY_DIMENSIONS).fill(0);
  for (const word of toyWords(text)) {
    const group = TOY_SYNONYMS.findIndex((g) => g.includes(word));
    const dimension = group >= 0 ? group : TOY_SYNONYMS.length + (hash(word) % (TOY_DIMENSIONS - TOY_SYNONYMS.length));
    vector[dimension]! += 1;
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) vector[TOY_DIMENSIONS - 1] = 1; // real models never answer a zero vector either
  return norm === 0 ? vector : vector.map((x) => x / norm);
}

/** Cosine similarity of two texts under the toy embedding (its vectors are unit length). */
export function toySimilarity(a: string, b: string): number {
  const x = toyEmbedding(a);
  const y = toyEmbedding(b);
  return x.reduce((sum, v, i) => sum + v * y[i]!, 0);
}
