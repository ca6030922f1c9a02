import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';
import { startDeskmate, type RunningDeskmate } from '../../src/deskmate';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import { FIND_ACCOUNT_COMMAND_ID } from '../../src/features/accounts/find-extension/find-account.extension';
import type { Note } from '../../src/features/notes/notes.schemas';
import { createLogger } from '../../src/shared/logger';
import { createBotHarness, logCapture } from '../helpers/bot-harness';
import { postExpectReplies } from '../helpers/http';
import { startFakeAzureOpenAI, type FakeAzureOpenAI } from '../kb/generative/fake-azure-openai';
import { toyEmbedding } from '../kb/embeddings/toy-embedding';
import { GOOD_NOTE } from '../notes/note-harness';
import { startTokenIssuer, type TokenIssuer } from '../server/auth/token-issuer';
import { createSecurityBot, pressed, shownText, type Reply, type SecurityBot } from './security-harness';

/** A test card number (Luhn-valid), written the ways agents type it. */
const CARD = '4111 1111 1111 1111';
const CARD_FORMS = [CARD, CARD.replace(/ /g, ''), CARD.replace(/ /g, '-')];
/** Every form of a secret that must not appear: as given, and with spaces and dashes taken out. */
const forms = (secret: string) => [...new Set([secret, secret.replace(/[\s-]/g, '')])];

/**
 * What libraries print straight to the console (teams-ai and botbuilder print some errors there): in a
 * deployment that is the process log too. Captured, and kept off the test output.
 */
function captureConsole() {
  const lines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(inspect(args, { depth: 10 }));
    }),
  );
  return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

/** The demo account ids in a text: any 6-10 digit run that is one of them. */
function fullAccountIds(text: string, ids: Set<string>): string[] {
  return [...text.matchAll(/\d{6,10}/g)].map((m) => m[0]).filter((run) => ids.has(run));
}

describe('no secrets in cards, notes or logs (real bot, demo data)', () => {
  let h: SecurityBot;
  let accounts: Account[];
  let ids: Set<string>;
  /** Every secret the flows below type; the logs must hold none of them. */
  const typedSecrets: string[] = [...CARD_FORMS];

  beforeAll(async () => {
    h = await createSecurityBot();
    accounts = (await h.store.containers.accounts.items.query<Account>('SELECT * FROM c').fetchAll()).resources;
    ids = new Set(accounts.map((a) => a.id));
  }, 60_000);
  afterAll(() => h?.close());

  const customer = (test: (a: Account) => boolean) => {
    const found = accounts.find((a) => a.kind === 'customer' && test(a));
    if (!found) throw new Error('no demo customer fits');
    return found;
  };
  const cardOf = (reply: Reply) => (reply.raw[0] as { value?: unknown } | undefined)?.value;
  async function form(verb: string, accountId: string): Promise<unknown> {
    return cardOf(await h.call({ kind: 'execute', verb, data: { accountId } }, 'agent'));
  }

  it('a note with a card number is blocked: the review card, the saved notes and the logs never hold the number', async () => {
    const account = customer((a) => a.units.length === 1);
    const typed = { ...GOOD_NOTE, resolution: `${GOOD_NOTE.resolution} Took the payment on card ${CARD}, exp 12/29.` };
    const submit = pressed(await form('note.open', account.id), 'Check and save', typed);

    const review = await h.call({ kind: 'execute', verb: submit.verb, data: submit.data }, 'agent');
    expect(review.text).toContain('This looks like a full card number');
    expect(review.writes).toEqual([]);
    for (const secret of CARD_FORMS) expect(JSON.stringify(review.raw)).not.toContain(secret);

    // "Save anyway" with the number still in it (a forged press: the review card offers no such button), both ways.
    for (const press of [{ kind: 'execute', verb: 'note.saveAnyway', data: submit.data }, { kind: 'submit', data: { ...submit.data, verb: 'note.saveAnyway' } }] as const) {
      const again = await h.call(press, 'agent');
      expect(again.text).toContain('This looks like a full card number');
      expect(again.writes).toEqual([]);
      for (const secret of CARD_FORMS) expect(JSON.stringify(again.raw)).not.toContain(secret);
    }
    const stored = JSON.stringify(await h.notesOf(account.id));
    for (const secret of CARD_FORMS) expect(stored).not.toContain(secret);
  });

  it('verifying a caller with a full ID: the result card, the stored verification note and the logs never hold the values', async () => {
    const account = customer((a) => (a.identity?.idNumber?.length ?? 0) > 5 && a.emails.length > 0 && a.phones.length > 0);
    const said = { idNumber: account.identity!.idNumber!, email: account.emails[0]!.address, phone: account.phones[0]!.number };
    const wrongId = 'ZQ9876543210';
    typedSecrets.push(said.idNumber, wrongId);

    for (const idNumber of [said.idNumber, wrongId]) {
      const submit = pressed(await form('account.verify.open', account.id), 'Check', { ...said, idNumber });
      const result = await h.call({ kind: 'execute', verb: submit.verb, data: submit.data }, 'agent');
      expect(result.text).toContain('ID number');
      expect(result.text).toMatch(idNumber === wrongId ? /No match/i : /Match/);
      const shown = JSON.stringify(result.raw);
      for (const value of [...forms(said.idNumber), ...forms(wrongId), said.email]) expect(shown).not.toContain(value);

      const note = (await h.notesOf(account.id)).find((n: Note) => n.id.startsWith(String(submit.data.submissionId)));
      expect(note, 'the verification is recorded').toBeDefined();
      // Its random ids and the server's metadata (_rid, _etag, _self) can hold any three digits by chance: what is checked is what the note says.
      const { id: _id, submissionId: _submission, _rid, _etag, _self, _ts, _attachments, ...content } = note as Note & Record<string, unknown>;
      const stored = JSON.stringify(content);
      for (const value of [...forms(said.idNumber), ...forms(wrongId), said.email, said.phone, account.identity!.idLast3 ?? '###']) expect(stored).not.toContain(value);
    }
  });

  it('account ids are masked (••• and the last 3) in lookups, lists, the customer card, the forms and the find-account results', async () => {
    const account = customer((a) => a.units.some((u) => u.amountDueCents > 0) && a.phones.length > 0 && a.emails.length > 0);
    const shared = (await h.store.containers.lookups.items.query<{ key: string }>('SELECT c.key FROM c WHERE ARRAY_LENGTH(c.accountIds) > 1').fetchAll()).resources.find((l) => l.key.startsWith('phone:'))!;
    const manyName = accounts.find((a) => accounts.filter((b) => b.lastName === a.lastName).length > 10)!.lastName;
    const replies: [string, Reply][] = [];
    const add = async (what: string, reply: Promise<Reply>) => replies.push([what, await reply]);

    await add('account <phone>', h.call({ kind: 'text', text: `account ${account.phones[0]!.number}` }, 'agent'));
    await add('an email on its own', h.call({ kind: 'text', text: account.emails[0]!.address }, 'agent'));
    await add('account <account id>', h.call({ kind: 'text', text: `account ${account.id}` }, 'agent'));
    await add('an account id on its own', h.call({ kind: 'text', text: account.id }, 'agent'));
    await add('account <shared phone> (list)', h.call({ kind: 'text', text: `account ${shared.key.slice('phone:'.length)}` }, 'agent'));
    const list = await h.call({ kind: 'text', text: `account ${manyName}` }, 'agent');
    replies.push([`account ${manyName} (list)`, list]);
    const next = (list.raw as { attachments?: { content: unknown }[] }[]).flatMap((r) => r.attachments ?? []).map((a) => JSON.stringify(a.content)).join('');
    const page = /"data":(\{"verb":"account\.page"[^}]*\})/.exec(next)?.[1];
    if (page) await add('the list\'s next page', h.call({ kind: 'submit', data: JSON.parse(page) as Record<string, unknown> }, 'agent'));
    await add('account.open (list button)', h.call({ kind: 'submit', data: { verb: 'account.open', accountId: account.id } }, 'agent'));
    await add('customer card Refresh', h.call({ kind: 'execute', verb: 'account.refresh', data: { accountId: account.id } }, 'agent'));
    for (const verb of ['note.open', 'account.verify.open', 'account.promise.open', 'contact.open', 'task.pick', 'escalation.pick']) {
      await add(verb, h.call({ kind: 'execute', verb, data: { accountId: account.id } }, 'agent'));
    }
    for (const query of [account.phones[0]!.number, manyName, account.id]) {
      await add(`find-account "${query}"`, h.call({ kind: 'extension', commandId: FIND_ACCOUNT_COMMAND_ID, query }, 'agent'));
    }

    for (const [what, reply] of replies) {
      const shown = shownText(reply.raw);
      expect(shown.length, what).toBeGreaterThan(20);
      expect(fullAccountIds(shown, ids), what).toEqual([]);
      if (what.startsWith('find-account')) expect(fullAccountIds(JSON.stringify(reply.raw), ids), `${what}: not even in the data`).toEqual([]);
    }
    const customerCards = replies.filter(([what]) => !what.includes('list') && !what.startsWith('find-account "' + manyName));
    for (const [what, reply] of customerCards) expect(shownText(reply.raw), what).toContain(`•••${account.id.slice(-3)}`);
  });

  it('the logs of every turn above hold none of the typed secrets, and nothing from the customer\'s identity', () => {
    const logs = JSON.stringify(h.logs);
    expect(h.logs.filter((l) => l.msg === 'turn').length).toBeGreaterThan(20);
    for (const secret of typedSecrets) for (const form of forms(secret)) expect(logs).not.toContain(form);
    for (const account of accounts.filter((a) => a.identity?.idNumber)) expect(logs).not.toContain(account.identity!.idNumber!);
  });
});

describe('configuration secrets never reach the logs', () => {
  const FAKE_KEY = `fake-aoai-key-${randomUUID()}`;
  const BOT_PASSWORD = `fake-bot-secret-${randomUUID()}`;
  const BOT = { BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_TENANT_ID: '66666666-7777-8888-9999-000000000000' };

  it('a config with the Azure OpenAI key, BOT_PASSWORD and a Cosmos key is censored when logged, and a bad config names no value', () => {
    const logs = logCapture();
    const logger = createLogger('debug', logs.stream);
    const config = parseConfig({ ...BOT, BOT_PASSWORD, AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com/', AZURE_OPENAI_API_KEY: FAKE_KEY, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o', COSMOS_ENDPOINT: 'https://example.documents.azure.com/', COSMOS_KEY: FAKE_KEY });
    expect(config.azureOpenAI?.key).toBe(FAKE_KEY);
    logger.info(config as unknown as Record<string, unknown>, 'config');
    logger.info({ bot: config.bot, azureOpenAI: config.azureOpenAI, cosmos: config.cosmos }, 'config parts');

    let problem: unknown;
    try {
      parseConfig({ BOT_ID: 'not-a-guid', BOT_PASSWORD, AZURE_OPENAI_API_KEY: FAKE_KEY, AZURE_OPENAI_ENDPOINT: 'http://plain-http.example.com/' });
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(ConfigError);
    expect((problem as ConfigError).message).not.toContain(FAKE_KEY);
    expect((problem as ConfigError).message).not.toContain(BOT_PASSWORD);
    logger.error({ err: problem }, 'invalid configuration');

    const text = JSON.stringify(logs.lines);
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(FAKE_KEY);
    expect(text).not.toContain(BOT_PASSWORD);
  });

  // The logger censors secret-named keys at any depth (src/shared/logger.ts `censorSecrets`), so a Config
  // logged inside another object, or an error that carries its request settings, prints no secret.
  it('the Config logged inside another object is censored too', () => {
    const logs = logCapture();
    const config = parseConfig({ ...BOT, BOT_PASSWORD, AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com/', AZURE_OPENAI_API_KEY: FAKE_KEY, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o' });
    createLogger('debug', logs.stream).info({ config }, 'starting');
    const text = JSON.stringify(logs.lines);
    expect(text).not.toContain(FAKE_KEY);
    expect(text).not.toContain(BOT_PASSWORD);
  });

  describe('Azure OpenAI refusing the key (a local endpoint speaking its wire format)', () => {
    let fake: FakeAzureOpenAI;
    let bot: Awaited<ReturnType<typeof createBotHarness>>;
    let printed: ReturnType<typeof captureConsole>;
    beforeAll(async () => {
      printed = captureConsole();
      fake = await startFakeAzureOpenAI({ embed: toyEmbedding });
      // Our key is not the one the endpoint expects: every chat and embeddings call is answered 401.
      bot = await createBotHarness({ memoryState: true, env: fake.env({ AZURE_OPENAI_API_KEY: FAKE_KEY, AZURE_OPENAI_EMBEDDING_DEPLOYMENT: fake.embeddingDeployment, AZURE_OPENAI_TIMEOUT_MS: '2000' }) });
    }, 60_000);
    afterAll(async () => {
      await bot?.close();
      await fake?.close();
      printed?.restore();
    });

    it('failed answers and failed embeddings are logged without the key', async () => {
      const replies = await bot.say('Who gets the convenience fee waived?');
      expect(replies.length).toBeGreaterThan(0);
      const deadline = Date.now() + 10_000;
      while (!bot.logs.some((l) => String(l.msg).startsWith('kb embeddings failed')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(fake.embeddingRequests.some((r) => r.apiKey === FAKE_KEY), 'the key was really sent to the endpoint').toBe(true);
      expect(bot.logs.some((l) => String(l.msg).startsWith('kb embeddings failed')), 'the failure was logged').toBe(true);
      expect(JSON.stringify(bot.logs)).not.toContain(FAKE_KEY);
      expect(printed.lines.join('\n')).not.toContain(FAKE_KEY);
    });
  });

  describe('BOT_PASSWORD through the real HTTP server and Bot Framework authentication', () => {
    let issuer: TokenIssuer;
    let deskmate: RunningDeskmate;
    const logs = logCapture();
    let printed: ReturnType<typeof captureConsole>;
    beforeAll(async () => {
      printed = captureConsole();
      issuer = await startTokenIssuer();
      const config = parseConfig({
        PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'off', COSMOS_DATABASE: 'no-secrets-test', TASK_REMINDERS: 'off', ESCALATION_SLA_CHECKS: 'off',
        ...BOT, BOT_PASSWORD, BOT_OPENID_METADATA: issuer.metadataUrl, LOG_LEVEL: 'debug',
      });
      deskmate = await startDeskmate(config, createLogger('debug', logs.stream), { persist: false, watchKb: false });
    }, 60_000);
    afterAll(async () => {
      await deskmate?.stop();
      await issuer?.close();
      printed?.restore();
    });

    it('start-up, unauthenticated and authenticated requests log no password', async () => {
      const from = { tenantId: BOT.BOT_TENANT_ID, conversation: { id: 'no-secrets-chat', conversationType: 'personal', tenantId: BOT.BOT_TENANT_ID } };
      expect((await postExpectReplies(deskmate.url, { text: 'help', ...from } as never)).status).toBe(401);
      expect((await postExpectReplies(deskmate.url, { text: 'help', ...from } as never, { authorization: 'Bearer not.a.token' })).status).toBe(401);
      const authorization = `Bearer ${issuer.token({ aud: BOT.BOT_ID, serviceurl: 'http://127.0.0.1:1/' })}`;
      const served = await postExpectReplies(deskmate.url, { text: 'help', ...from } as never, { authorization });
      expect(served.status).toBe(200);
      expect(logs.lines.length).toBeGreaterThan(0);
      expect(JSON.stringify(logs.lines)).not.toContain(BOT_PASSWORD);
      expect(printed.lines.join('\n')).toContain('Unauthorized');
      expect(printed.lines.join('\n')).not.toContain(BOT_PASSWORD);
    });
  });
});
