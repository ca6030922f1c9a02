import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config';
import { configProblems } from '../../helpers/config-problems';

const BOT = { BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'secret', BOT_TENANT_ID: '66666666-7777-8888-9999-000000000000' };

describe('BOT_OPENID_METADATA (tests only: where the channel token keys are published)', () => {
  it('is unset by default, so the adapter uses the Bot Framework metadata', () => {
    expect(parseConfig(BOT).bot.openIdMetadataUrl).toBeUndefined();
    expect(parseConfig({ ...BOT, BOT_OPENID_METADATA: ' ' }).bot.openIdMetadataUrl).toBeUndefined();
  });

  it('takes a loopback URL', () => {
    for (const url of ['http://127.0.0.1:4000/.well-known/openid-configuration', 'http://[::1]:4000/.well-known/openid-configuration']) {
      expect(parseConfig({ ...BOT, BOT_OPENID_METADATA: url }).bot.openIdMetadataUrl).toBe(url);
    }
  });

  it('refuses any other host, so production cannot be pointed at someone else\'s keys', () => {
    for (const url of ['https://login.botframework.com/v1/.well-known/openidconfiguration', 'http://127.0.0.1.example.com/keys', 'http://localhost:4000/x', 'file:///etc/keys', 'not a url']) {
      expect(configProblems({ ...BOT, BOT_OPENID_METADATA: url })).toEqual([expect.stringMatching(/^BOT_OPENID_METADATA: expected a loopback URL/)]);
    }
  });
});
