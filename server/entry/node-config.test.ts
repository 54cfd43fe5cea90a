import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveNodeConfig } from './node-config.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'vitrine-config-'));

describe('resolveNodeConfig', () => {
  it('defaults to loopback, ./data-style paths and a generated, persistent secret', () => {
    const dir = dataDir();
    const config = resolveNodeConfig({ VITRINE_DATA_DIR: dir });
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', seedDemo: true, publicUrl: null });
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

  it('seeds the known demo login only on loopback unless asked to', () => {
    const dir = dataDir();
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, HOST: '0.0.0.0' }).seedDemo).toBe(false);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, HOST: '0.0.0.0', VITRINE_SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(resolveNodeConfig({ VITRINE_DATA_DIR: dir, VITRINE_SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('names the setting that is wrong', () => {
    expect(() => resolveNodeConfig({ VITRINE_DATA_DIR: dataDir(), PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => resolveNodeConfig({ VITRINE_DATA_DIR: dataDir(), VITRINE_DB_URL: 'postgres://x' })).toThrow(/VITRINE_DB_URL/);
  });
});
