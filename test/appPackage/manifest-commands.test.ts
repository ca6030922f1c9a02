import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../../src/bot/commands';
import { KB_SEARCH_COMMAND_ID } from '../../src/features/kb/kb.routes';
import { FIND_ACCOUNT_COMMAND_ID } from '../../src/features/accounts/find-extension/find-account.extension';

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../appPackage/manifest.json'), 'utf8')) as {
  bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  composeExtensions: { commands: { id: string; type: string; context: string[]; parameters: { name: string }[] }[] }[];
};

describe('the manifest matches what the bot answers', () => {
  it('lists only commands the bot has, in every scope', () => {
    const known = new Set(BOT_COMMANDS.filter((c) => c.example).map((c) => c.example));
    for (const list of manifest.bots[0]!.commandLists) {
      for (const command of list.commands) expect(known, `${command.title} in ${list.scopes.join()}`).toContain(command.title);
    }
  });

  it('declares the message extension commands the bot handles', () => {
    expect(manifest.composeExtensions[0]!.commands.map((c) => c.id)).toEqual([KB_SEARCH_COMMAND_ID, FIND_ACCOUNT_COMMAND_ID]);
  });

  it('offers "Find an account" as a query command with one "query" parameter, in the compose box and the command box', () => {
    const command = manifest.composeExtensions[0]!.commands.find((c) => c.id === FIND_ACCOUNT_COMMAND_ID)!;
    expect(command.type).toBe('query');
    expect([...command.context].sort()).toEqual(['commandBox', 'compose']);
    expect(command.parameters.map((p) => p.name)).toEqual(['query']);
  });
});
