import { z } from 'zod/v4';
import { deepFreeze } from './shared/deep-freeze';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(blankToUndefined, schema.default(fallback as never));

const guid = z.guid({ error: 'expected a GUID such as 00000000-0000-0000-0000-000000000000' });
const AZURE_TIMEOUT_RANGE = 'expected milliseconds from 1000 to 12000 (a Teams turn must finish within 15 s)';
/** Where Azure OpenAI is and how to sign in: both needed by any Azure OpenAI feature. */
const AZURE_OPENAI_CONNECTION = { AZURE_OPENAI_ENDPOINT: 'endpoint', AZURE_OPENAI_API_KEY: 'API key' } as const;
/** What Azure OpenAI is used for: a chat deployment (generative answers), an embedding deployment (hybrid ranking), or both. */
const AZURE_OPENAI_USES = ['AZURE_OPENAI_DEPLOYMENT', 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT'] as const;
const AZURE_OPENAI_HINT = '(set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY with AZURE_OPENAI_DEPLOYMENT, AZURE_OPENAI_EMBEDDING_DEPLOYMENT or both, or none of them)';
const deploymentName = z.string().regex(/^[\w.-]{1,64}$/, 'expected a deployment name of letters, digits, ., - and _');
const SIMILARITY_RANGE = 'expected a cosine similarity above 0 and at most 1, such as 0.8';
const flag = z.enum(['auto', 'on', 'off'], { error: 'expected auto, on or off' });
const REMINDER_INTERVAL_RANGE = 'expected whole minutes from 1 to 1440 (a day)';
const SLA_RANGE = 'expected whole minutes from 1 to 600 (of business hours)';
const timeZoneName = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as America/Los_Angeles');

/** An http(s) URL on 127.0.0.1 or [::1]: BOT_OPENID_METADATA can only point at a server on this machine. */
function isLoopbackUrl(value: string): boolean {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  return !!url && (url.protocol === 'http:' || url.protocol === 'https:') && (url.hostname === '127.0.0.1' || url.hostname === '[::1]');
}

const envSchema = z
  .object({
    PORT: withDefault(z.coerce.number({ error: 'expected a port number' }).int().min(0, 'expected a port from 0 (any free port) to 65535').max(65535, 'expected a port from 0 (any free port) to 65535'), 3978),
    HOST: optional(z.string().regex(/^[\w.:-]+$/, 'expected a host name or IP address such as 127.0.0.1')),
    BOT_ID: optional(guid),
    BOT_PASSWORD: optional(z.string()),
    BOT_TENANT_ID: optional(guid),
    BOT_TYPE: withDefault(z.enum(['SingleTenant', 'UserAssignedMSI'], { error: 'expected SingleTenant or UserAssignedMSI (Azure no longer creates multi-tenant bots)' }), 'SingleTenant'),
    BOT_OPENID_METADATA: optional(z.string().refine(isLoopbackUrl, 'expected a loopback URL such as http://127.0.0.1:4000/.well-known/openid-configuration (for tests only: leave it unset to use the Bot Framework metadata)')),
    ALLOWED_TENANTS: optional(z.string().regex(/^[0-9a-fA-F-]{36}(,\s*[0-9a-fA-F-]{36})*$/, 'expected a comma-separated list of tenant GUIDs')),
    FIRST_ADMINS: optional(z.string().regex(/^[0-9a-fA-F-]{36}(,\s*[0-9a-fA-F-]{36})*$/, "expected a comma-separated list of Entra user object ids (GUIDs), e.g. the one `whoami` shows")),
    COSMOS_ENDPOINT: optional(z.url({ protocol: /^https$/, error: 'expected an https URL such as https://myaccount.documents.azure.com:443/' })),
    COSMOS_KEY: optional(z.string()),
    COSMOS_DATABASE: withDefault(z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, 'expected a database name of letters, digits, - and _'), 'deskmate'),
    EMBEDDED_COSMOS_DATA: withDefault(z.string(), '.data/cosmos.json'),
    DEMO_DATA: withDefault(flag, 'auto'),
    KB_DIR: withDefault(z.string(), './kb'),
    KB_BASE_URL: optional(z.url({ error: 'expected a URL such as https://help.example.com/kb' })),
    AZURE_OPENAI_ENDPOINT: optional(z.url({ protocol: /^https$/, error: 'expected an https URL such as https://myresource.openai.azure.com/' })),
    AZURE_OPENAI_API_KEY: optional(z.string()),
    AZURE_OPENAI_DEPLOYMENT: optional(deploymentName),
    AZURE_OPENAI_EMBEDDING_DEPLOYMENT: optional(deploymentName),
    AZURE_OPENAI_API_VERSION: withDefault(z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'expected an API version such as 2024-10-21'), '2024-10-21'),
    AZURE_OPENAI_TIMEOUT_MS: withDefault(z.coerce.number({ error: 'expected milliseconds' }).int().min(1000, AZURE_TIMEOUT_RANGE).max(12000, AZURE_TIMEOUT_RANGE), 10000),
    AZURE_OPENAI_CA_FILE: optional(z.string()),
    KB_MIN_SIMILARITY: withDefault(z.coerce.number({ error: SIMILARITY_RANGE }).gt(0, SIMILARITY_RANGE).max(1, SIMILARITY_RANGE), 0.8),
    TASK_REMINDERS: withDefault(z.enum(['on', 'off'], { error: 'expected on or off' }), 'on'),
    TASK_REMINDER_INTERVAL_MINUTES: withDefault(z.coerce.number({ error: REMINDER_INTERVAL_RANGE }).int(REMINDER_INTERVAL_RANGE).min(1, REMINDER_INTERVAL_RANGE).max(1440, REMINDER_INTERVAL_RANGE), 15),
    ESCALATION_SLA_MINUTES: withDefault(z.coerce.number({ error: SLA_RANGE }).int(SLA_RANGE).min(1, SLA_RANGE).max(600, SLA_RANGE), 15),
    ESCALATION_TIME_ZONE: withDefault(timeZoneName, 'America/Los_Angeles'),
    ESCALATION_SLA_CHECKS: withDefault(z.enum(['on', 'off'], { error: 'expected on or off' }), 'on'),
    LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expected one of fatal, error, warn, info, debug, trace, silent' }), 'info'),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_ID && !env.BOT_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TENANT_ID'], message: 'expected the bot tenant GUID when BOT_ID is set' });
    }
    if (env.BOT_ID && env.BOT_TYPE === 'SingleTenant' && !env.BOT_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['BOT_PASSWORD'], message: 'expected the bot client secret when BOT_ID is set and BOT_TYPE is SingleTenant' });
    }
    const azureSet = [...(Object.keys(AZURE_OPENAI_CONNECTION) as (keyof typeof AZURE_OPENAI_CONNECTION)[]), ...AZURE_OPENAI_USES].filter((name) => env[name] !== undefined);
    if (azureSet.length > 0) {
      const when = `when ${azureSet.join(' and ')} ${azureSet.length > 1 ? 'are' : 'is'} set`;
      for (const [name, what] of Object.entries(AZURE_OPENAI_CONNECTION)) {
        if (env[name as keyof typeof AZURE_OPENAI_CONNECTION] !== undefined) continue;
        ctx.addIssue({ code: 'custom', path: [name], message: `expected the Azure OpenAI ${what} too ${when} ${AZURE_OPENAI_HINT}` });
      }
      if (AZURE_OPENAI_USES.every((name) => env[name] === undefined)) {
        const message = `expected the Azure OpenAI deployment name too ${when}, or AZURE_OPENAI_EMBEDDING_DEPLOYMENT for hybrid KB ranking alone ${AZURE_OPENAI_HINT}`;
        ctx.addIssue({ code: 'custom', path: ['AZURE_OPENAI_DEPLOYMENT'], message });
      }
    }
  });

/** The validated, frozen process configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** True when no BOT_ID is set: requests are not authenticated, so the server binds to loopback only. */
  readonly authDisabled: boolean;
  readonly bot: {
    readonly id?: string;
    readonly password?: string;
    readonly tenantId?: string;
    readonly type: 'SingleTenant' | 'UserAssignedMSI';
    /**
     * Tests only (BOT_OPENID_METADATA, a loopback URL): where the channel's token signing keys are
     * published. Unset, the adapter uses the Bot Framework's own metadata.
     */
    readonly openIdMetadataUrl?: string;
  };
  readonly allowedTenants: readonly string[];
  /** Entra object ids made admins at start when they have no people record yet (FIRST_ADMINS). */
  readonly firstAdmins: readonly string[];
  readonly cosmos:
    | { readonly kind: 'embedded'; readonly dataFile: string; readonly database: string }
    | { readonly kind: 'azure'; readonly endpoint: string; readonly key?: string; readonly database: string };
  readonly demoData: boolean;
  readonly kbDir: string;
  /** Where KB files are published, for citation links of articles without a `url:`. */
  readonly kbBaseUrl?: string;
  /** Azure OpenAI chat deployment for generative answers; unset (no AZURE_OPENAI_DEPLOYMENT) means extractive answers only. */
  readonly azureOpenAI?: AzureOpenAIConfig;
  /**
   * Azure OpenAI embedding deployment (same endpoint, key, API version, timeout and CA file) for
   * hybrid KB ranking: lexical and embedding similarity fused. Unset means lexical ranking only.
   */
  readonly azureOpenAIEmbeddings?: AzureOpenAIConfig;
  /**
   * Cosine similarity between a question and a section's embedding above which the KB answers even
   * when too few of the question's words are in the KB. Only used with embeddings; depends on the
   * embedding model, so calibrate it with the real deployment (`npm run eval:kb` with the settings).
   */
  readonly kbMinSimilarity: number;
  /**
   * Overdue-task reminders: whether this instance runs reminder passes, and how long from the end of
   * one pass to the next. Each overdue task is reminded at most once per business day of its location,
   * however many instances run them (TASK_REMINDERS, TASK_REMINDER_INTERVAL_MINUTES).
   */
  readonly taskReminders: { readonly enabled: boolean; readonly intervalMs: number };
  /**
   * Mentor requests: how long one may wait for a mentor before it is re-announced in the mentors'
   * channel (business minutes: Mon-Fri 08:00-18:00 in `timeZone`; ESCALATION_SLA_MINUTES, default 15),
   * the mentors' time zone (ESCALATION_TIME_ZONE, default America/Los_Angeles), and whether this
   * instance runs the SLA passes (ESCALATION_SLA_CHECKS; one pass a minute). Each request is
   * re-announced at most once per SLA period however many instances run them.
   */
  readonly escalations: { readonly slaMinutes: number; readonly timeZone: string; readonly slaChecks: { readonly enabled: boolean; readonly intervalMs: number } };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** An Azure OpenAI deployment: the chat one that writes generative KB answers, or the embedding one. */
export interface AzureOpenAIConfig {
  readonly endpoint: string;
  /** Named `key` so the logger's redaction hides it. */
  readonly key: string;
  readonly deployment: string;
  readonly apiVersion: string;
  /** Limit for one model call, so the whole turn stays within Teams' 15 s. */
  readonly timeoutMs: number;
  /** PEM file of an extra CA to trust for the endpoint (a TLS-inspecting proxy, or a local test server). */
  readonly caFile?: string;
}

/** Thrown when the environment is invalid; `problems` has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a frozen Config, or throws ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`));
  }
  const e = result.data;
  const authDisabled = !e.BOT_ID;
  // The refinement above guarantees endpoint and key whenever a deployment is set.
  const azureDeployment = (deployment: string | undefined): AzureOpenAIConfig | undefined =>
    deployment && e.AZURE_OPENAI_ENDPOINT && e.AZURE_OPENAI_API_KEY
      ? { endpoint: e.AZURE_OPENAI_ENDPOINT, key: e.AZURE_OPENAI_API_KEY, deployment, apiVersion: e.AZURE_OPENAI_API_VERSION, timeoutMs: e.AZURE_OPENAI_TIMEOUT_MS, caFile: e.AZURE_OPENAI_CA_FILE }
      : undefined;
  const cosmos: Config['cosmos'] = e.COSMOS_ENDPOINT
    ? { kind: 'azure', endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY, database: e.COSMOS_DATABASE }
    : { kind: 'embedded', dataFile: e.EMBEDDED_COSMOS_DATA, database: e.COSMOS_DATABASE };
  return deepFreeze({
    port: e.PORT,
    host: authDisabled ? '127.0.0.1' : (e.HOST ?? '0.0.0.0'),
    authDisabled,
    bot: { id: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, type: e.BOT_TYPE, openIdMetadataUrl: e.BOT_OPENID_METADATA },
    allowedTenants: e.ALLOWED_TENANTS ? e.ALLOWED_TENANTS.split(',').map((t) => t.trim().toLowerCase()) : [],
    firstAdmins: e.FIRST_ADMINS ? e.FIRST_ADMINS.split(',').map((id) => id.trim().toLowerCase()) : [],
    cosmos,
    demoData: e.DEMO_DATA === 'on' || (e.DEMO_DATA === 'auto' && cosmos.kind === 'embedded'),
    kbDir: e.KB_DIR,
    kbBaseUrl: e.KB_BASE_URL,
    azureOpenAI: azureDeployment(e.AZURE_OPENAI_DEPLOYMENT),
    azureOpenAIEmbeddings: azureDeployment(e.AZURE_OPENAI_EMBEDDING_DEPLOYMENT),
    kbMinSimilarity: e.KB_MIN_SIMILARITY,
    taskReminders: { enabled: e.TASK_REMINDERS === 'on', intervalMs: e.TASK_REMINDER_INTERVAL_MINUTES * 60_000 },
    escalations: { slaMinutes: e.ESCALATION_SLA_MINUTES, timeZone: e.ESCALATION_TIME_ZONE, slaChecks: { enabled: e.ESCALATION_SLA_CHECKS === 'on', intervalMs: 60_000 } },
    logLevel: e.LOG_LEVEL,
  });
}
