import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseConfig } from '../../src/config';
import { startDeskmate, type RunningDeskmate } from '../../src/deskmate';
import { createLogger } from '../../src/shared/logger';

const root = resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(root, 'test/e2e/artifacts');

/** Flags from DESIGN.md: no sandbox (root), no GPU, and nothing that reaches for the network. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface PlaygroundSession {
  deskmate: RunningDeskmate;
  page: Page;
  playgroundUrl: string;
  /** Saves a screenshot named after the step under test/e2e/artifacts/. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The Playground's configuration (the project's `.m365agentsplayground.yml`) with `user` (a name from
 * its `users` list) as the current user, written to a fresh folder the Playground is started in.
 */
function playgroundFolderFor(user: string, dataDir: string): string {
  const config = parseYaml(readFileSync(join(root, '.m365agentsplayground.yml'), 'utf8')) as { currentUser: { name: string }; users: { name: string }[] };
  const chosen = config.users.find((u) => u.name === user);
  if (!chosen) throw new Error(`${user} is not one of the Playground's users`);
  const folder = join(dataDir, `playground-${user.replace(/\W+/g, '-')}`);
  mkdirSync(folder, { recursive: true });
  const swapped = { ...config, currentUser: chosen, users: [config.currentUser, ...config.users.filter((u) => u !== chosen)] };
  writeFileSync(join(folder, '.m365agentsplayground.yml'), stringifyYaml(swapped));
  return folder;
}

/**
 * The bot (embedded store with demo data, a fresh data file) and Microsoft 365 Agents Playground on
 * loopback, with Debian's Chromium driving the Playground page. Fails when Chromium is missing.
 * With `deskmate`, a second Playground (as `user`) talks to that running bot; closing it leaves the bot running.
 */
export async function startPlaygroundSession(options: { user?: string; deskmate?: RunningDeskmate } = {}): Promise<PlaygroundSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'deskmate-e2e-'));
  const playgroundPort = await freePort();
  const ownBot = !options.deskmate;
  const deskmate = options.deskmate ?? (await startDeskmate(parseConfig({ PORT: String(await freePort()), EMBEDDED_COSMOS_DATA: join(dataDir, 'cosmos.json'), DEMO_DATA: 'on', LOG_LEVEL: 'warn' }), createLogger('warn')));
  const cli = join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js');
  const playground: ChildProcess = spawn(
    process.execPath,
    [cli, 'start', '-e', `${deskmate.url}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(playgroundPort)],
    { cwd: options.user ? playgroundFolderFor(options.user, dataDir) : root, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: 'ignore' },
  );
  const playgroundUrl = `http://127.0.0.1:${playgroundPort}`;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    playground.kill('SIGTERM');
    if (ownBot) await deskmate.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(playgroundUrl, 60_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
    return {
      deskmate,
      page,
      playgroundUrl,
      screenshot: async (name) => {
        mkdirSync(ARTIFACTS, { recursive: true });
        const path = join(ARTIFACTS, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens a chat in the Playground's left rail: "Personal Chat", "Group Chat" or a channel such as "General". */
export async function openChat(page: Page, name: string): Promise<void> {
  await page.getByText(name, { exact: true }).first().click();
}

/** Types a message into the compose box and sends it. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The newest Adaptive Card on the page that shows `text` (e.g. an account's masked id): buttons are clicked inside it. */
export function newestCardWith(page: Page, text: string) {
  return page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
}
