/**
 * The turn kinds the load sends. Each one says what the n-th request of a step is and how to tell
 * that its answer is the right one (an answer without that is counted as an error, as are HTTP
 * errors and timeouts).
 */
import { randomUUID } from 'node:crypto';
import type { KindId } from './config';
import type { Pools } from './dataset';
import { FAILURE_MARKERS, type Turn } from './activities';

export interface Request {
  turn: Turn;
  /** Undefined when the answer is right; else a short reason. */
  check(body: string): string | undefined;
}

export interface Kind {
  id: KindId;
  /** How the report names it. */
  label: string;
  /** Teams' limit for this kind of turn: 15 s for a message, 5 s for an invoke (Action.Execute). */
  teamsLimitMs: number;
  /** The n-th request of the run (n counts over every connection); undefined when the pool is used up. */
  request(n: number): Request | undefined;
}

/** What the kinds draw from: the build's pools and the KB questions. */
export interface KindSources {
  pools: Pools;
  questions: string[];
}

const MESSAGE_LIMIT_MS = 15_000;
const INVOKE_LIMIT_MS = 5_000;

/** The request is right when its answer has every `needles` text and no failure marker. */
function expecting(...needles: string[]): (body: string) => string | undefined {
  return (body) => {
    const failure = FAILURE_MARKERS.find((m) => body.includes(m));
    if (failure) return `answered "${failure}"`;
    const missing = needles.find((n) => !body.includes(n));
    return missing ? `no "${missing}" in the answer` : undefined;
  };
}

const at = <T>(list: readonly T[], n: number): T => {
  if (list.length === 0) throw new Error('empty pool');
  return list[n % list.length]!;
};

/** A note that passes the note checks: who called, why, what was done, the amount, what CT was told. */
const NOTE = {
  callerName: 'Jordan Ellis',
  callerRelationship: 'Account holder',
  reason: 'CT is asking for a refund: they moved out last month and the unit was still charged this month.',
  resolution: 'Verified the move-out was processed on the 3rd and the $89.00 charge on the 5th posted in error. Explained why the charge happened and apologized. Submitted a refund request for $89.00, approved by TL Morgan. Told CT the refund takes 7-10 business days depending on their bank. CT understood.',
  additionalInfo: '',
  followUp: 'N/A',
  disposition: 'Billing › Credit/Refund',
  urgent: 'false',
  collection: 'false',
  critical: 'false',
};

/** A due date two days from now (YYYY-MM-DD): in the future in every store's time zone. */
const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

export function buildKinds(sources: KindSources): Record<KindId, Kind> {
  const { pools, questions } = sources;
  const message = (text: string): Turn => ({ kind: 'message', text });
  const invoke = (verb: string, data: Record<string, unknown>): Turn => ({ kind: 'invoke', verb, data });
  return {
    ping: { id: 'ping', label: 'ping (whoami)', teamsLimitMs: MESSAGE_LIMIT_MS, request: () => ({ turn: message('whoami'), check: expecting('Your Deskmate profile') }) },
    kb: { id: 'kb', label: 'KB question', teamsLimitMs: MESSAGE_LIMIT_MS, request: (n) => ({ turn: message(at(questions, n)), check: expecting('"type":"message"') }) },
    phone: {
      id: 'phone', label: 'account by phone', teamsLimitMs: MESSAGE_LIMIT_MS,
      request: (n) => {
        const p = at(pools.phones, n);
        return { turn: message(`account ${p.phone}`), check: expecting(`"accountId":"${p.accountId}"`) };
      },
    },
    name: {
      id: 'name', label: 'account by name', teamsLimitMs: MESSAGE_LIMIT_MS,
      request: (n) => ({ turn: message(`account ${at(pools.names, n).name}`), check: expecting('"type":"message"', 'AdaptiveCard') }),
    },
    card: {
      id: 'card', label: 'customer card (3 units, 20 notes)', teamsLimitMs: MESSAGE_LIMIT_MS,
      request: (n) => {
        const accountId = at(pools.cardAccounts, n);
        return { turn: { kind: 'message', value: { verb: 'account.open', accountId } }, check: expecting(`"accountId":"${accountId}"`, 'Show more notes') };
      },
    },
    note: {
      id: 'note', label: 'note.submit', teamsLimitMs: INVOKE_LIMIT_MS,
      request: (n) => {
        const c = at(pools.customers, n);
        return { turn: invoke('note.submit', { ...NOTE, accountId: c.accountId, submissionId: randomUUID(), units: c.unitId }), check: expecting('Note saved') };
      },
    },
    task: {
      id: 'task', label: 'task.create', teamsLimitMs: INVOKE_LIMIT_MS,
      request: (n) => {
        const c = at(pools.customers, n + 7919);
        const data = { accountId: c.accountId, typeId: 'gate-opentech-failed', submissionId: randomUUID(), units: c.unitId, assignee: `location:${c.locationId}`, dueDate: inTwoDays(), dueTime: '10:00', details: 'CT verified; OpenTech unlock tried twice from the app, the gate did not open.', f_openTechTried: 'Yes', f_whatHappened: 'Keypad lights up, code accepted, gate stays shut.' };
        return { turn: invoke('task.create', data), check: expecting('Task created') };
      },
    },
    decide: {
      id: 'decide', label: 'escalation.decide', teamsLimitMs: INVOKE_LIMIT_MS,
      request: (n) => {
        const e = pools.escalations[n];
        if (!e) return undefined;
        const data = { accountId: e.accountId, escalationId: e.escalationId, outcome: 'approved', submissionId: randomUUID(), approveComment: 'Within policy: first refund on this account.' };
        return { turn: invoke('escalation.decide', data), check: expecting('Approved.', 'was told in their chat', 'A note is on the account') };
      },
    },
  };
}
