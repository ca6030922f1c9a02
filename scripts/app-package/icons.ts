import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngSize {
  width: number;
  height: number;
}

/**
 * Reads width and height from a PNG's IHDR chunk, which must directly follow the signature.
 * Throws if the bytes are not a PNG.
 */
export function readPngSize(bytes: Uint8Array): PngSize {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  const chunkLength = buf.readUInt32BE(8);
  const chunkType = buf.toString('latin1', 12, 16);
  if (chunkType !== 'IHDR' || chunkLength !== 13) throw new Error('PNG does not start with an IHDR chunk');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The icons a manifest declares, with the pixel size Teams requires for each. */
export interface IconSpec {
  /** Manifest key under `icons`. */
  key: 'color' | 'outline';
  /** Relative path as written in the manifest. */
  file: string;
  size: number;
}

export const REQUIRED_ICON_SIZES: Readonly<Record<IconSpec['key'], number>> = { color: 192, outline: 32 };

/** Lists the required icons from a manifest; problems for entries that are absent or unusable. */
export function iconSpecs(manifest: unknown): { icons: IconSpec[]; problems: string[] } {
  const icons: IconSpec[] = [];
  const problems: string[] = [];
  const declared =
    manifest && typeof manifest === 'object' ? (manifest as { icons?: unknown }).icons : undefined;
  for (const key of Object.keys(REQUIRED_ICON_SIZES) as IconSpec['key'][]) {
    const file = declared && typeof declared === 'object' ? (declared as Record<string, unknown>)[key] : undefined;
    if (typeof file !== 'string' || !file) {
      problems.push(`icons.${key}: no file given`);
      continue;
    }
    const clean = normalize(file);
    if (isAbsolute(file) || clean.startsWith(`..${sep}`) || clean === '..') {
      problems.push(`icons.${key}: ${file} must be a path inside the app package folder`);
      continue;
    }
    icons.push({ key, file, size: REQUIRED_ICON_SIZES[key] });
  }
  return { icons, problems };
}

/** Checks that each icon exists in `appPackageDir`, is a PNG and has the required size. */
export function checkIcons(icons: readonly IconSpec[], appPackageDir: string): string[] {
  const problems: string[] = [];
  for (const icon of icons) {
    const path = join(appPackageDir, icon.file);
    if (!existsSync(path)) {
      problems.push(`icons.${icon.key}: ${icon.file} not found in ${appPackageDir}`);
      continue;
    }
    let size: PngSize;
    try {
      size = readPngSize(readFileSync(path));
    } catch (err) {
      problems.push(`icons.${icon.key}: ${icon.file} is unreadable as PNG (${(err as Error).message})`);
      continue;
    }
    if (size.width !== icon.size || size.height !== icon.size) {
      problems.push(
        `icons.${icon.key}: ${icon.file} is ${size.width}x${size.height}, it must be ${icon.size}x${icon.size}`,
      );
    }
  }
  return problems;
}
