import { ConfigError, parseConfig } from '../../src/config';

/** The lines parseConfig reports for this environment (empty when it is valid). */
export function configProblems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
