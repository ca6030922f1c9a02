/** The open mentor requests the `decide` kind takes, one per request (built once with the data). */
import { randomUUID } from 'node:crypto';
import { parseConfig } from '../../src/config';
import { startDeskmate } from '../../src/deskmate';
import { createLogger } from '../../src/shared/logger';
import { forEachBounded } from '../../src/shared/bounded';
import type { LoadConfig } from './config';
import type { Pools } from './dataset';
import { activity, postActivity, replyText } from './activities';
import { startConnectorStub } from './connector-stub';
import { linkMentorsChannel } from './mentors-channel';

const log = (text: string) => process.stderr.write(text);

/**
 * The open mentor requests, made the way an agent makes them: the bot runs in this process on the
 * data file, an admin links the mentors' channel, and the requester sends `escalation.create` from the
 * card, 8 at a time. Each request is posted to the mentors' channel, so a decision updates that post.
 */
export async function createEscalations(file: string, pools: Pools, config: LoadConfig): Promise<Pools['escalations']> {
  if (config.escalations === 0) return [];
  log(`… making ${config.escalations.toLocaleString('en-US')} open mentor requests through the bot`);
  const connector = await startConnectorStub();
  const botConfig = parseConfig({ PORT: '0', EMBEDDED_COSMOS_DATA: file, KB_DIR: 'kb', DEMO_DATA: 'on', TASK_REMINDERS: 'off', ESCALATION_SLA_CHECKS: 'off', LOG_LEVEL: 'warn' });
  const bot = await startDeskmate(botConfig, createLogger('error', process.stderr), { watchKb: false });
  const made: Pools['escalations'] = [];
  try {
    await linkMentorsChannel(bot.url, connector.url, pools.tenantId);
    const jobs = Array.from({ length: config.escalations }, (_, i) => pools.customers[i % pools.customers.length]!);
    let done = 0;
    await forEachBounded(jobs, 8, async (customer) => {
      const escalationId = randomUUID();
      const data = { accountId: customer.accountId, typeId: 'refund', submissionId: escalationId, unitId: customer.unitId, f_kind: 'Refund', f_amount: '49.98', f_why: 'Charged again after the move-out; CT asks for the last payment back.' };
      const sent = activity({ kind: 'invoke', verb: 'escalation.create', data }, { user: pools.requester, conversationId: 'bench-requester-chat', serviceUrl: connector.url, tenantId: pools.tenantId, id: `build-${escalationId}` });
      const reply = await postActivity(bot.url, sent);
      if (reply.status !== 200 || !reply.body.includes('Your request was recorded and sent to the mentors')) throw new Error(`escalation.create failed (${reply.status}): ${replyText(reply.body).slice(0, 300)}`);
      made.push({ accountId: customer.accountId, escalationId });
      done += 1;
      if (done % 500 === 0) log('.');
    });
    const check = await bot.store.containers.escalations.item(made[0]!.escalationId, made[0]!.accountId).read<{ status?: string; posts?: { linkId: string }[] }>();
    if (check.resource?.status !== 'open' || check.resource.posts?.[0]?.linkId !== 'mentors') throw new Error(`the first request made is not open and posted to the mentors in the store: ${JSON.stringify(check.resource)?.slice(0, 200)}`);
  } finally {
    await bot.stop();
    await connector.close();
  }
  log(' done\n');
  return made;
}
