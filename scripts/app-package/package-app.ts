import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadEnvValues } from './env';
import { checkIcons, iconSpecs } from './icons';
import { describeMissing, fillPlaceholders } from './placeholders';
import { teamsSchemaPath, validateManifestSchema } from './schema';
import { buildAppPackageZip, writeZip } from './zip';

export interface PackageAppOptions {
  /** Project root; node_modules (for the schema) is looked up here. */
  projectRoot: string;
  /** Environment name, e.g. `dev` or `playground`. */
  envName: string;
  /** Folder holding manifest.json and the icons. Default `<root>/appPackage`. */
  appPackageDir?: string;
  /** Folder holding the `.env.<name>` files. Default `<root>/env`. */
  envDir?: string;
  /** Where to write the zip. Default `<appPackageDir>/build/appPackage.zip`. */
  outFile?: string;
  /** Manifest schema to validate against. Default: the one matching the manifest's manifestVersion. */
  schemaPath?: string;
  /** Real environment variables; they win over the files. Default `process.env`. */
  processEnv?: NodeJS.ProcessEnv;
}

export type PackageAppResult =
  | { ok: true; outFile: string; manifest: Record<string, unknown> }
  | { ok: false; problems: string[] };

/** Reads and parses manifest.json, reporting a problem instead of throwing. */
export function readManifest(manifestPath: string): { manifest?: Record<string, unknown>; problems: string[] } {
  if (!existsSync(manifestPath)) return { problems: [`${manifestPath} does not exist`] };
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { problems: [`${manifestPath} must hold a JSON object`] };
    }
    return { manifest: parsed as Record<string, unknown>, problems: [] };
  } catch (err) {
    return { problems: [`${manifestPath} is not valid JSON: ${(err as Error).message}`] };
  }
}

/**
 * Fills the manifest's placeholders from the environment files, validates it and its icons,
 * and on success writes the app package zip. Problems are returned, never thrown.
 */
export function packageApp(options: PackageAppOptions): PackageAppResult {
  const root = options.projectRoot;
  const appPackageDir = options.appPackageDir ?? join(root, 'appPackage');
  const envDir = options.envDir ?? join(root, 'env');
  const outFile = options.outFile ?? join(appPackageDir, 'build', 'appPackage.zip');
  const shown = (path: string) => {
    const rel = relative(root, path);
    return rel && !rel.startsWith('..') ? rel : path;
  };

  const read = readManifest(join(appPackageDir, 'manifest.json'));
  if (!read.manifest) return { ok: false, problems: read.problems };

  const env = loadEnvValues(envDir, options.envName, options.processEnv ?? process.env);
  const filled = fillPlaceholders(read.manifest, env.values);
  const fileLabels = env.filesLookedAt.map((f) => (env.filesRead.includes(f) ? shown(f) : `${shown(f)} (not found)`));
  const problems = filled.missing.map((m) => describeMissing(m, fileLabels));

  const version = filled.value.manifestVersion;
  const schemaPath = options.schemaPath ?? (typeof version === 'string' ? teamsSchemaPath(root, version) : undefined);
  if (!schemaPath) {
    problems.push('manifest: manifestVersion is required to pick the schema');
  } else if (!existsSync(schemaPath)) {
    problems.push(`manifest: no schema for manifestVersion ${JSON.stringify(version)} (looked for ${shown(schemaPath)})`);
  } else {
    const ignorePaths = filled.missing.flatMap((m) => m.paths);
    problems.push(...validateManifestSchema(filled.value, schemaPath, { ignorePaths }));
  }

  const icons = iconSpecs(filled.value);
  problems.push(...icons.problems, ...checkIcons(icons.icons, appPackageDir));

  if (problems.length > 0) return { ok: false, problems };

  writeZip(outFile, buildAppPackageZip(filled.value, appPackageDir, icons.icons.map((i) => i.file)));
  return { ok: true, outFile, manifest: filled.value };
}
