import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';
import { keepEntityProperties } from './entity-serialization';

/**
 * The Bot Framework adapter. With a BOT_ID every incoming request must carry a valid Bot Framework
 * token (the adapter's own validation); without one, authentication is off and the server listens
 * on loopback only.
 */
export function createAdapter(config: Config): TeamsAdapter {
  const { bot } = config;
  keepEntityProperties();
  if (!bot.id) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: bot.id,
    MicrosoftAppPassword: bot.password ?? '',
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  });
}
