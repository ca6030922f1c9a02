import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Bicep cannot be compiled here (no `az bicep`), so the tests read infra/azure.bicep as text.
// These helpers only understand the simple layout that file keeps: one statement per line,
// multi-line objects, blocks closed by a `}` (or `}]`) at the start of a line.

export const ROOT = resolve(__dirname, '..', '..');
export const INFRA = resolve(ROOT, 'infra');
export const BICEP_FILE = resolve(INFRA, 'azure.bicep');

export function readBicep(): string {
  return readFileSync(BICEP_FILE, 'utf8');
}

export interface BicepParam {
  name: string;
  type: string;
  /** The default's expression, or undefined when the parameter has none (it must be passed). */
  defaultValue?: string;
  /** Values of an `@allowed([...])` decorator right above the parameter. */
  allowed?: string[];
}

/** Every `param <name> <type> [= <default>]` with its `@allowed` list. */
export function bicepParams(text: string): BicepParam[] {
  const params: BicepParam[] = [];
  let decorators = '';
  for (const line of text.split('\n')) {
    const match = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+))?$/.exec(line.trim());
    if (!match) {
      decorators = line.trim() === '' || line.startsWith('//') ? '' : `${decorators}\n${line}`;
      continue;
    }
    const allowedBlock = /@allowed\(\[([\s\S]*?)\]\)/.exec(decorators)?.[1];
    params.push({
      name: match[1]!,
      type: match[2]!,
      defaultValue: match[3]?.trim(),
      allowed: allowedBlock ? [...allowedBlock.matchAll(/'([^']*)'/g)].map((m) => m[1]!) : undefined,
    });
    decorators = '';
  }
  return params;
}

/** Names of every `output <name> <type> = ...`. */
export function bicepOutputs(text: string): string[] {
  return [...text.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]!);
}

/** A `var <name> = { key: 'value' ... }` of plain string values, as a record. */
export function bicepStringMap(text: string, name: string): Record<string, string> {
  const block = new RegExp(`^var ${name} = \\{\\n([\\s\\S]*?)\\n\\}`, 'm').exec(text)?.[1];
  if (block === undefined) throw new Error(`no "var ${name} = {" block in the Bicep`);
  const map: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const entry = /^\s*(\w+):\s*'([^']*)'\s*$/.exec(line);
    if (!entry) throw new Error(`var ${name}: cannot read the line "${line.trim()}" (keep one "key: 'value'" a line)`);
    map[entry[1]!] = entry[2]!;
  }
  return map;
}

/** A `var <name> = '<string>'`. */
export function bicepStringVar(text: string, name: string): string | undefined {
  return new RegExp(`^var ${name} = '([^']*)'$`, 'm').exec(text)?.[1];
}

export interface BicepResource {
  symbol: string;
  /** `Microsoft.Provider/type` without the API version. */
  type: string;
  apiVersion: string;
  /** The declaration's text up to its closing brace. */
  body: string;
}

/** Every top-level `resource <symbol> '<type>@<version>' = ...` block. */
export function bicepResources(text: string): BicepResource[] {
  return [...text.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'[^\n]*\n([\s\S]*?)^\}\]?$/gm)].map((m) => ({
    symbol: m[1]!,
    type: m[2]!,
    apiVersion: m[3]!,
    body: m[0],
  }));
}

export function bicepResource(text: string, symbol: string): BicepResource {
  const found = bicepResources(text).find((r) => r.symbol === symbol);
  if (!found) throw new Error(`no resource "${symbol}" in the Bicep`);
  return found;
}

/** The expression of the first `<key>: <expression>` line in a block (trimmed). */
export function property(body: string, key: string): string | undefined {
  return new RegExp(`^\\s*${key}:\\s*(.+?)\\s*$`, 'm').exec(body)?.[1];
}

/** The web app's `appSettings` as name -> Bicep expression (a literal keeps its quotes). */
export function appSettings(webAppBody: string): Map<string, string> {
  const settings = new Map<string, string>();
  for (const m of webAppBody.matchAll(/\{\s*\n\s*name:\s*'([^']+)'\s*\n\s*value:\s*(.+?)\s*\n\s*\}/g)) {
    if (settings.has(m[1]!)) throw new Error(`app setting ${m[1]} is set twice`);
    settings.set(m[1]!, m[2]!);
  }
  return settings;
}

/**
 * The Bicep without comments and string contents (an interpolation's `${...}` stays, as code):
 * what is left is structure and identifiers.
 */
export function bicepCode(text: string): string {
  let out = '';
  let i = 0;
  const code = (untilBrace: boolean): void => {
    let depth = 0;
    while (i < text.length) {
      const char = text[i]!;
      if (char === '/' && text[i + 1] === '/') {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (char === '/' && text[i + 1] === '*') {
        i = text.indexOf('*/', i + 2) + 2 || text.length;
      } else if (char === "'") {
        i++;
        string();
      } else {
        if (char === '{') depth++;
        if (char === '}' && untilBrace && depth-- === 0) return;
        out += char;
        i++;
      }
    }
  };
  const string = (): void => {
    out += "''";
    while (i < text.length) {
      const char = text[i]!;
      if (char === '\\') i += 2;
      else if (char === "'") {
        i++;
        return;
      } else if (char === '$' && text[i + 1] === '{') {
        i += 2;
        out += ' (';
        code(true);
        out += ') ';
        i++;
      } else i++;
    }
  };
  code(false);
  return out;
}

/** The text of a plain single-quoted Bicep string without interpolation, else undefined. */
export function literal(expression: string): string | undefined {
  return /^'([^'$]*)'$/.exec(expression)?.[1];
}

/** `${{NAME}}` placeholders of the Agents Toolkit in a text. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_]\w*)\s*\}\}/g)].map((m) => m[1]!))];
}

/** Reads a dotenv-style file (KEY=value lines) without any expansion. */
export function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const entry = /^\s*([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(line);
    if (entry) values[entry[1]!] = entry[2]!;
  }
  return values;
}
