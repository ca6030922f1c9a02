import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';
import { CONTAINERS, PARTITION_KEYS } from '../../src/store/containers';
import {
  ROOT,
  appSettings,
  bicepCode,
  bicepParams,
  bicepResource,
  bicepResources,
  bicepStringMap,
  bicepStringVar,
  literal,
  property,
  readBicep,
} from './bicep-text';

const bicep = readBicep();
const param = (name: string) => bicepParams(bicep).find((p) => p.name === name);

describe('infra/azure.bicep: shape (no Bicep compiler here)', () => {
  const code = bicepCode(bicep);

  it('has balanced braces and brackets', () => {
    const count = (char: string) => code.split(char).length - 1;
    expect(count('{')).toBe(count('}'));
    expect(count('[')).toBe(count(']'));
    expect(count('(')).toBe(count(')'));
  });

  it('uses every parameter and variable, and declares every parent and scope it names', () => {
    const declared = [...code.matchAll(/^(?:param|var)\s+(\w+)/gm)].map((m) => m[1]!);
    for (const name of declared) {
      expect(code.match(new RegExp(`\\b${name}\\b`, 'g'))!.length, `${name} is used`).toBeGreaterThan(1);
    }
    const resources = new Set(bicepResources(bicep).map((r) => r.symbol));
    for (const m of code.matchAll(/^\s*(?:parent|scope):\s*(\w+)\s*$/gm)) expect(resources, `resource ${m[1]}`).toContain(m[1]);
  });
});

describe('infra/azure.bicep: Cosmos DB', () => {
  it('declares every container of src/store/containers.ts with its partition key', () => {
    const declared = bicepStringMap(bicep, 'containerPartitionKeys');
    expect(Object.keys(declared).sort(), 'container names').toEqual(Object.values(CONTAINERS).sort());
    expect(declared).toEqual(PARTITION_KEYS);
  });

  it('creates one container per entry, in the database, with that partition key', () => {
    const containers = bicepResource(bicep, 'containers');
    expect(containers.type).toBe('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    expect(containers.body).toMatch(/\[for (\w+) in items\(containerPartitionKeys\): \{/);
    const loopVar = /\[for (\w+) in/.exec(containers.body)![1];
    expect(property(containers.body, 'parent')).toBe('database');
    expect(property(containers.body, 'name')).toBe(`${loopVar}.key`);
    expect(property(containers.body, 'id')).toBe(`${loopVar}.key`);
    expect(containers.body).toMatch(new RegExp(`paths: \\[\\s*${loopVar}\\.value\\s*\\]`));
    expect(property(containers.body, 'kind')).toBe("'Hash'");
    expect(property(bicepResource(bicep, 'database').body, 'parent')).toBe('cosmos');
  });

  it('is a NoSQL account with local (key) auth off, TLS 1.2 and serverless by default', () => {
    const cosmos = bicepResource(bicep, 'cosmos');
    expect(cosmos.type).toBe('Microsoft.DocumentDB/databaseAccounts');
    expect(property(cosmos.body, 'kind')).toBe("'GlobalDocumentDB'");
    expect(property(cosmos.body, 'disableLocalAuth')).toBe('true');
    expect(property(cosmos.body, 'minimalTlsVersion')).toBe("'Tls12'");
    expect(cosmos.body).toMatch(/capabilities: cosmosServerless \? \[\s*\{\s*name: 'EnableServerless'\s*\}\s*\] : \[\]/);
    expect(param('cosmosServerless')).toMatchObject({ type: 'bool', defaultValue: 'true' });
    expect(bicep, 'nothing reads account keys').not.toMatch(/listKeys|listConnectionStrings|primaryMasterKey/);
  });

  it('gives the identity the built-in Data Contributor role on the account (data-plane RBAC)', () => {
    const assignment = bicepResource(bicep, 'cosmosDataContributor');
    expect(assignment.type).toBe('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    expect(bicepStringVar(bicep, 'cosmosDataContributorRoleId')).toBe('00000000-0000-0000-0000-000000000002');
    expect(property(assignment.body, 'roleDefinitionId')).toBe("'${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'");
    expect(property(assignment.body, 'principalId')).toBe('identity.properties.principalId');
    expect(property(assignment.body, 'scope')).toBe('cosmos.id');
  });
});

describe('infra/azure.bicep: Azure Bot', () => {
  it('signs in as the user-assigned identity (UserAssignedMSI, never MultiTenant)', () => {
    const bot = bicepResource(bicep, 'bot');
    expect(bot.type).toBe('Microsoft.BotService/botServices');
    expect(property(bot.body, 'kind')).toBe("'azurebot'");
    expect(property(bot.body, 'msaAppType')).toBe("'UserAssignedMSI'");
    expect(bicep).not.toMatch(/MultiTenant/);
    expect(property(bot.body, 'msaAppId')).toBe('identity.properties.clientId');
    expect(property(bot.body, 'msaAppTenantId')).toBe('identity.properties.tenantId');
    expect(property(bot.body, 'msaAppMSIResourceId')).toBe('identity.id');
    expect(property(bot.body, 'endpoint')).toBe("'https://${webApp.properties.defaultHostName}/api/messages'");
  });

  it('is on the F0 tier by default and has the Teams channel', () => {
    const bot = bicepResource(bicep, 'bot');
    expect(bot.body).toMatch(/sku: \{\s*name: botSku\s*\}/);
    expect(param('botSku')).toMatchObject({ defaultValue: "'F0'", allowed: ['F0', 'S1'] });
    const channel = bicepResources(bicep).find((r) => r.type === 'Microsoft.BotService/botServices/channels');
    expect(channel, 'a botServices/channels resource').toBeDefined();
    expect(property(channel!.body, 'parent')).toBe('bot');
    expect(property(channel!.body, 'name')).toBe("'MsTeamsChannel'");
    expect(property(channel!.body, 'channelName')).toBe("'MsTeamsChannel'");
  });
});

describe('infra/azure.bicep: App Service', () => {
  const webApp = bicepResource(bicep, 'webApp');

  it('runs Node 22 LTS on Linux with `npm start`, HTTPS only, FTP off, TLS 1.2', () => {
    expect(webApp.type).toBe('Microsoft.Web/sites');
    expect(property(webApp.body, 'linuxFxVersion')).toBe("'NODE|22-lts'");
    expect(property(webApp.body, 'appCommandLine')).toBe("'npm start'");
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start, 'package.json has a start script').toBeTruthy();
    expect(property(webApp.body, 'httpsOnly')).toBe('true');
    expect(property(webApp.body, 'ftpsState')).toBe("'Disabled'");
    expect(property(webApp.body, 'minTlsVersion')).toBe("'1.2'");
    expect(property(webApp.body, 'alwaysOn')).toBe("webAppSku != 'F1'");
    expect(property(webApp.body, 'healthCheckPath')).toBe("'/healthz'");
    const plan = bicepResource(bicep, 'plan');
    expect(plan.type).toBe('Microsoft.Web/serverfarms');
    expect(property(plan.body, 'reserved'), 'a Linux plan').toBe('true');
  });

  it('installs the packages on App Service, since the upload leaves node_modules out', () => {
    const settings = appSettings(webApp.body);
    expect(settings.get('SCM_DO_BUILD_DURING_DEPLOYMENT')).toBe("'true'");
    expect(settings.has('WEBSITE_RUN_FROM_PACKAGE'), 'a read-only package cannot be built in place').toBe(false);
  });

  it('runs as the user-assigned identity', () => {
    expect(bicepResource(bicep, 'identity').type).toBe('Microsoft.ManagedIdentity/userAssignedIdentities');
    expect(property(webApp.body, 'type')).toBe("'UserAssigned'");
    expect(webApp.body).toMatch(/userAssignedIdentities: \{\s*'\$\{identity\.id\}': \{\}\s*\}/);
  });

  it('sets no secret: no key, password or client secret in the app settings', () => {
    const names = [...appSettings(webApp.body).keys()];
    expect(names).not.toContain('COSMOS_KEY');
    expect(names).not.toContain('BOT_PASSWORD');
    expect(names).not.toContain('AZURE_CLIENT_SECRET');
  });

  it('uses the identity for the bot and for DefaultAzureCredential (Cosmos DB)', () => {
    const settings = appSettings(webApp.body);
    expect(settings.get('BOT_ID')).toBe('identity.properties.clientId');
    expect(settings.get('AZURE_CLIENT_ID')).toBe('identity.properties.clientId');
    expect(settings.get('BOT_TENANT_ID')).toBe('identity.properties.tenantId');
    expect(settings.get('BOT_TYPE')).toBe("'UserAssignedMSI'");
    expect(settings.get('COSMOS_ENDPOINT')).toBe('cosmos.properties.documentEndpoint');
    expect(settings.get('COSMOS_DATABASE')).toMatch(/^(database\.name|cosmosDatabaseName)$/);
    expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe('appInsights.properties.ConnectionString');
    expect(settings.get('ALLOWED_TENANTS')).toContain('allowedTenants');
    expect(settings.get('KB_DIR')).toBe('kbDir');
    expect(settings.get('FIRST_ADMINS')).toBe('firstAdmins');
  });

  it('starts Deskmate in Azure mode: src/config.ts accepts the app settings as they are', () => {
    const env = azureEnvironment();
    const config = parseConfig(env);
    expect(config.authDisabled).toBe(false);
    expect(config.bot).toMatchObject({ id: SAMPLE.BOT_ID, tenantId: SAMPLE.BOT_TENANT_ID, type: 'UserAssignedMSI' });
    expect(config.bot.password).toBeUndefined();
    expect(config.cosmos).toMatchObject({ kind: 'azure', database: literal(param('cosmosDatabaseName')!.defaultValue!) });
    expect(config.cosmos.kind === 'azure' && new URL(config.cosmos.endpoint).host).toBe(new URL(SAMPLE.COSMOS_ENDPOINT).host);
    expect(config.cosmos.kind === 'azure' && config.cosmos.key, 'no Cosmos key: Entra ID through the identity').toBeFalsy();
    expect(config.allowedTenants).toEqual([SAMPLE.ALLOWED_TENANTS]);
    expect(config.firstAdmins).toEqual([]);
    expect(config.demoData).toBe(false);
    expect(existsSync(resolve(ROOT, config.kbDir)), `KB_DIR ${config.kbDir} is a folder of the project`).toBe(true);
  });

  it('offers only LOG_LEVEL values the config accepts', () => {
    const levels = param('logLevel')!.allowed!;
    expect(levels).toContain('info');
    for (const level of levels) expect(parseConfig({ ...azureEnvironment(), LOG_LEVEL: level }).logLevel).toBe(level);
  });

  it('would not start in Azure mode without BOT_TYPE, BOT_TENANT_ID or COSMOS_ENDPOINT', () => {
    const without = (name: string) => Object.fromEntries(Object.entries(azureEnvironment()).filter(([key]) => key !== name));
    expect(() => parseConfig(without('BOT_TYPE')), 'SingleTenant would need a password').toThrow(ConfigError);
    expect(() => parseConfig(without('BOT_TENANT_ID'))).toThrow(ConfigError);
    expect(parseConfig(without('COSMOS_ENDPOINT')).cosmos.kind, 'the embedded store instead of Azure').toBe('embedded');
  });
});

/** Stand-ins for the values Azure fills in at deployment, by app setting name. */
const SAMPLE = {
  BOT_ID: '0f0e0d0c-0b0a-4998-8776-655443322110',
  AZURE_CLIENT_ID: '0f0e0d0c-0b0a-4998-8776-655443322110',
  BOT_TENANT_ID: '11111111-2222-4333-8444-555555555555',
  ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
  COSMOS_ENDPOINT: 'https://cosmos-deskmatedev-abc.documents.azure.com:443/',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.in.applicationinsights.azure.com/',
} as const;

/**
 * The process environment App Service gives the bot: literal settings as written, a parameter (or
 * `database.name`) as its default in the Bicep, other computed ones (identity ids, endpoints) as a
 * sample. A computed setting without a sample fails here, so a new one is noticed.
 */
function azureEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  const viaParam = (expression: string) => (expression === 'database.name' ? 'cosmosDatabaseName' : expression);
  for (const [name, expression] of appSettings(bicepResource(bicep, 'webApp').body)) {
    const paramDefault = param(viaParam(expression))?.defaultValue;
    const value = literal(expression) ?? (paramDefault && literal(paramDefault)) ?? (SAMPLE as Record<string, string>)[name];
    if (value === undefined) throw new Error(`app setting ${name} = ${expression}: add a sample value to this test`);
    env[name] = value;
  }
  return env;
}
