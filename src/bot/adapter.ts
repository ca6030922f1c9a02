import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
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
  return new TokenCheckingAdapter({
    MicrosoftAppId: bot.id,
    MicrosoftAppPassword: bot.password ?? '',
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId ?? '',
    ...(bot.openIdMetadataUrl ? publicCloudWithChannelMetadata(bot.openIdMetadataUrl) : {}),
  });
}

/**
 * The SDK's public-cloud settings (botframework-connector's AuthenticationConstants) with only the
 * channel's OpenID metadata replaced by a test server's. Setting any one of these makes the SDK take
 * all of them from configuration, so all are given.
 */
function publicCloudWithChannelMetadata(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** What the token library throws for a token that is badly signed, not valid yet or expired. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * The Teams adapter, with every refused token answered 401. The SDK answers 401 only for its own
 * AuthenticationError; a token the JWT library rejects itself (a forged signature on a published key
 * id, a token not valid yet) would otherwise come back as 500. No handler runs either way.
 */
class TokenCheckingAdapter extends TeamsAdapter {
  override async processActivity(
    authHeaderOrAuthenticateRequestResult: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ) {
    try {
      return await super.processActivity(authHeaderOrAuthenticateRequestResult as string, activity, logic);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw new AuthenticationError(`Unauthorized: ${error.name}`, 401);
      throw error;
    }
  }
}
