import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveNodeConfig } from './node-config.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'vitrine-config-'));

describe('resolveNodeConfig', () => {
  it('defaults to loopback, ./data-style paths and a generated, persistent secret', () => {
    const dir = dataDir();
    const config = resolveNodeConfig({ VITRINE_DATA_DIR: dir });
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', demo: null, trustProxyHops: 0, publicUrl: null });
    expect(config.dbUrl).toBe(`file://${dir}/vitrine.db`);
    expect(config.appSecret.length).toBeGreaterThanOrEqual(32);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir }).appSecret).toBe(config.appSecret);
  });

  it('replaces an empty secret file instead of using an empty secret', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'secret.key'), '\n');
    const { appSecret } = resolveNodeConfig({ VITRINE_DATA_DIR: dir });
    expect(appSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toBe(appSecret);
  });

  it('runs the demo only when VITRINE_DEMO=true says so, whatever the address it binds', () => {
    const dir = dataDir();
    for (const HOST of ['127.0.0.1', '::1', 'localhost', '0.0.0.0']) {
      expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, HOST })).toMatchObject({ demo: null, instagram: { graphUrl: 'https://graph.facebook.com' } });
    }
    expect(existsSync(join(dir, 'demo-password')), 'no demo password without the demo').toBe(false);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_DEMO: 'false' }).demo).toBeNull();
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, HOST: '0.0.0.0', VITRINE_DEMO: 'true' }).instagram.graphUrl).toBe('fake');
    expect(() => resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_DEMO: 'yes' })).toThrow(/VITRINE_DEMO/);
  });

  it("makes the demo owner's password once per data folder, readable by the owner only", () => {
    const dir = dataDir();
    const first = resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_DEMO: 'true' }).demo!.ownerPassword;
    expect(first).toMatch(/^[\w-]{16}$/);
    expect(first).not.toBe('vitrine-demo');
    expect(readFileSync(join(dir, 'demo-password'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'demo-password')).mode & 0o777).toBe(0o600);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_DEMO: 'true' }).demo!.ownerPassword, 'kept for the next start').toBe(first);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dataDir(), VITRINE_DEMO: 'true' }).demo!.ownerPassword, 'another folder, another password').not.toBe(first);
  });

  it('takes the setup token from VITRINE_SETUP_TOKEN, or makes a new one at each start', () => {
    const dir = dataDir();
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_SETUP_TOKEN: 'operator-chosen-token' }).setupToken).toBe('operator-chosen-token');
    const made = resolveNodeConfig({ VITRINE_DATA_DIR: dir }).setupToken;
    expect(made.length).toBeGreaterThanOrEqual(32);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir }).setupToken).not.toBe(made);
  });

  it('trusts no proxy by default, one for true, or the number of proxies given', () => {
    const dir = dataDir();
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_TRUST_PROXY: 'false' }).trustProxyHops).toBe(0);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_TRUST_PROXY: 'true' }).trustProxyHops).toBe(1);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
    expect(() => resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_TRUST_PROXY: 'yes' })).toThrow(/VITRINE_TRUST_PROXY/);
    expect(() => resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_TRUST_PROXY: '-1' })).toThrow(/VITRINE_TRUST_PROXY/);
  });

  it('sends mail only with a provider, its key and a sender all set; a half setting is off, a typo stops the start', () => {
    const dir = dataDir();
    const mail = { VITRINE_MAIL_PROVIDER: 'resend', VITRINE_MAIL_API_KEY: 're_key', VITRINE_MAIL_FROM: 'Lumen <hello@lumen.example>' };
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir })).toMatchObject({ mail: null, mailOff: expect.stringMatching(/^no mail provider is set/) });
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_DEMO: 'true' }).mail, 'the demo sends no real mail by default').toBeNull();
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, ...mail })).toMatchObject({ mail: { provider: 'resend', apiKey: 're_key', from: mail.VITRINE_MAIL_FROM }, mailOff: null });
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, ...mail, VITRINE_MAIL_FROM: '' })).toMatchObject({ mail: null, mailOff: 'VITRINE_MAIL_FROM is not set' });
    expect(() => resolveNodeConfig({ VITRINE_DATA_DIR: dir, ...mail, VITRINE_MAIL_PROVIDER: 'smtp' })).toThrow(/VITRINE_MAIL_PROVIDER must be one of resend, postmark/);
  });

  it('names the setting that is wrong', () => {
    expect(() => resolveNodeConfig({ VITRINE_DATA_DIR: dataDir(), PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => resolveNodeConfig({ VITRINE_DATA_DIR: dataDir(), VITRINE_DB_URL: 'postgres://x' })).toThrow(/VITRINE_DB_URL/);
  });
});

describe('the demo\'s tracking history', () => {
  it('is 20,000 events by default, any number up to 2 million, and a typo stops the start', () => {
    const dir = dataDir();
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_DEMO: 'true' }).demo!.historyEvents).toBe(20_000);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_DEMO: 'true', VITRINE_DEMO_HISTORY_EVENTS: '0' }).demo!.historyEvents).toBe(0);
    for (const bad of ['-1', '1e9', 'lots', '2.5']) {
      expect(() => resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_DEMO: 'true', VITRINE_DEMO_HISTORY_EVENTS: bad }), bad).toThrow(/VITRINE_DEMO_HISTORY_EVENTS/);
    }
  });
});
