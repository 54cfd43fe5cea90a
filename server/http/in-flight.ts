/**
 * A bound on how many requests of one kind this process (on Node) or isolate (on Workers) works
 * on at once: a counting semaphore that never waits, so a request over the bound is refused
 * before it reads its body. In memory on purpose: what it protects is this process's memory
 * (a Worker isolate has 128 MB for all its requests), which no shared counter could measure; a
 * database or Durable Object count would refuse uploads another process has room for.
 */
export class InFlight {
  private count = 0;

  constructor(readonly max: number) {}

  /** A release function when a slot is free (call it exactly once, in `finally`), else null. */
  tryAcquire(): (() => void) | null {
    if (this.count >= this.max) return null;
    this.count++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.count--;
    };
  }
}
