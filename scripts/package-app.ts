import { relative, resolve } from 'node:path';
import { resolveEnvName } from './app-package/env';
import { packageApp } from './app-package/package-app';

function main(): number {
  const projectRoot = resolve(__dirname, '..');
  let envName = '';
  try {
    envName = resolveEnvName(process.argv.slice(2), process.env);
    const result = packageApp({ projectRoot, envName });
    if (!result.ok) {
      console.error(`App package for environment "${envName}" has ${result.problems.length} problem(s):`);
      for (const problem of result.problems) console.error(problem);
      return 1;
    }
    console.log(`App package (${envName}) written to ${relative(process.cwd(), result.outFile) || result.outFile}`);
    return 0;
  } catch (err) {
    console.error(`Packaging${envName ? ` for environment "${envName}"` : ''} failed: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = main();
