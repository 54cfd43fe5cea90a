import { expect } from '@open-wc/testing';
import { installCommandQueue, type CommandHandler, type VitrineGlobal } from './command-queue.ts';
import { describe, it } from '../testing/mocha.ts';

/** A window holding the page's queue stub, exactly as merchants paste it. */
function windowWithStub(): Window {
  const win = {} as Window;
  const stub: VitrineGlobal = function (...args: unknown[]) {
    (stub.q = stub.q ?? []).push(args);
  };
  win.vitrine = stub;
  return win;
}

function captureConsole(method: 'warn' | 'error'): { calls: unknown[][]; restore: () => void } {
  const original = console[method];
  const calls: unknown[][] = [];
  console[method] = (...args: unknown[]) => calls.push(args);
  return { calls, restore: () => (console[method] = original) };
}

describe('installCommandQueue', () => {
  it('replays the calls queued before it loaded, in order, then dispatches new ones', () => {
    const win = windowWithStub();
    win.vitrine?.('track', 'a');
    win.vitrine?.('track', 'b', { value: 1 });
    const seen: unknown[][] = [];
    const handlers = new Map<string, CommandHandler>([['track', (...args) => seen.push(args)]]);

    expect(installCommandQueue(win, handlers)).to.equal(true);
    win.vitrine?.('track', 'c');

    expect(seen).to.deep.equal([['a'], ['b', { value: 1 }], ['c']]);
  });

  it('works without a stub on the page', () => {
    const win = {} as Window;
    expect(installCommandQueue(win, new Map())).to.equal(true);
    expect(win.vitrine?.loaded).to.equal(true);
  });

  it('stands down when another copy of the loader already installed itself', () => {
    const win = windowWithStub();
    installCommandQueue(win, new Map());
    const first = win.vitrine;

    expect(installCommandQueue(win, new Map())).to.equal(false);
    expect(win.vitrine).to.equal(first);
  });

  it('warns once per unknown command and never throws', () => {
    const warn = captureConsole('warn');
    try {
      const win = windowWithStub();
      win.vitrine?.('nope');
      installCommandQueue(win, new Map());
      win.vitrine?.('nope', 1);
      win.vitrine?.('other');

      expect(warn.calls.map(([message]) => message)).to.deep.equal([
        '[vitrine] unknown command "nope" ignored',
        '[vitrine] unknown command "other" ignored',
      ]);
    } finally {
      warn.restore();
    }
  });

  it('keeps replaying the queue when a handler throws', () => {
    const error = captureConsole('error');
    try {
      const win = windowWithStub();
      win.vitrine?.('fail');
      win.vitrine?.('ok');
      let okCalls = 0;
      const handlers = new Map<string, CommandHandler>([
        ['fail', () => { throw new Error('boom'); }],
        ['ok', () => { okCalls += 1; }],
      ]);

      installCommandQueue(win, handlers);

      expect(okCalls).to.equal(1);
      expect(error.calls).to.have.length(1);
    } finally {
      error.restore();
    }
  });
});
