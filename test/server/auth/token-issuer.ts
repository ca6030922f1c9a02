import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/** The issuer the Bot Connector puts on the tokens it sends to bots (public cloud). */
export const BOT_CONNECTOR_ISSUER = 'https://api.botframework.com';

/** An RSA key pair and the kid it is (or would be) published under. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

/**
 * A stand-in for the Bot Framework's token service on loopback: an OpenID configuration and its JWKS
 * (RSA keys with `endorsements`, as login.botframework.com publishes them), and RS256 tokens shaped
 * like the ones the Bot Connector sends to a bot.
 */
export interface TokenIssuer {
  /** The OpenID configuration URL, for BOT_OPENID_METADATA. */
  readonly metadataUrl: string;
  /** The key published with `endorsements: ['msteams']`. */
  readonly teamsKey: SigningKey;
  /** A key published with `endorsements: ['webchat']` only. */
  readonly webchatKey: SigningKey;
  /** How many requests the metadata and key endpoints have answered. */
  readonly requests: () => number;
  /** Makes a new RSA key that the JWKS does not list. */
  unpublishedKey(): SigningKey;
  /**
   * A Bot Connector token: iss, aud, serviceurl, nbf and exp (an hour from now) unless overridden
   * (`undefined` removes a claim), signed with `key` (default the Teams key) under its kid (or `kid`).
   */
  token(claims: { aud: string; serviceurl: string } & Record<string, unknown>, options?: { key?: SigningKey; kid?: string }): string;
  close(): Promise<void>;
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const teamsKey = newSigningKey();
  const webchatKey = newSigningKey();
  const published = [
    { key: teamsKey, endorsements: ['msteams'] },
    { key: webchatKey, endorsements: ['webchat'] },
  ];
  let requests = 0;
  let baseUrl = '';
  const server: Server = createServer((req, res) => {
    requests += 1;
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/.well-known/openid-configuration') {
      send({ issuer: BOT_CONNECTOR_ISSUER, jwks_uri: `${baseUrl}/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
    } else if (req.method === 'GET' && req.url === '/keys') {
      send({ keys: published.map(({ key, endorsements }) => ({ ...key.publicKey.export({ format: 'jwk' }), kid: key.kid, use: 'sig', alg: 'RS256', endorsements })) });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${baseUrl}/.well-known/openid-configuration`,
    teamsKey,
    webchatKey,
    requests: () => requests,
    unpublishedKey: newSigningKey,
    token(claims, options = {}) {
      const key = options.key ?? teamsKey;
      const now = Math.floor(Date.now() / 1000);
      const payload = Object.fromEntries(Object.entries({ iss: BOT_CONNECTOR_ISSUER, nbf: now - 60, exp: now + 3600, ...claims }).filter(([, v]) => v !== undefined));
      const signingInput = `${base64url({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? key.kid })}.${base64url(payload)}`;
      return `${signingInput}.${sign('sha256', Buffer.from(signingInput), key.privateKey).toString('base64url')}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
