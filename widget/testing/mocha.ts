/**
 * Mocha's globals, which @web/test-runner defines on every test page. Typed here and imported
 * explicitly so that they are not declared globally for the rest of the project (whose tests
 * run under vitest).
 */
type Hook = () => void | Promise<void>;

interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Hook): void;
  before(body: Hook): void;
  beforeEach(body: Hook): void;
  afterEach(body: Hook): void;
}

export const { describe, it, before, beforeEach, afterEach } = globalThis as unknown as MochaGlobals;
