import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout. Secrets are censored wherever they appear under these keys,
 * so a config or error object logged by mistake does not leak them.
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
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and tools. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
