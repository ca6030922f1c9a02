import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';

/** Values gathered for placeholder filling, with the files that were consulted. */
export interface EnvValues {
  /** Merged values: `env/.env.<name>`, then `env/.env.<name>.user`, then the process environment. */
  values: Record<string, string>;
  /** Every file that was consulted, in order, whether or not it exists. */
  filesLookedAt: string[];
  /** The subset of `filesLookedAt` that was actually found and read. */
  filesRead: string[];
}

export const DEFAULT_ENV_NAME = 'dev';

/**
 * Picks the environment name: `--env <name>` or `--env=<name>` from the arguments,
 * then TEAMSFX_ENV, then `dev`.
 */
export function resolveEnvName(argv: readonly string[], processEnv: NodeJS.ProcessEnv): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--env') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error('--env needs a value, for example --env dev');
      return next;
    }
    if (arg?.startsWith('--env=')) {
      const value = arg.slice('--env='.length);
      if (!value) throw new Error('--env needs a value, for example --env=dev');
      return value;
    }
  }
  const fromEnv = processEnv.TEAMSFX_ENV;
  return fromEnv && fromEnv.trim() ? fromEnv.trim() : DEFAULT_ENV_NAME;
}

/** The environment files of the Agents Toolkit layout for one environment, lowest priority first. */
export function envFilesFor(envDir: string, envName: string): string[] {
  if (!/^[A-Za-z0-9_.-]+$/.test(envName) || envName.includes('..')) {
    throw new Error(`Invalid environment name "${envName}"`);
  }
  return [join(envDir, `.env.${envName}`), join(envDir, `.env.${envName}.user`)];
}

/**
 * Reads `env/.env.<name>` then `env/.env.<name>.user` (later wins) and lays the
 * process environment over them. Empty values count as unset, so an empty
 * `BOT_ID=` line in a file never hides a value from elsewhere, and an empty
 * process variable never hides a file value.
 */
export function loadEnvValues(envDir: string, envName: string, processEnv: NodeJS.ProcessEnv): EnvValues {
  const filesLookedAt = envFilesFor(envDir, envName);
  const filesRead: string[] = [];
  const values: Record<string, string> = {};
  const put = (source: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined && value !== '') values[key] = value;
    }
  };
  for (const file of filesLookedAt) {
    if (!existsSync(file)) continue;
    put(parse(readFileSync(file)));
    filesRead.push(file);
  }
  put(processEnv);
  return { values, filesLookedAt, filesRead };
}
