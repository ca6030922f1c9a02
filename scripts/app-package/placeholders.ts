/** Matches `${{NAME}}` (spaces inside the braces are tolerated). */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface MissingPlaceholder {
  /** The variable name, e.g. BOT_ID. */
  name: string;
  /** Where in the document it was used, e.g. `bots[0].botId`. */
  paths: string[];
}

export interface FillResult<T> {
  value: T;
  missing: MissingPlaceholder[];
}

/** Every distinct placeholder name used in a string. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** Replaces the placeholders in one string; names without a value are left as they are and reported. */
export function fillString(text: string, values: Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text: filled, missing: [...missing] };
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const safe = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
  if (!parent) return safe;
  return safe.startsWith('"') ? `${parent}[${safe}]` : `${parent}.${safe}`;
}

/**
 * Fills placeholders in every string (keys and values) of a parsed JSON document.
 * Working on the parsed document keeps the output valid JSON whatever the values contain.
 */
export function fillPlaceholders<T>(doc: T, values: Readonly<Record<string, string>>): FillResult<T> {
  const missing = new Map<string, string[]>();
  const note = (names: string[], path: string) => {
    for (const name of names) {
      const paths = missing.get(name) ?? [];
      paths.push(path || '(root)');
      missing.set(name, paths);
    }
  };
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      const result = fillString(node, values);
      note(result.missing, path);
      return result.text;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, childPath(path, i)));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        const filledKey = fillString(key, values);
        note(filledKey.missing, path);
        out[filledKey.text] = walk(value, childPath(path, key));
      }
      return out;
    }
    return node;
  };
  const value = walk(doc, '') as T;
  return { value, missing: [...missing].map(([name, paths]) => ({ name, paths })) };
}

/** A one-line description of a placeholder that has no value. */
export function describeMissing(item: MissingPlaceholder, filesLookedAt: readonly string[]): string {
  const where = item.paths.join(', ');
  const files = filesLookedAt.length ? filesLookedAt.join(', ') : '(no files)';
  return `Placeholder \${{${item.name}}} (used at ${where}) has no value: set ${item.name} in ${files} or in the process environment`;
}
