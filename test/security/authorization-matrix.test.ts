import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Activity } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../../src/bot/commands';
import { FIND_ACCOUNT_COMMAND_ID } from '../../src/features/accounts/find-extension/find-account.extension';
import { KB_SEARCH_COMMAND_ID } from '../../src/features/kb/kb.routes';
import { PERMISSIONS, type Permission } from '../../src/features/people/people.permissions';
import { can } from '../../src/features/people/people.service';
import type { CommandInfo } from '../../src/shared/commands';
import { createBotHarness } from '../helpers/bot-harness';
import { buildFixtures, type Fixtures } from './matrix-fixtures';
import {
  BAD_FORM, changedDocuments, createSecurityBot, fingerprint, fresh, NOT_SET_UP, OTHER_AGENT, PERSON_OF, pressed, ROLE_NAMES, ROLE_REFUSED, USERS,
  type Reply, type RoleName, type SecurityBot, type Send,
} from './security-harness';

/**
 * DESIGN.md, "Users and roles", as the matrix expects it (written out here, not read from
 * PERMISSIONS, so the server is checked against the design): an agent asks, looks up accounts, files
 * notes, creates tasks and requests escalations; a mentor also decides escalations, answers KB
 * questions (and checks the KB) and manages quick responses; an admin does everything, and reloads
 * the KB and manages people and links. A location user (store staff) works the tasks of their stores.
 * Unknown and inactive people may do nothing.
 */
const AGENTS: RoleName[] = ['agent', 'mentor', 'admin'];
const MENTORS: RoleName[] = ['mentor', 'admin'];
const ADMINS: RoleName[] = ['admin'];
const DESIGN: Record<Permission, RoleName[]> = {
  'kb.ask': AGENTS,
  'accounts.read': AGENTS,
  'accounts.update': AGENTS,
  'notes.create': AGENTS,
  'tasks.create': AGENTS,
  'tasks.work': ['store', ...AGENTS],
  'escalations.request': AGENTS,
  'escalations.decide': MENTORS,
  'kb.answer': MENTORS,
  'quickResponses.manage': MENTORS,
  'kb.check': MENTORS,
  'kb.reload': ADMINS,
  'people.manage': ADMINS,
  'links.manage': ADMINS,
};

/** How a press travels: an Action.Execute invoke, an Action.Submit message; `other` for typed text, searches and feedback. */
type Transport = 'execute' | 'submit' | 'other';

/** One thing a user can do: a card verb (pressed by Action.Execute and/or Action.Submit), a command, a search or feedback. */
interface Row {
  id: string;
  /** The card verb this row presses (covered verbs are checked against every exported *_VERBS constant). */
  verb?: string;
  /** The command this row types (covered commands are checked against BOT_COMMANDS). */
  command?: CommandInfo;
  /** The permission it needs; undefined: anyone may. */
  permission: Permission | undefined;
  /** How the user sends it: one activity per transport. */
  send: (f: Fixtures, transport: Transport) => Send;
  transports: Transport[];
}

/**
 * Identity claims a forged card could carry. Every verb row carries them, for every caller: the
 * server decides from the activity's AAD object id only, so they change nothing.
 */
const FORGED_CLAIMS = {
  userId: 'aad-admin-1',
  aadObjectId: 'aad-admin-1',
  role: 'admin',
  roles: ['admin'],
  isAdmin: true,
  requester: { id: 'aad-admin-1', name: 'Ada Admin' },
  author: { id: 'aad-admin-1', name: 'Ada Admin' },
  by: { id: 'aad-admin-1', name: 'Ada Admin' },
  from: { id: 'teams-aad-admin-1', aadObjectId: 'aad-admin-1', name: 'Ada Admin' },
};

const BOTH: Transport[] = ['execute', 'submit'];

/** A card verb: `data` is what its button carries (a fresh submission id each press). */
function verbRow(verb: string, permission: Permission, data: (f: Fixtures) => Record<string, unknown>, transports: Transport[] = BOTH): Row {
  return {
    id: verb,
    verb,
    permission,
    transports,
    send: (f, transport) => {
      const payload = { ...FORGED_CLAIMS, ...fresh(data(f)) };
      return transport === 'execute' ? { kind: 'execute', verb, data: payload } : { kind: 'submit', data: { ...payload, verb } };
    },
  };
}

/** A text command, with the permission BOT_COMMANDS gives it. */
function commandRow(name: string, text: (f: Fixtures) => string, id = name): Row {
  const command = BOT_COMMANDS.find((c) => c.name === name);
  if (!command) throw new Error(`no command "${name}" in BOT_COMMANDS`);
  return { id: `command ${id}`, command, permission: command.permission as Permission | undefined, transports: ['other'], send: (f) => ({ kind: 'text', text: text(f) }) };
}

/** Any other route: a plain lookup, a message-extension search, answer feedback. */
function otherRow(id: string, permission: Permission, send: (f: Fixtures) => Send): Row {
  return { id, permission, transports: ['other'], send: (f) => send(f) };
}

const phone = (f: Fixtures) => f.account.phones[0]!.number;
const decision = (f: Fixtures) => ({ ...f.decide, outcome: 'approved', approveComment: 'Approved: charged after the move-out.', submissionId: randomUUID() });

const ROWS: Row[] = [
  // Accounts: the list card's buttons are Action.Submit only; the customer card's are Action.Execute (and Submit).
  verbRow('account.open', 'accounts.read', (f) => ({ accountId: f.account.id }), ['submit']),
  verbRow('account.page', 'accounts.read', (f) => f.page, ['submit']),
  verbRow('account.refresh', 'accounts.read', (f) => ({ accountId: f.account.id })),
  verbRow('account.moreNotes', 'accounts.read', (f) => f.moreNotes),
  verbRow('contact.open', 'accounts.update', (f) => ({ accountId: f.account.id }), ['execute']),
  verbRow('contact.submit', 'accounts.update', (f) => f.contactSave, ['execute']),
  verbRow('contact.cancel', 'accounts.update', (f) => ({ accountId: f.account.id }), ['execute']),
  verbRow('account.verify.open', 'accounts.read', (f) => ({ accountId: f.account.id })),
  verbRow('account.verify.submit', 'accounts.read', (f) => f.verifySubmit),
  verbRow('account.promise.open', 'accounts.update', (f) => ({ accountId: f.late.id })),
  verbRow('account.promise.submit', 'accounts.update', (f) => f.promiseSubmit),
  // Notes.
  verbRow('note.open', 'notes.create', (f) => ({ accountId: f.account.id })),
  verbRow('note.submit', 'notes.create', (f) => f.noteSubmit),
  verbRow('note.saveAnyway', 'notes.create', (f) => f.noteSubmit),
  verbRow('note.edit', 'notes.create', (f) => f.noteSubmit),
  verbRow('note.fill', 'notes.create', (f) => ({ ...f.noteSubmit, quickResponse: 'demo-gate-access' })),
  verbRow('note.correct', 'notes.create', (f) => f.note),
  // Tasks: creating needs tasks.create; seeing and working them tasks.work (store staff too).
  verbRow('task.pick', 'tasks.create', (f) => ({ accountId: f.account.id })),
  verbRow('task.form', 'tasks.create', (f) => ({ accountId: f.account.id, typeId: 'vacate-same-day' })),
  verbRow('task.create', 'tasks.create', (f) => f.taskCreate),
  verbRow('task.view', 'tasks.work', (f) => f.task),
  verbRow('task.start', 'tasks.work', (f) => f.task),
  verbRow('task.check', 'tasks.work', (f) => ({ ...f.task, itemId: 'keys', done: 'true' })),
  verbRow('task.reassign', 'tasks.work', (f) => ({ ...f.task, assignee: 'location:PDX1' })),
  verbRow('task.complete', 'tasks.work', (f) => ({ ...f.task, outcome: 'Vacated the same day; refund of $79.00 requested.' })),
  verbRow('task.cancel', 'tasks.work', (f) => ({ ...f.task, reason: 'Customer changed their mind.' })),
  verbRow('task.more', 'tasks.work', (f) => f.tasksMore),
  // Escalations: agents ask; mentors decide, ask for info and see the queue; only the requester answers.
  verbRow('escalation.pick', 'escalations.request', (f) => ({ accountId: f.account.id })),
  verbRow('escalation.form', 'escalations.request', (f) => ({ accountId: f.account.id, typeId: 'refund' })),
  verbRow('escalation.create', 'escalations.request', (f) => f.escalationCreate),
  verbRow('escalation.view', 'escalations.request', (f) => f.decide),
  verbRow('escalation.decide', 'escalations.decide', decision),
  verbRow('escalation.ask', 'escalations.decide', (f) => ({ ...f.ask, submissionId: randomUUID(), infoQuestion: 'Which month was charged twice?' })),
  verbRow('escalation.reply', 'escalations.request', (f) => ({ ...f.reply, submissionId: randomUUID(), reply: 'October and November.' })),
  verbRow('escalation.more', 'escalations.decide', (f) => f.queueMore),
  // Quick responses (mentors manage them).
  verbRow('quick.list', 'quickResponses.manage', () => ({})),
  verbRow('quick.edit', 'quickResponses.manage', (f) => ({ id: f.quickId })),
  verbRow('quick.save', 'quickResponses.manage', (f) => f.quickSave),
  verbRow('quick.retire', 'quickResponses.manage', (f) => ({ id: f.quickId, active: false })),
  // People: admins only.
  verbRow('people.list', 'people.manage', () => ({ find: 'a' })),
  verbRow('people.edit', 'people.manage', () => ({ id: OTHER_AGENT.id })),
  verbRow('people.save', 'people.manage', (f) => f.personSave),
  // Mentor answers in the KB (mentors).
  verbRow('mentorAnswer.list', 'kb.answer', () => ({ page: 0 })),
  verbRow('mentorAnswer.gaps', 'kb.answer', () => ({})),
  verbRow('mentorAnswer.answerIt', 'kb.answer', () => ({ question: 'Can a tenant keep a boat trailer in a parking space?' })),
  verbRow('mentorAnswer.capture', 'kb.answer', (f) => f.capture),
  verbRow('mentorAnswer.edit', 'kb.answer', (f) => ({ id: f.entryId })),
  verbRow('mentorAnswer.save', 'kb.answer', (f) => f.entrySave),
  verbRow('mentorAnswer.retire', 'kb.answer', (f) => ({ id: f.entryId })),
  // "Ask a mentor" on an unsure KB answer: an Action.Submit only.
  verbRow('kb.askMentor', 'kb.ask', () => ({ question: 'Can a tenant run a business from a storage unit?', requestId: randomUUID() }), ['submit']),
  // Every command of BOT_COMMANDS.
  commandRow('account', (f) => `account ${phone(f)}`),
  commandRow('note', (f) => `note ${phone(f)}`),
  commandRow('task', (f) => `task ${phone(f)}`),
  commandRow('my tasks', () => 'my tasks'),
  commandRow('tasks', (f) => `tasks ${phone(f)}`),
  commandRow('escalate', (f) => `escalate ${phone(f)}`),
  commandRow('queue', () => 'queue'),
  commandRow('quick responses', () => 'quick responses'),
  commandRow('people', () => 'people'),
  commandRow('ask', () => 'When is the convenience fee waived?'),
  commandRow('kb check', () => 'kb check'),
  commandRow('reload kb', () => 'reload kb'),
  commandRow('kb answers', () => 'kb answers'),
  commandRow('kb gaps', () => 'kb gaps'),
  commandRow('help', () => 'help'),
  commandRow('whoami', () => 'whoami'),
  commandRow('links', () => 'links'),
  commandRow('link location', () => 'link location PDX1'),
  commandRow('link team', () => 'link team Billing'),
  commandRow('link mentors', () => 'link mentors'),
  // The same account commands where the text matches several accounts or none: still refused first.
  commandRow('account', (f) => `account ${f.sharedPhone}`, 'account <shared phone>'),
  commandRow('note', (f) => `note ${f.sharedPhone}`, 'note <shared phone>'),
  commandRow('task', (f) => `task ${f.sharedPhone}`, 'task <shared phone>'),
  commandRow('tasks', (f) => `tasks ${f.sharedPhone}`, 'tasks <shared phone>'),
  commandRow('escalate', (f) => `escalate ${f.sharedPhone}`, 'escalate <shared phone>'),
  commandRow('task', () => 'task 5035550000', 'task <unknown phone>'),
  commandRow('tasks', () => 'tasks 5035550000', 'tasks <unknown phone>'),
  // Routes that are not in BOT_COMMANDS.
  otherRow('plain lookup (a phone on its own)', 'accounts.read', (f) => ({ kind: 'text', text: phone(f) })),
  otherRow('plain lookup (an email on its own)', 'accounts.read', (f) => ({ kind: 'text', text: f.account.emails[0]!.address })),
  otherRow('find-account search extension', 'accounts.read', (f) => ({ kind: 'extension', commandId: FIND_ACCOUNT_COMMAND_ID, query: phone(f) })),
  otherRow('KB search extension', 'kb.ask', () => ({ kind: 'extension', commandId: KB_SEARCH_COMMAND_ID, query: 'gate code' })),
  otherRow('answer feedback (thumbs down)', 'kb.ask', () => ({ kind: 'feedback', reaction: 'dislike', comment: 'Wrong article for this question.' })),
];

/**
 * Rows whose every served press writes (a fresh submission id each time), and where: the write
 * observer must see them, so "a refused press wrote nothing" is not true merely because it saw nothing.
 */
const WRITES_WHEN_SERVED: Record<string, string> = {
  'note.submit': 'notes',
  'account.verify.submit': 'notes',
  'task.create': 'tasks',
  'escalation.create': 'escalations',
  'kb.askMentor': 'kbfeedback',
  'answer feedback (thumbs down)': 'kbfeedback',
};

/**
 * Real holes the matrix finds: `<row id>|<role>` -> what the caller gets today instead of the refusal.
 * Such cases run as `it.fails` with a sibling test pinning today's answer; remove the entry when fixed.
 * (Fixed: `task`/`tasks <account>` looked the account up before checking the caller's role.)
 */
const KNOWN_HOLES: Record<string, RegExp> = {};

/** What a role should get for a permission, per DESIGN: served, or one of the two refusals. */
function expected(permission: Permission | undefined, role: RoleName): 'served' | typeof NOT_SET_UP | typeof ROLE_REFUSED {
  if (!permission) return 'served';
  const person = PERSON_OF[role];
  if (!person?.active) return NOT_SET_UP;
  return DESIGN[permission].includes(role) ? 'served' : ROLE_REFUSED;
}

/** Every `export const <NAME>_VERBS = {...}` in src/, imported: the card verbs the bot answers. */
async function exportedVerbs(): Promise<Map<string, string>> {
  const root = resolve(__dirname, '../../src');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));
  const verbs = new Map<string, string>();
  for (const file of files) {
    const names = [...readFileSync(file, 'utf8').matchAll(/export const (\w+_VERBS)\s*=/g)].map((m) => m[1]!);
    if (!names.length) continue;
    const mod = (await import(file)) as Record<string, Record<string, string>>;
    for (const name of names) for (const verb of Object.values(mod[name]!)) verbs.set(verb, name);
  }
  return verbs;
}

const caseName = (row: Row, transport: Transport, role: RoleName) => `${row.id}${row.verb && row.transports.length > 1 ? ` (Action.${transport === 'execute' ? 'Execute' : 'Submit'})` : ''}: ${role}`;

interface Case {
  row: Row;
  transport: Transport;
  role: RoleName;
  expectation: ReturnType<typeof expected>;
  hole?: RegExp;
}
const CASES: Case[] = ROWS.flatMap((row) => row.transports.flatMap((transport) => ROLE_NAMES.map((role) => ({ row, transport, role, expectation: expected(row.permission, role), hole: KNOWN_HOLES[`${row.id}|${role}`] }))));

describe('authorization matrix: every card verb and command, for every role, through the real bot', () => {
  let h: SecurityBot;
  let f: Fixtures;
  let before: Map<string, string>;
  beforeAll(async () => {
    h = await createSecurityBot();
    f = await buildFixtures(h);
    // Everyone's first turn stores their personal-chat reference (links, before any route): done here, so the rows see none.
    for (const user of [...ROLE_NAMES.map((role) => USERS[role]), OTHER_AGENT]) await h.call({ kind: 'text', text: 'whoami' }, user);
    before = await fingerprint(h.store);
  }, 60_000);
  afterAll(() => h?.close());

  const send = (c: Case): Promise<Reply> => h.call(c.row.send(f, c.transport), USERS[c.role]);

  describe('the table', () => {
    it('has a row for every exported card verb and every command, with the permission the command declares', async () => {
      const verbs = await exportedVerbs();
      expect(verbs.size).toBeGreaterThanOrEqual(40);
      const covered = new Set(ROWS.map((r) => r.verb).filter(Boolean));
      expect([...verbs].filter(([verb]) => !covered.has(verb)).map(([verb, from]) => `${from}: ${verb}`)).toEqual([]);
      expect([...covered].filter((verb) => !verbs.has(verb!))).toEqual([]);
      const commands = new Set(ROWS.map((r) => r.command?.name).filter(Boolean));
      expect(BOT_COMMANDS.map((c) => c.name).filter((name) => !commands.has(name))).toEqual([]);
      for (const command of BOT_COMMANDS) if (command.permission) expect(Object.keys(PERMISSIONS)).toContain(command.permission);
    });

    it('PERMISSIONS gives each role exactly what DESIGN.md allows', () => {
      for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
        const allowed = ROLE_NAMES.filter((role) => can({ displayName: role, person: PERSON_OF[role] }, permission));
        expect({ permission, allowed }).toEqual({ permission, allowed: DESIGN[permission] });
      }
    });

    it('every known hole names a case of the matrix that DESIGN.md refuses', () => {
      const keys = new Set(CASES.filter((c) => c.expectation !== 'served').map((c) => `${c.row.id}|${c.role}`));
      expect(Object.keys(KNOWN_HOLES).filter((key) => !keys.has(key))).toEqual([]);
    });

    it('the refusals are the server\'s own words', () => {
      expect(NOT_SET_UP).toContain('You are not set up in Deskmate yet');
      expect(ROLE_REFUSED).toContain('Your role does not allow this');
    });
  });

  describe('refused callers get the refusal and write nothing', () => {
    const refused = CASES.filter((c) => c.expectation !== 'served');
    for (const c of refused) {
      // KNOWN HOLE (see KNOWN_HOLES): the refusal DESIGN.md asks for does not come; `it.fails` until fixed.
      const test = c.hole ? it.fails : it;
      test(`${caseName(c.row, c.transport, c.role)} is refused${c.hole ? ' [KNOWN HOLE: answered before the role check]' : ''}`, async () => {
        const reply = await send(c);
        expect(reply.writes, 'writes to the store').toEqual([]);
        if (c.row.send(f, c.transport).kind === 'feedback') return; // Teams shows nothing for feedback: refused means not stored.
        expect(reply.text).not.toContain(BAD_FORM);
        expect(reply.text).toContain(c.expectation);
        if (reply.route !== 'none') expect(reply.outcome).toBe('refused');
      });
      const hole = c.hole;
      if (hole) {
        it(`${caseName(c.row, c.transport, c.role)}: the known hole, as it is today (${hole.source})`, async () => {
          const reply = await send(c);
          expect(reply.writes).toEqual([]);
          expect(reply.text).toMatch(hole);
          expect(reply.text).not.toContain(c.expectation);
        });
      }
    }

    it('not one document of any container changed while the refused callers pressed and typed', async () => {
      expect(changedDocuments(before, await fingerprint(h.store))).toEqual([]);
    });
  });

  describe('allowed callers are served (never refused for their role)', () => {
    const served = CASES.filter((c) => c.expectation === 'served');
    for (const c of served) {
      it(`${caseName(c.row, c.transport, c.role)} is served`, async () => {
        const reply = await send(c);
        expect(reply.outcome).not.toBe('error');
        expect(reply.route ?? '').not.toMatch(/\.stale$|^fallback$/);
        const writes = WRITES_WHEN_SERVED[c.row.id];
        if (writes) expect(reply.writes.map((w) => w.container)).toContain(writes);
        if (c.row.send(f, c.transport).kind === 'feedback') return;
        expect(reply.text).not.toContain(BAD_FORM);
        expect(reply.text).not.toContain(NOT_SET_UP);
        expect(reply.text).not.toContain(ROLE_REFUSED);
        expect(reply.text.trim()).not.toBe('');
      });
    }
  });
  describe('forged payloads: who is calling comes from the AAD object id, never from the card', () => {
    const ADMIN = { id: 'aad-admin-1', name: 'Ada Admin' };
    const read = async <T>(container: 'escalations' | 'tasks' | 'notes' | 'quickresponses' | 'kbentries', id: string, pk: string) => (await h.store.containers[container].item(id, pk).read<T & { _etag: string }>()).resource;
    const card = (reply: Reply) => (reply.raw[0] as { value?: unknown } | undefined)?.value;

    /** A new open request by the agent, made through the bot. */
    async function openRequest(): Promise<{ accountId: string; escalationId: string }> {
      const data = fresh(f.escalationCreate);
      await h.call({ kind: 'execute', verb: 'escalation.create', data }, 'agent');
      return { accountId: f.account.id, escalationId: String(data.submissionId) };
    }

    /**
     * The store as it was before the first refused call of the test: from then until `thaw` (or the end
     * of the test) not one document of any container may change.
     */
    let frozen: Map<string, string> | undefined;
    async function thaw(): Promise<void> {
      const start = frozen;
      frozen = undefined;
      if (start) expect(changedDocuments(start, await fingerprint(h.store))).toEqual([]);
    }
    afterEach(thaw);

    /** Sends as `user` what must be refused or ignored: no write request reaches the store (and see `frozen`). */
    async function unchanged(send: Send, user: Parameters<SecurityBot['call']>[1], extra = {}): Promise<Reply> {
      frozen ??= await fingerprint(h.store);
      const reply = await h.call(send, user, extra);
      expect(reply.writes).toEqual([]);
      return reply;
    }

    it('an agent deciding a request with a card that claims the admin (userId, role, aadObjectId, requester, by) is refused, both ways', async () => {
      const ref = await openRequest();
      const forged = { ...FORGED_CLAIMS, ...ref, outcome: 'approved', approveComment: 'Approved.', submissionId: randomUUID(), decision: { outcome: 'approved', by: ADMIN } };
      expect((await unchanged({ kind: 'execute', verb: 'escalation.decide', data: forged }, 'agent')).text).toContain(ROLE_REFUSED);
      expect((await unchanged({ kind: 'submit', data: { ...forged, verb: 'escalation.decide' } }, 'agent')).text).toContain(ROLE_REFUSED);
      expect((await unchanged({ kind: 'execute', verb: 'escalation.ask', data: { ...forged, infoQuestion: 'Why?' } }, 'agent')).text).toContain(ROLE_REFUSED);
      expect((await read<{ status: string }>('escalations', ref.escalationId, ref.accountId))?.status).toBe('open');
    });

    it('deciding with another account id than the request\'s finds no request: refused for the agent, "does not exist" for a mentor; nothing written anywhere', async () => {
      const ref = await openRequest();
      const before = await read<{ _etag: string }>('escalations', ref.escalationId, ref.accountId);
      for (const accountId of [f.elsewhere.id, f.late.id, 'kb']) {
        const data = { ...FORGED_CLAIMS, ...ref, accountId, outcome: 'approved', approveComment: 'Approved.', submissionId: randomUUID() };
        expect((await unchanged({ kind: 'execute', verb: 'escalation.decide', data }, 'agent')).text).toContain(ROLE_REFUSED);
        expect((await unchanged({ kind: 'execute', verb: 'escalation.decide', data }, 'mentor')).text).toContain('That request does not exist any more.');
      }
      expect((await read<{ _etag: string }>('escalations', ref.escalationId, ref.accountId))?._etag).toBe(before?._etag);
    });

    it('a mentor\'s decision is recorded as the mentor\'s, whatever `by`, `decision` or `requester` the card carries', async () => {
      const ref = await openRequest();
      const data = { ...FORGED_CLAIMS, ...ref, outcome: 'approved', approveComment: 'Approved.', submissionId: randomUUID(), decision: { outcome: 'approved', by: ADMIN } };
      await h.call({ kind: 'execute', verb: 'escalation.decide', data }, 'mentor');
      const stored = await read<{ status: string; decision: { by: { id: string } }; requester: { id: string } }>('escalations', ref.escalationId, ref.accountId);
      expect(stored).toMatchObject({ status: 'approved', decision: { by: { id: 'aad-mentor-1' } }, requester: { id: 'aad-agent-1' } });
      const note = await read<{ author: { id: string } }>('notes', `${ref.escalationId}:decided`, ref.accountId);
      expect(note?.author.id).toBe('aad-mentor-1');
    });

    it('only the requester answers a mentor\'s question: another agent with a card naming the requester is refused', async () => {
      const ref = await openRequest();
      await h.call({ kind: 'execute', verb: 'escalation.ask', data: { ...ref, submissionId: randomUUID(), infoQuestion: 'Which months?' } }, 'mentor');
      const data = { ...ref, submissionId: randomUUID(), reply: 'October.', requester: { id: 'aad-agent-1', name: 'Avery Agent' }, userId: 'aad-agent-1', aadObjectId: 'aad-agent-1' };
      const reply = await unchanged({ kind: 'execute', verb: 'escalation.reply', data }, OTHER_AGENT);
      expect(reply.text).toContain('Only Avery Agent, who made the request, can answer');
      expect(reply.outcome).toBe('refused');
    });

    it('an agent saving or retiring a quick response with a forged mentor identity is refused; nothing is stored', async () => {
      const save = { ...FORGED_CLAIMS, id: `forged-${randomUUID().slice(0, 8)}`, title: 'Free month', resolution: 'Credited a free month.', updatedBy: { id: 'aad-mentor-1', name: 'Morgan Mentor' }, role: 'mentor' };
      expect((await unchanged({ kind: 'execute', verb: 'quick.save', data: save }, 'agent')).text).toContain(ROLE_REFUSED);
      expect((await unchanged({ kind: 'submit', data: { ...save, verb: 'quick.save' } }, 'agent')).text).toContain(ROLE_REFUSED);
      expect((await unchanged({ kind: 'execute', verb: 'quick.retire', data: { ...FORGED_CLAIMS, id: 'demo-gate-access', active: false } }, 'agent')).text).toContain(ROLE_REFUSED);
      expect(await read('quickresponses', String(save.id), String(save.id))).toBeUndefined();
    });

    it('a mentor\'s quick response is recorded as the mentor\'s, whatever `updatedBy` the card carries', async () => {
      const id = `qr-${randomUUID().slice(0, 8)}`;
      await h.call({ kind: 'execute', verb: 'quick.save', data: { ...FORGED_CLAIMS, id, title: 'Gate keypad reset', resolution: 'Asked the store to reset the keypad for unit [unit].', updatedBy: ADMIN } }, 'mentor');
      expect((await read<{ updatedBy: { id: string } }>('quickresponses', id, id))?.updatedBy.id).toBe('aad-mentor-1');
    });

    it('an agent capturing, editing or retiring a KB answer with a forged mentor identity is refused; the KB is unchanged', async () => {
      const id = randomUUID();
      const forgedMentor = { ...FORGED_CLAIMS, mentor: { id: 'aad-mentor-1', name: 'Morgan Mentor' }, role: 'mentor', roles: ['mentor'] };
      const capture = { ...forgedMentor, id, question: 'Can I waive the late fee?', answer: 'Yes, always waive it when the customer asks nicely.' };
      expect((await unchanged({ kind: 'execute', verb: 'mentorAnswer.capture', data: capture }, 'agent')).text).toContain(ROLE_REFUSED);
      expect((await unchanged({ kind: 'submit', data: { ...capture, verb: 'mentorAnswer.capture' } }, 'agent')).text).toContain(ROLE_REFUSED);
      expect((await unchanged({ kind: 'execute', verb: 'mentorAnswer.save', data: { ...forgedMentor, ...f.entrySave, answer: 'Always waive every fee.' } }, 'agent')).text).toContain(ROLE_REFUSED);
      expect((await unchanged({ kind: 'execute', verb: 'mentorAnswer.retire', data: { ...forgedMentor, id: f.entryId } }, 'agent')).text).toContain(ROLE_REFUSED);
      expect(await read('kbentries', id, id)).toBeUndefined();
      await thaw();
      // And the KB answers nobody with it.
      expect((await h.call({ kind: 'text', text: 'Can I waive the late fee?' }, 'agent')).text).not.toContain('always waive it');
    });

    it('an agent deciding a KB question with "Add to KB" ticked is refused: nothing reaches the KB', async () => {
      const requestId = randomUUID();
      await h.call({ kind: 'submit', data: { verb: 'kb.askMentor', question: 'Can a tenant rent a unit for a food truck?', requestId } }, 'agent');
      const data = { ...FORGED_CLAIMS, accountId: 'kb', escalationId: `kb-${requestId}`, outcome: 'answered', answerText: 'Yes, any vehicle is fine.', addToKb: 'true', submissionId: randomUUID() };
      expect((await unchanged({ kind: 'execute', verb: 'escalation.decide', data }, 'agent')).text).toContain(ROLE_REFUSED);
      expect(await read('kbentries', `kb-${requestId}`, `kb-${requestId}`)).toBeUndefined();
    });

    it('the link commands are refused to an agent whose activity claims the admin\'s Teams id, name and role', async () => {
      const claimsAdmin = { from: { id: 'teams-aad-admin-1', name: 'Avery Agent', aadObjectId: 'aad-agent-1' }, value: { ...FORGED_CLAIMS }, channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' }, role: 'admin' } };
      for (const text of ['link mentors', 'link location PDX1', 'link team Billing', 'links', 'reload kb']) {
        const reply = await unchanged({ kind: 'text', text }, 'agent', claimsAdmin);
        expect(reply.text).toContain(ROLE_REFUSED);
      }
    });

    it('a display name is not an identity: "whoami" from the agent\'s AAD object id, named "Ada Admin", is the agent', async () => {
      const reply = await h.call({ kind: 'text', text: 'whoami' }, 'agent', { from: { id: 'teams-aad-admin-1', name: 'Ada Admin', aadObjectId: 'aad-agent-1' } });
      expect(reply.text).toContain('Avery Agent');
      expect(reply.text).toContain('Roles: Agent');
      expect(reply.text).not.toContain('Admin');
      // Only the sender's own personal-chat reference may be rewritten (it keeps the display name Teams sent).
      expect([...new Set(reply.writes.map((w) => w.container))]).toEqual(reply.writes.length ? ['conversations'] : []);
      await h.call({ kind: 'text', text: 'whoami' }, 'agent');
    });

    it('an activity with no AAD object id is nobody, even when its Teams id and name are the admin\'s', async () => {
      const noAad = { from: { id: 'aad-admin-1', name: 'Ada Admin' } };
      expect((await unchanged({ kind: 'text', text: 'link mentors' }, 'admin', noAad)).text).toContain(NOT_SET_UP);
      expect((await unchanged({ kind: 'execute', verb: 'quick.save', data: fresh(f.quickSave) }, 'admin', noAad)).text).toContain(NOT_SET_UP);
      expect((await unchanged({ kind: 'text', text: `account ${phone(f)}` }, 'admin', noAad)).text).toContain(NOT_SET_UP);
    });

    it('what an agent files is recorded as the agent\'s, whatever author, requester or checkedBy the card carries', async () => {
      const claims = { ...FORGED_CLAIMS, checkedBy: ADMIN, updatedBy: ADMIN, createdBy: ADMIN };
      const noteData: Record<string, unknown> = { ...claims, ...fresh(f.noteSubmit) };
      await h.call({ kind: 'execute', verb: 'note.submit', data: noteData }, 'agent');
      expect((await read<{ author: { id: string } }>('notes', String(noteData.submissionId), f.account.id))?.author.id).toBe('aad-agent-1');

      const verifyData: Record<string, unknown> = { ...claims, ...fresh(f.verifySubmit) };
      await h.call({ kind: 'execute', verb: 'account.verify.submit', data: verifyData }, 'agent');
      const verification = (await h.notesOf(f.account.id)).find((n) => n.id.startsWith(String(verifyData.submissionId)));
      expect(verification?.author.id).toBe('aad-agent-1');

      const taskData: Record<string, unknown> = { ...claims, ...fresh(f.taskCreate) };
      await h.call({ kind: 'execute', verb: 'task.create', data: taskData }, 'agent');
      expect((await read<{ requester: { id: string } }>('tasks', String(taskData.submissionId), f.account.id))?.requester.id).toBe('aad-agent-1');

      const requestData: Record<string, unknown> = { ...claims, ...fresh(f.escalationCreate) };
      await h.call({ kind: 'execute', verb: 'escalation.create', data: requestData }, 'agent');
      expect((await read<{ requester: { id: string } }>('escalations', String(requestData.submissionId), f.account.id))?.requester.id).toBe('aad-agent-1');

      const requestId = randomUUID();
      await h.call({ kind: 'submit', data: { ...claims, verb: 'kb.askMentor', question: 'Can a tenant store tires?', requestId } }, 'agent');
      expect((await read<{ requester: { id: string } }>('escalations', `kb-${requestId}`, 'kb'))?.requester.id).toBe('aad-agent-1');
      const day = new Date().toISOString().slice(0, 10);
      const asked = (await h.store.containers.kbfeedback.item(`mentor-request-${requestId}`, day).read<{ userId: string }>()).resource;
      expect(asked?.userId).toBe('aad-agent-1');
    });

    it('an agent\'s contact change is noted as the agent\'s, whatever author the card carries', async () => {
      const form = card(await h.call({ kind: 'execute', verb: 'contact.open', data: { accountId: f.elsewhere.id } }, 'agent'));
      const save = pressed(form, 'Save changes', { newEmail: `tenant.${randomUUID().slice(0, 6)}@example.com` }).data;
      await h.call({ kind: 'execute', verb: 'contact.submit', data: { ...FORGED_CLAIMS, ...save } }, 'agent');
      const notes = await h.notesOf(f.elsewhere.id);
      const changed = notes.find((n) => n.resolution.includes(String(save.newEmail)));
      expect(changed?.author.id).toBe('aad-agent-1');
    });
  });

  describe('findings beyond the role table', () => {
    // Fixed: `tasks <account>` is an account lookup, so it needs accounts.read (store staff do not have it).
    it('a store user cannot resolve an account at another location with "tasks <phone>"', async () => {
      const reply = await h.call({ kind: 'text', text: `tasks ${f.elsewhere.phones[0]!.number}` }, USERS.store);
      expect(reply.text).not.toContain(`${f.elsewhere.firstName} ${f.elsewhere.lastName}`);
    });

    /** The bot being added to a team channel, as Teams tells it, by someone Deskmate does not know. */
    const addedToChannel = (channel: string): Partial<Activity> => ({
      type: 'conversationUpdate',
      text: undefined,
      serviceUrl: 'http://127.0.0.1:1/',
      membersAdded: [{ id: 'bot-id', name: 'Deskmate' }],
      conversation: { id: channel, conversationType: 'channel', isGroup: true, name: '' },
      channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' }, team: { id: '19:team@thread.tacv2', name: 'Anyone\'s team' }, channel: { id: channel } },
    });
    const linksIn = async (store: SecurityBot['store'], channel: string) =>
      (await store.containers.conversations.items.query<{ id: string; reference?: { conversation?: { id?: string } } }>('SELECT * FROM c').fetchAll()).resources.filter((d) => d.reference?.conversation?.id === channel).map((d) => d.id);

    // By design (links.routes.ts, DEMO_DATA): in demo mode the channel the bot is added to gets every location
    // nobody linked yet, and the mentors, whoever adds the bot; that skips links.manage. It must stay demo-only.
    it('demo mode only: whoever adds the bot to a team channel (here someone not set up) gets the unlinked locations linked there', async () => {
      const channel = `19:${randomUUID().slice(0, 8)}@thread.tacv2`;
      await h.bot.send(addedToChannel(channel), USERS.none);
      expect((await linksIn(h.store, channel)).length).toBeGreaterThan(0);
    });

    it('outside demo mode, adding the bot to a team channel links nothing, whoever adds it', async () => {
      const quiet = await createBotHarness({ memoryState: true, env: { DEMO_DATA: 'off' } });
      try {
        const channel = `19:${randomUUID().slice(0, 8)}@thread.tacv2`;
        for (const user of [USERS.none, USERS.agent, USERS.admin]) await quiet.send(addedToChannel(channel), user);
        expect(await linksIn(quiet.store, channel)).toEqual([]);
      } finally {
        await quiet.close();
      }
    });
  });
});
