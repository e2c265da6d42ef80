/** A counter's value and how long until its window ends (0 when it does not exist). */
export interface Count {
  count: number;
  ttlMs: number;
}

/** Windowed counters: the first increment starts the window; the counter vanishes when it ends. */
export interface CounterStore {
  read(keys: string[]): Promise<Count[]>;
  increment(keys: string[], windowMs: number): Promise<Count[]>;
  remove(key: string): Promise<void>;
  close(): Promise<void>;
}

const SWEEP_EVERY = 1_000;

/** Counters of this process (no REDIS_URL). Expired entries are swept now and then, so memory stays bounded. */
export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { count: number; endsAt: number }>();
  private writes = 0;

  async read(keys: string[]): Promise<Count[]> {
    return keys.map((key) => this.current(key));
  }

  async increment(keys: string[], windowMs: number): Promise<Count[]> {
    if (++this.writes % SWEEP_EVERY === 0) this.sweep();
    return keys.map((key) => {
      const live = this.current(key).count > 0 ? this.counters.get(key)! : { count: 0, endsAt: Date.now() + windowMs };
      this.counters.set(key, { ...live, count: live.count + 1 });
      return this.current(key);
    });
  }

  async remove(key: string): Promise<void> {
    this.counters.delete(key);
  }

  async close(): Promise<void> {}

  private current(key: string): Count {
    const entry = this.counters.get(key);
    const ttlMs = entry ? entry.endsAt - Date.now() : 0;
    return ttlMs > 0 ? { count: entry!.count, ttlMs } : { count: 0, ttlMs: 0 };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.counters) if (entry.endsAt <= now) this.counters.delete(key);
  }
}
