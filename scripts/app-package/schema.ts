import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** Where `@microsoft/app-manifest` keeps the Teams manifest schema for one manifest version. */
export function teamsSchemaPath(projectRoot: string, manifestVersion: string): string {
  return join(
    projectRoot,
    'node_modules',
    '@microsoft',
    'app-manifest',
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
}

const compiled = new Map<string, ValidateFunction>();

/** Compiles (once per file) the draft-04 schema at `schemaPath`. Nothing is fetched from the network. */
export function loadSchemaValidator(schemaPath: string): ValidateFunction {
  const cached = compiled.get(schemaPath);
  if (cached) return cached;
  if (!existsSync(schemaPath)) throw new Error(`Manifest schema not found: ${schemaPath}`);
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // The published schema is not written for Ajv's strict mode (e.g. additionalProperties without a type).
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  compiled.set(schemaPath, validate);
  return validate;
}

/** `/bots/0/botId` -> `bots[0].botId`; the empty pointer is the document root. */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '(root)';
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** One readable line per schema error, always naming the field concerned. */
export function formatSchemaError(error: ErrorObject): string {
  const base = pointerToPath(error.instancePath);
  const join = (child: string) => (base === '(root)' ? child : `${base}.${child}`);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `manifest: ${join(String(params.missingProperty))} is required but missing`;
    case 'additionalProperties':
      return `manifest: ${join(String(params.additionalProperty))} is not an allowed property`;
    case 'enum':
      return `manifest: ${base} ${error.message ?? 'is invalid'} (${JSON.stringify(params.allowedValues)})`;
    case 'const':
      return `manifest: ${base} must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return `manifest: ${base} ${error.message ?? 'is invalid'}`;
  }
}

/**
 * Validates a filled manifest against the Teams JSON schema.
 * Returns problems, one line each; an empty list means the manifest is valid.
 */
export function validateManifestSchema(
  manifest: unknown,
  schemaPath: string,
  options: { ignorePaths?: readonly string[] } = {},
): string[] {
  const validate = loadSchemaValidator(schemaPath);
  if (validate(manifest)) return [];
  // Fields still holding an unfilled placeholder are reported elsewhere; skip the knock-on schema errors.
  const ignored = new Set(options.ignorePaths ?? []);
  const lines = (validate.errors ?? [])
    .filter((error) => !ignored.has(pointerToPath(error.instancePath)))
    .map(formatSchemaError);
  return [...new Set(lines)];
}
