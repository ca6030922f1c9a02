import { describe, expect, it } from 'vitest';
import { startBackgroundLoop } from '../../src/shared/background-loop';
import { createLogger } from '../../src/shared/logger';
import { logCapture } from '../helpers/bot-harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(2);
  }
}

describe('the reminder loop', () => {
  it('runs a pass after the first delay and then again after each interval', async () => {
    let runs = 0;
    const loop = startBackgroundLoop({ intervalMs: 5, firstDelayMs: 1, run: async () => void (runs += 1) });
    await until(() => runs >= 3);
    await loop.stop();
    const after = runs;
    await sleep(20);
    expect(runs).toBe(after);
  });

  it('never runs two passes at once, even when a pass is longer than the interval', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const loop = startBackgroundLoop({
      intervalMs: 1,
      firstDelayMs: 0,
      run: async () => {
        active += 1;
        most = Math.max(most, active);
        await sleep(10);
        active -= 1;
        runs += 1;
      },
    });
    await until(() => runs >= 3);
    await loop.stop();
    expect(most).toBe(1);
  });

  it('stop tells the running pass to stop and waits for it; no pass starts after', async () => {
    let finish!: () => void;
    let signal: AbortSignal | undefined;
    let runs = 0;
    const loop = startBackgroundLoop({
      intervalMs: 1,
      firstDelayMs: 0,
      run: (s) => {
        runs += 1;
        signal = s;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    await until(() => runs === 1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await sleep(10);
    expect(signal?.aborted).toBe(true);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await sleep(10);
    expect(runs).toBe(1);
  });

  it('a stop before the first pass means no pass at all', async () => {
    let runs = 0;
    const loop = startBackgroundLoop({ intervalMs: 1000, firstDelayMs: 20, run: async () => void (runs += 1) });
    await loop.stop();
    await sleep(40);
    expect(runs).toBe(0);
  });

  it('a pass that throws is logged and the loop goes on', async () => {
    const logs = logCapture();
    let runs = 0;
    const loop = startBackgroundLoop({
      name: 'task reminders',
      intervalMs: 1,
      firstDelayMs: 0,
      logger: createLogger('debug', logs.stream),
      run: async () => {
        runs += 1;
        if (runs === 1) throw new Error('store unreachable');
      },
    });
    await until(() => runs >= 2);
    await loop.stop();
    expect(logs.lines.find((l) => l.msg === 'task reminders: a pass failed')).toMatchObject({ problem: 'store unreachable' });
  });
});
