/** Tracks the parts that must be ready before the bot takes traffic (store, KB, ...). */
export class Readiness {
  private readonly pending = new Set<string>();
  private stopping = false;

  constructor(parts: string[]) {
    parts.forEach((p) => this.pending.add(p));
  }

  markReady(part: string): void {
    this.pending.delete(part);
  }

  /** Once shutdown starts the process reports not ready, so load balancers stop sending work. */
  markStopping(): void {
    this.stopping = true;
  }

  get ready(): boolean {
    return !this.stopping && this.pending.size === 0;
  }

  /** What is still missing, for the /readyz body. */
  get waitingFor(): string[] {
    return this.stopping ? ['shutdown'] : [...this.pending];
  }
}
