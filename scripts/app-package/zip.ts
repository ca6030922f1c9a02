import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';

/** Zip entry names use forward slashes whatever the platform. */
function entryName(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Builds the Teams app package: the filled manifest as `manifest.json` plus each
 * icon under the relative path the manifest gives it (the zip root for our icons).
 */
export function buildAppPackageZip(manifest: unknown, appPackageDir: string, iconFiles: readonly string[]): Uint8Array {
  const files: Zippable = { 'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const file of iconFiles) files[entryName(file)] = new Uint8Array(readFileSync(join(appPackageDir, file)));
  return zipSync(files, { level: 9 });
}

/** Writes the zip, creating the output folder if needed. */
export function writeZip(outFile: string, bytes: Uint8Array): void {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, bytes);
}
