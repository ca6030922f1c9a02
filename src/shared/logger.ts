import pino from 'pino';

export type Logger = pino.Logger;

/** Keys whose values are secrets, at any depth of a logged object. */
const SECRET_KEY = /(password|secret|token|authorization|api-?key|^key$|credential)/i;
const MAX_DEPTH = 8;

/** A copy of `value` with every secret-named key censored, however deep (cycles and depth bounded). */
export function censorSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (!value || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Error) return { name: value.name, message: value.message, ...(censorSecrets({ ...value }, depth + 1, seen) as object) };
  if (Array.isArray(value)) return value.map((v) => censorSecrets(v, depth + 1, seen));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && v !== undefined && v !== null ? '[redacted]' : censorSecrets(v, depth + 1, seen)]));
}

/**
 * Structured JSON logs on stdout. Secrets are censored wherever they appear under secret-named keys
 * (password, key, token, authorization, ...), at any depth, so a config or error object logged by
 * mistake does not leak them.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'deskmate' },
      redact: {
        paths: ['password', 'key', 'token', 'authorization', '*.password', '*.key', '*.token', '*.authorization', 'headers.authorization', 'req.headers.authorization'],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => censorSecrets(object) as Record<string, unknown> },
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and tools. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
