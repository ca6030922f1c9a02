import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';
import { startDeskmate, type RunningDeskmate } from '../../src/deskmate';
import { addFirstAdmins, FIRST_ADMIN_NAME } from '../../src/features/people/first-admins';
import { PeopleStore } from '../../src/features/people/people.store';
import { silentLogger } from '../../src/shared/logger';
import { visibleText } from '../helpers/bot-harness';
import { postExpectReplies } from '../helpers/http';

const FIRST = '7a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const SECOND = '0b1c2d3e-4f50-4a6b-8c7d-8e9f0a1b2c3d';
const STRANGER = '99999999-8888-4777-8666-555555555555';

/** A new deployment's people container is empty: FIRST_ADMINS are admins from the first start. */
describe('FIRST_ADMINS', () => {
  let deskmate: RunningDeskmate;
  beforeAll(async () => {
    const config = parseConfig({ PORT: '0', DEMO_DATA: 'off', COSMOS_DATABASE: 'first-admins-test', TASK_REMINDERS: 'off', ESCALATION_SLA_CHECKS: 'off', FIRST_ADMINS: `${FIRST}, ${SECOND.toUpperCase()}` });
    deskmate = await startDeskmate(config, silentLogger(), { persist: false, watchKb: false });
  });
  afterAll(async () => {
    await deskmate?.stop();
  });

  const say = (text: string, aadObjectId: string, name: string) =>
    postExpectReplies(deskmate.url, { text, from: { id: `29:${aadObjectId}`, name, aadObjectId }, conversation: { id: `chat-${aadObjectId}`, conversationType: 'personal' } as never });

  it('makes each listed person an admin, named as Teams names them once they write', async () => {
    const people = new PeopleStore(deskmate.store.containers.people);
    expect(await people.get(FIRST)).toMatchObject({ name: FIRST_ADMIN_NAME, roles: ['admin'], active: true });
    expect(await people.get(SECOND), 'ids are kept in lower case, as Teams sends them').toMatchObject({ roles: ['admin'] });

    const { replies } = await say('whoami', FIRST, 'Nestor Wilke');
    expect(visibleText(replies)).toContain('Nestor Wilke');
    expect(visibleText(replies)).toContain('Admin');
    expect((await people.get(FIRST))?.name).toBe('Nestor Wilke');
  });

  it('lets a first admin do what only admins may, and nobody else', async () => {
    const admin = await say('links', FIRST, 'Nestor Wilke');
    expect(visibleText(admin.replies)).not.toMatch(/not set up|does not allow/i);
    const stranger = await say('links', STRANGER, 'Someone Else');
    expect(visibleText(stranger.replies)).toMatch(/not set up in Deskmate yet/);
  });

  it('never changes a record that exists: a first admin whose role was changed stays changed', async () => {
    const people = new PeopleStore(deskmate.store.containers.people);
    await people.upsert({ id: SECOND, name: 'Lynne Robbins', roles: ['agent'], locationIds: [], active: true });
    expect(await addFirstAdmins(people, [SECOND, STRANGER], silentLogger())).toEqual([STRANGER]);
    expect(await people.get(SECOND)).toMatchObject({ name: 'Lynne Robbins', roles: ['agent'] });
  });

  it('refuses a FIRST_ADMINS value that is not a list of object ids', () => {
    expect(() => parseConfig({ FIRST_ADMINS: 'megan@contoso.com' })).toThrow(ConfigError);
    expect(() => parseConfig({ FIRST_ADMINS: `${FIRST},` })).toThrow(ConfigError);
    expect(parseConfig({ FIRST_ADMINS: '' }).firstAdmins).toEqual([]);
  });
});
