import type { Logger } from '../../shared/logger';
import type { PersonalChatEvent } from './links.reference';
import type { UserSighting } from './links.schemas';
import type { LinksService } from './links.service';

/** How many people's last stored personal-chat references one process remembers. */
export const REMEMBERED_USERS = 10_000;

/** A map that keeps at most `max` entries, dropping the least recently used one first. */
export class RecentMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** What recording one activity did. */
export type UserLinkRecord = 'stored' | 'unchanged' | 'forgotten' | 'failed';

/**
 * Keeps people's user links up to date from their personal chats without a Cosmos write on every turn:
 * it remembers, per person, what it last stored in this process and writes only when that is missing
 * or changed (another service URL, conversation, tenant, bot or display name), or when the bot was just
 * installed. It never throws: a failure is logged at warn, without ids or message text, and the turn goes on.
 */
export class UserLinkRecorder {
  private readonly stored: RecentMap<string>;

  constructor(
    private readonly links: Pick<LinksService, 'rememberUser' | 'forgetUser'>,
    private readonly logger: Logger,
    remember: number = REMEMBERED_USERS,
  ) {
    this.stored = new RecentMap(remember);
  }

  async record(event: PersonalChatEvent): Promise<UserLinkRecord> {
    try {
      if (event.kind === 'removed') {
        this.stored.delete(event.aadObjectId);
        await this.links.forgetUser(event.aadObjectId);
        return 'forgotten';
      }
      const key = referenceKey(event.user);
      if (event.kind === 'seen' && this.stored.get(event.user.aadObjectId) === key) return 'unchanged';
      await this.links.rememberUser(event.user);
      this.stored.set(event.user.aadObjectId, key);
      return 'stored';
    } catch (error) {
      const status = (error as { code?: unknown } | undefined)?.code;
      this.logger.warn({ problem: error instanceof Error ? error.name : 'unknown', status: typeof status === 'number' ? status : undefined, event: event.kind }, 'could not store the user link; the turn goes on');
      return 'failed';
    }
  }
}

/** Everything a user link stores but the time: when it changes, the link is written again. */
function referenceKey(user: UserSighting): string {
  const { reference } = user;
  return JSON.stringify([reference.serviceUrl, reference.conversation.id, reference.conversation.tenantId, reference.channelId, reference.bot.id, reference.bot.name, user.name]);
}
