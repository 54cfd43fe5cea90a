import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { workerDeps, type WorkerEnv } from './worker-deps.ts';

const base = { ...(env as unknown as WorkerEnv), VITRINE_SECRET: 'a-test-secret-of-enough-length' };
const mail = { VITRINE_MAIL_PROVIDER: 'postmark', VITRINE_MAIL_API_KEY: 'server-token', VITRINE_MAIL_FROM: 'Lumen <hello@lumen.example>' };

describe("the Worker's mail settings", () => {
  it('send through the provider only when all three are set', () => {
    expect(workerDeps({ ...base, ...mail }).mail).toEqual({ send: expect.any(Function) });
    expect(workerDeps(base).mail).toBeNull();
    expect(workerDeps({ ...base, ...mail, VITRINE_MAIL_API_KEY: '' }).mail, 'no secret put yet').toBeNull();
  });

  it('refuse to start on a provider Vitrine does not know', () => {
    expect(() => workerDeps({ ...base, ...mail, VITRINE_MAIL_PROVIDER: 'mailgun' })).toThrow('VITRINE_MAIL_PROVIDER must be one of resend, postmark, got "mailgun"');
  });
});
