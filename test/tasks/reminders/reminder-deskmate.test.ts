import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config';
import { startDeskmate, type RunningDeskmate } from '../../../src/deskmate';
import { DEMO_LOCATIONS } from '../../../src/demo/demo-locations';
import { LinksStore } from '../../../src/features/links/links.store';
import { TasksStore } from '../../../src/features/tasks/tasks.store';
import type { Task } from '../../../src/features/tasks/tasks.schemas';
import { createLogger } from '../../../src/shared/logger';
import { logCapture } from '../../helpers/bot-harness';
import { startConnector, TENANT } from '../../links/links-helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A store open around the clock on UTC time, so a pass at the real time always finds it open. */
const ALWAYS_OPEN = { ...DEMO_LOCATIONS[0]!, id: 'ZZ24', name: 'Deskmate Storage Always Open', timeZone: 'UTC', officeHours: [{ days: 'Mon-Sun', open: '00:00', close: '24:00' }] };

/** The loop as deskmate.ts runs it: started once ready (unless TASK_REMINDERS=off), stopped before the store closes. */
describe('reminders in the running bot', () => {
  let deskmate: RunningDeskmate | undefined;
  let connector: Awaited<ReturnType<typeof startConnector>> | undefined;
  afterEach(async () => {
    await deskmate?.stop();
    await connector?.close();
    deskmate = connector = undefined;
  });

  async function start(env: Record<string, string>, reminderDelayMs: number) {
    const logs = logCapture();
    const config = parseConfig({ PORT: '0', DEMO_DATA: 'off', COSMOS_DATABASE: 'reminders-wiring', ...env });
    deskmate = await startDeskmate(config, createLogger('debug', logs.stream), { persist: false, watchKb: false, reminderDelayMs });
    const { containers } = deskmate.store;
    connector = await startConnector();
    await containers.locations.items.upsert(ALWAYS_OPEN);
    await new LinksStore(containers.conversations).upsert({
      id: 'location:ZZ24', docType: 'link', kind: 'location', target: 'ZZ24', targetName: ALWAYS_OPEN.name,
      reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: '19:zz24@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: TENANT }, bot: { id: 'bot-id', name: 'Deskmate' } },
      place: { channelName: 'Always open' }, linkedBy: { id: 'aad-admin-1', name: 'Ada Admin' }, linkedAt: new Date().toISOString(), via: 'command',
    });
    const at = new Date(Date.now() - 86_400_000).toISOString();
    const requester = { id: 'aad-agent-1', name: 'Avery Agent' };
    const task: Task = {
      id: 'wired-1', accountId: 'A-ZZ24', accountName: 'Jordan Reyes', locationId: 'ZZ24', unitIds: ['B112'], typeId: 'vacate-same-day', category: 'Vacate', name: 'Same day vacate',
      fields: {}, details: '', assignee: { kind: 'location', id: 'ZZ24', name: ALWAYS_OPEN.name }, requester, status: 'open', dueAt: at, createdAt: at, updatedAt: at,
      checklist: [], history: [{ at, by: requester, action: 'created' }], posts: [],
    };
    await new TasksStore(containers.tasks).create(task);
    return { logs: logs.lines, read: () => new TasksStore(containers.tasks).get(task.accountId, task.id) };
  }

  it('runs a pass soon after start and stops with the bot', async () => {
    const { logs, read } = await start({ TASK_REMINDER_INTERVAL_MINUTES: '1' }, 500);
    const deadline = Date.now() + 10_000;
    while (!connector!.calls.length && Date.now() < deadline) await sleep(20);
    expect(connector!.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    while (!(await read())?.posts.length && Date.now() < deadline) await sleep(20);
    expect((await read())?.posts).toEqual([{ linkId: 'location:ZZ24', activityId: 'posted-1' }]);
    expect(logs.find((l) => l.msg === 'task reminders: started')).toMatchObject({ intervalMs: 60_000 });
    await deskmate!.stop();
    deskmate = undefined;
  });

  it('does not run with TASK_REMINDERS=off', async () => {
    // The same setup as above, where a pass after 200 ms posts.
    const { logs } = await start({ TASK_REMINDERS: 'off' }, 200);
    await sleep(600);
    expect(connector!.calls).toHaveLength(0);
    expect(logs.some((l) => l.msg === 'task reminders: started')).toBe(false);
  });
});
