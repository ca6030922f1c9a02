import fc from 'fast-check';
import { TEST_PEOPLE } from '../helpers/bot-harness';
import type { UserKey } from './payloads';
import { STRANGER, type FuzzUser } from './robust-bot';

/**
 * Runs per verb and per way of pressing (Action.Execute, Action.Submit), and the seed: every run is the
 * same. FUZZ_RUNS and FUZZ_SEED explore further by hand (e.g. FUZZ_RUNS=300); CI uses the defaults.
 */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
export const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

/** Long strings cut for failure reports (a counterexample may hold 100 KB strings). */
export function shorten(value: unknown, max = 400): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 40)}…(${v.length} chars)` : v)) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** One generated press: who, and what the card sent; printed short when fast-check reports it. */
export class FuzzCase {
  constructor(
    readonly user: UserKey,
    readonly payload: unknown,
  ) {}

  get sender(): FuzzUser {
    return this.user === 'stranger' ? STRANGER : (this.user satisfies keyof typeof TEST_PEOPLE);
  }

  /** The AAD object id Teams gives for the sender. */
  get senderId(): string {
    return this.user === 'stranger' ? STRANGER.id : TEST_PEOPLE[this.user].id;
  }

  [fc.toStringMethod](): string {
    return `${this.user} sends ${shorten(this.payload)}`;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
