import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { readEnvironment } from '../../src/env-files';
import { tempDir } from '../helpers/temp-dir';
import { configProblems } from '../helpers/config-problems';

const BOT = '11111111-2222-3333-4444-555555555555';
const TENANT = '66666666-7777-8888-9999-000000000000';


describe('config', () => {
  it('defaults to the embedded store, port 3978 and loopback with authentication off', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3978, host: '127.0.0.1', authDisabled: true, kbDir: './kb', logLevel: 'info', demoData: true });
    expect(config.cosmos).toEqual({ kind: 'embedded', dataFile: '.data/cosmos.json', database: 'deskmate' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.cosmos)).toBe(true);
  });

  it('binds to loopback whenever authentication is off, even if HOST says otherwise', () => {
    expect(parseConfig({ HOST: '0.0.0.0' }).host).toBe('127.0.0.1');
    expect(parseConfig({ BOT_ID: BOT, BOT_PASSWORD: 'x', BOT_TENANT_ID: TENANT }).host).toBe('0.0.0.0');
    expect(parseConfig({ BOT_ID: BOT, BOT_PASSWORD: 'x', BOT_TENANT_ID: TENANT, HOST: '10.1.2.3' }).host).toBe('10.1.2.3');
  });

  it('uses Azure Cosmos DB when an endpoint is set, with or without a key', () => {
    const keyless = parseConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' });
    expect(keyless.cosmos).toEqual({ kind: 'azure', endpoint: 'https://acct.documents.azure.com/', key: undefined, database: 'deskmate' });
    expect(keyless.demoData).toBe(false);
    expect(parseConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com/', COSMOS_KEY: 'k' }).cosmos).toMatchObject({ key: 'k' });
  });

  it('treats empty values (as the Agents Toolkit writes them) as unset', () => {
    expect(parseConfig({ BOT_ID: '', BOT_PASSWORD: '', PORT: '' })).toMatchObject({ authDisabled: true, port: 3978 });
  });

  it('reports every bad variable on its own line, naming it and what it expects', () => {
    const problems = configProblems({ PORT: 'eighty', BOT_TYPE: 'MultiTenant', LOG_LEVEL: 'loud', COSMOS_ENDPOINT: 'http://insecure', BOT_ID: 'not-a-guid' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: expected a port/),
        expect.stringMatching(/^BOT_TYPE: expected SingleTenant or UserAssignedMSI/),
        expect.stringMatching(/^LOG_LEVEL: expected one of/),
        expect.stringMatching(/^COSMOS_ENDPOINT: expected an https URL/),
        expect.stringMatching(/^BOT_ID: expected a GUID/),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('asks for the tenant and secret a SingleTenant bot needs, and no secret for a managed identity', () => {
    expect(configProblems({ BOT_ID: BOT })).toEqual([
      'BOT_TENANT_ID: expected the bot tenant GUID when BOT_ID is set',
      'BOT_PASSWORD: expected the bot client secret when BOT_ID is set and BOT_TYPE is SingleTenant',
    ]);
    expect(configProblems({ BOT_ID: BOT, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT })).toEqual([]);
  });

  it('never puts a secret into the error text', () => {
    const error = (() => {
      try {
        parseConfig({ BOT_ID: BOT, BOT_PASSWORD: 'hunter2-secret', PORT: 'x' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain('hunter2-secret');
  });
});

describe('environment files', () => {
  it('reads .env and the Agents Toolkit env/ files, with real variables winning', () => {
    const dir = tempDir();
    try {
      mkdirSync(join(dir.path, 'env'));
      writeFileSync(join(dir.path, '.env'), 'PORT=4000\nKB_DIR=./from-dotenv\n');
      writeFileSync(join(dir.path, 'env', '.env.playground'), 'PORT=4100\nLOG_LEVEL=debug\n');
      writeFileSync(join(dir.path, 'env', '.env.playground.user'), 'BOT_PASSWORD=from-user-file\n');
      const env = readEnvironment(dir.path, { TEAMSFX_ENV: 'playground', LOG_LEVEL: 'warn' });
      expect(env).toMatchObject({ PORT: '4100', KB_DIR: './from-dotenv', LOG_LEVEL: 'warn', BOT_PASSWORD: 'from-user-file' });
      expect(readEnvironment(dir.path, {}).PORT).toBe('4000');
    } finally {
      dir.remove();
    }
  });
});
