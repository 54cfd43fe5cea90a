import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { workerDeps, type WorkerEnv } from './worker-deps.ts';

const base = { ...(env as unknown as WorkerEnv), VITRINE_SECRET: 'a-test-secret-of-enough-length' };
const mail = { VITRINE_MAIL_PROVIDER: 'postmark', VITRINE_MAIL_API_KEY: 'server-token', VITRINE_MAIL_FROM: 'Lumen <hello@lumen.example>' };

describe("the Worker's mail settings", () => {
  it('send through the provider only when all three are set', () => {
    expect(workerDeps({ ...base, ...mail }).mail).toEqual({ send: expect.any(Function) });
    expect(workerDeps(base).mail).toBeNull();
    expect(workerDeps({ ...base, ...mail, VITRINE_MAIL_API_KEY: '' }).mail, 'no secret put yet').toBeNull();
  });

  it('run with mail off on a provider Vitrine does not know, saying why once, instead of failing every request', () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
    try {
      expect(workerDeps({ ...base, ...mail, VITRINE_MAIL_PROVIDER: 'mailgun' }).mail).toBeNull();
      expect(workerDeps({ ...base, ...mail, VITRINE_MAIL_PROVIDER: 'mailgun' }).mail).toBeNull();
    } finally {
      spy.mockRestore();
    }
    expect(logged).toEqual(['mail is off: VITRINE_MAIL_PROVIDER must be one of resend, postmark, got "mailgun"']);
  });
});
