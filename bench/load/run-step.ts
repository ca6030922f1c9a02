/** Runs one load step in a fresh generator process (bench/load/generator.ts) and returns its result. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { StepResult, StepSpec } from './generator';

export function runStepInChild(spec: StepSpec): Promise<StepResult> {
  const child = fork(join(__dirname, 'generator.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // The step's own time, the timeout of its last requests, and a minute for the process to start and answer.
  const limitMs = (spec.durationS + spec.timeoutS + 60) * 1000;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() => reject(new Error(`the load generator did not finish ${spec.kind} at ${spec.connections} within ${limitMs / 1000} s`)));
    }, limitMs);
    child.on('message', (message: { type: string; result?: StepResult; error?: string }) => {
      if (message.type === 'result' && message.result) finish(() => resolve(message.result!));
      if (message.type === 'error') finish(() => reject(new Error(`the load generator failed: ${message.error}`)));
    });
    child.once('exit', (code) => finish(() => reject(new Error(`the load generator exited with ${code} before it sent a result`))));
    child.send({ type: 'run', spec });
  });
}
