import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnvValues, resolveEnvName } from '../../scripts/app-package/env';
import { checkIcons, iconSpecs, readPngSize } from '../../scripts/app-package/icons';
import { packageApp, readManifest } from '../../scripts/app-package/package-app';
import { fillPlaceholders } from '../../scripts/app-package/placeholders';
import { teamsSchemaPath, validateManifestSchema } from '../../scripts/app-package/schema';
import { tempDir } from '../helpers/temp-dir';

const ROOT = resolve(__dirname, '..', '..');
const APP_PACKAGE = join(ROOT, 'appPackage');
const SCHEMA = teamsSchemaPath(ROOT, '1.22');

const APP_ID = '11111111-2222-4333-8444-555555555555';
const BOT_ID = '99999999-8888-4777-8666-555555555555';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

function scratch(): string {
  const dir = tempDir('deskmate-pkg-');
  cleanups.push(dir.remove);
  return dir.path;
}

function realManifest(): Record<string, unknown> {
  const { manifest, problems } = readManifest(join(APP_PACKAGE, 'manifest.json'));
  expect(problems).toEqual([]);
  return manifest as Record<string, unknown>;
}

/** A copy of the real app package folder (optionally with a changed manifest) plus an env folder. */
function workspace(envFiles: Record<string, string>, editManifest?: (m: Record<string, unknown>) => void) {
  const root = scratch();
  const appPackageDir = join(root, 'appPackage');
  const envDir = join(root, 'env');
  mkdirSync(appPackageDir);
  mkdirSync(envDir);
  const manifest = realManifest();
  editManifest?.(manifest);
  writeFileSync(join(appPackageDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  copyFileSync(join(APP_PACKAGE, 'color.png'), join(appPackageDir, 'color.png'));
  copyFileSync(join(APP_PACKAGE, 'outline.png'), join(appPackageDir, 'outline.png'));
  for (const [name, text] of Object.entries(envFiles)) writeFileSync(join(envDir, name), text);
  return { root, appPackageDir, envDir, outFile: join(root, 'out', 'appPackage.zip') };
}

const GOOD_ENV = {
  '.env.test': `TEAMS_APP_ID=${APP_ID}\nBOT_ID=\nBOT_DOMAIN=file.example.com\n`,
  '.env.test.user': `BOT_ID=${BOT_ID}\n`,
};

describe('environment name', () => {
  it('prefers --env, then TEAMSFX_ENV, then dev', () => {
    expect(resolveEnvName(['--env', 'playground'], { TEAMSFX_ENV: 'staging' })).toBe('playground');
    expect(resolveEnvName(['--env=prod'], {})).toBe('prod');
    expect(resolveEnvName([], { TEAMSFX_ENV: 'staging' })).toBe('staging');
    expect(resolveEnvName([], {})).toBe('dev');
    expect(() => resolveEnvName(['--env'], {})).toThrow(/--env needs a value/);
  });
});

describe('placeholder values', () => {
  it('reads .env.<name> then .env.<name>.user, with the process environment winning', () => {
    const { envDir } = workspace(GOOD_ENV);
    const env = loadEnvValues(envDir, 'test', { BOT_DOMAIN: 'process.example.com', UNRELATED: '' });
    expect(env.values.TEAMS_APP_ID).toBe(APP_ID);
    expect(env.values.BOT_ID).toBe(BOT_ID); // the empty line in .env.test does not win over .user
    expect(env.values.BOT_DOMAIN).toBe('process.example.com');
    expect(env.values).not.toHaveProperty('UNRELATED');
    expect(env.filesRead).toEqual([join(envDir, '.env.test'), join(envDir, '.env.test.user')]);
  });

  it('fills every placeholder of the real manifest from a temp env dir', () => {
    const { envDir } = workspace(GOOD_ENV);
    const env = loadEnvValues(envDir, 'test', {});
    const filled = fillPlaceholders(realManifest(), env.values);
    expect(filled.missing).toEqual([]);
    expect(filled.value.id).toBe(APP_ID);
    expect((filled.value.bots as { botId: string }[])[0]?.botId).toBe(BOT_ID);
    expect(filled.value.validDomains).toEqual(['file.example.com']);
    expect(JSON.stringify(filled.value)).not.toContain('${{');
  });

  it('keeps the JSON valid whatever the value contains', () => {
    const filled = fillPlaceholders({ a: 'x ${{ V }} y' }, { V: 'quote " and \\ backslash' });
    expect(filled.value.a).toBe('x quote " and \\ backslash y');
  });

  it('reports a placeholder without value by name and where it is used', () => {
    const filled = fillPlaceholders(realManifest(), { TEAMS_APP_ID: APP_ID, BOT_DOMAIN: 'x.example.com' });
    expect(filled.missing).toEqual([{ name: 'BOT_ID', paths: ['bots[0].botId', 'composeExtensions[0].botId'] }]);
  });
});

describe('manifest schema', () => {
  const filledReal = () =>
    fillPlaceholders(realManifest(), { TEAMS_APP_ID: APP_ID, BOT_ID, BOT_DOMAIN: 'x.example.com' }).value;

  it('accepts the real manifest once filled', () => {
    expect(validateManifestSchema(filledReal(), SCHEMA)).toEqual([]);
  });

  it('rejects the unfilled manifest because ids are not GUIDs', () => {
    const problems = validateManifestSchema(realManifest(), SCHEMA);
    expect(problems.some((p) => p.startsWith('manifest: id '))).toBe(true);
    expect(problems.some((p) => p.startsWith('manifest: bots[0].botId '))).toBe(true);
  });

  it('names the bad field of a broken manifest', () => {
    const broken = filledReal();
    (broken.bots as Record<string, unknown>[])[0]!.scopes = ['personal', 'meeting'];
    (broken.developer as Record<string, unknown>).privacyUrl = 'ftp://deskmate.example.com/privacy';
    (broken.name as Record<string, unknown>).short = 'D'.repeat(31);
    delete (broken.description as Record<string, unknown>).full;
    broken.accentColour = '#000000';
    const problems = validateManifestSchema(broken, SCHEMA);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^manifest: bots\[0\]\.scopes\[1\] must be equal to one of the allowed values/),
        expect.stringMatching(/^manifest: developer\.privacyUrl must match pattern/),
        expect.stringMatching(/^manifest: name\.short must NOT have more than 30 characters/),
        'manifest: description.full is required but missing',
        'manifest: accentColour is not an allowed property',
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('keeps every command description within 128 characters, with the same commands for each scope', () => {
    const bot = (realManifest().bots as { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[])[0]!;
    expect(bot.commandLists.flatMap((l) => l.scopes).sort()).toEqual([...bot.scopes].sort());
    const firstTitles = bot.commandLists[0]!.commands.map((c) => c.title);
    expect(firstTitles).toEqual(expect.arrayContaining(['help', 'whoami']));
    for (const list of bot.commandLists) {
      expect(list.commands.map((c) => c.title)).toEqual(firstTitles);
      for (const command of list.commands) expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });
});

describe('icons', () => {
  it('reads PNG sizes from IHDR and accepts the shipped icons', () => {
    expect(readPngSize(readFileSync(join(APP_PACKAGE, 'color.png')))).toEqual({ width: 192, height: 192 });
    expect(readPngSize(readFileSync(join(APP_PACKAGE, 'outline.png')))).toEqual({ width: 32, height: 32 });
    const specs = iconSpecs(realManifest());
    expect(specs.problems).toEqual([]);
    expect(checkIcons(specs.icons, APP_PACKAGE)).toEqual([]);
  });

  it('reports a wrongly sized or missing icon', () => {
    const { appPackageDir } = workspace({});
    copyFileSync(join(APP_PACKAGE, 'outline.png'), join(appPackageDir, 'color.png'));
    const specs = iconSpecs({ icons: { color: 'color.png', outline: 'nope.png' } });
    expect(checkIcons(specs.icons, appPackageDir)).toEqual([
      'icons.color: color.png is 32x32, it must be 192x192',
      `icons.outline: nope.png not found in ${appPackageDir}`,
    ]);
    expect(() => readPngSize(Buffer.from('not a png at all, really not'))).toThrow(/not a PNG/);
  });
});

describe('packageApp', () => {
  it('builds a zip holding manifest.json (with the filled BOT_ID), color.png and outline.png', () => {
    const ws = workspace(GOOD_ENV);
    const result = packageApp({ projectRoot: ROOT, envName: 'test', ...ws, processEnv: {} });
    expect(result).toMatchObject({ ok: true, outFile: ws.outFile });

    const entries = unzipSync(readFileSync(ws.outFile));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as {
      id: string;
      bots: { botId: string }[];
      validDomains: string[];
    };
    expect(manifest.bots[0]?.botId).toBe(BOT_ID);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['file.example.com']);
    expect(Buffer.from(entries['color.png']!).equals(readFileSync(join(APP_PACKAGE, 'color.png')))).toBe(true);
    expect(readPngSize(entries['outline.png']!)).toEqual({ width: 32, height: 32 });
  });

  it('fails, naming the variable and the files looked at, when a placeholder has no value', () => {
    const ws = workspace({ '.env.test': `TEAMS_APP_ID=${APP_ID}\nBOT_DOMAIN=x.example.com\nBOT_ID=\n` });
    const result = packageApp({ projectRoot: ROOT, envName: 'test', ...ws, processEnv: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Only the placeholder problem: the knock-on "botId must match pattern" schema error is left out.
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain('${{BOT_ID}}');
    expect(result.problems[0]).toContain('bots[0].botId');
    expect(result.problems[0]).toContain(join(ws.envDir, '.env.test'));
    expect(result.problems[0]).toContain(join(ws.envDir, '.env.test.user'));
    expect(existsSync(ws.outFile)).toBe(false);
  });

  it('lets a real environment variable supply a missing value', () => {
    const ws = workspace({ '.env.test': `TEAMS_APP_ID=${APP_ID}\nBOT_DOMAIN=x.example.com\n` });
    const result = packageApp({ projectRoot: ROOT, envName: 'test', ...ws, processEnv: { BOT_ID } });
    expect(result.ok).toBe(true);
  });

  it('reports every problem of a broken manifest and writes nothing', () => {
    const ws = workspace(GOOD_ENV, (m) => {
      m.accentColor = 'teal';
      (m.icons as Record<string, unknown>).outline = 'missing.png';
    });
    const result = packageApp({ projectRoot: ROOT, envName: 'test', ...ws, processEnv: {} });
    expect(result).toEqual({
      ok: false,
      problems: [
        'manifest: accentColor must match pattern "^#[0-9a-fA-F]{6}$"',
        `icons.outline: missing.png not found in ${ws.appPackageDir}`,
      ],
    });
    expect(existsSync(ws.outFile)).toBe(false);
  });
});
