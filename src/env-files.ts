import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';

/**
 * Merges the environment files of the Agents Toolkit layout under `dir`:
 * `.env`, then `env/.env.<TEAMSFX_ENV>` and `env/.env.<TEAMSFX_ENV>.user`, then `.localConfigs`.
 * Later files win over earlier ones, and real environment variables win over every file.
 */
export function readEnvironment(dir: string, processEnv: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const envName = processEnv.TEAMSFX_ENV;
  const files = ['.env', ...(envName ? [`env/.env.${envName}`, `env/.env.${envName}.user`, `.localConfigs.${envName}`] : []), '.localConfigs'];
  const merged: Record<string, string | undefined> = {};
  for (const file of files) {
    const path = join(dir, file);
    if (existsSync(path)) Object.assign(merged, parse(readFileSync(path)));
  }
  return { ...merged, ...processEnv };
}
