import { fileURLToPath } from 'node:url';
import { experimental_readRawConfig } from 'wrangler';
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../http/rate-limits.ts';
import { RATELIMIT_BINDINGS } from './worker-limits.ts';

interface Declared {
  ratelimits?: { name: string; namespace_id: string; simple: { limit: number; period: number } }[];
  durable_objects?: { bindings?: { name: string; class_name: string }[] };
  migrations?: { tag: string; new_sqlite_classes?: string[]; new_classes?: string[] }[];
}
const declared = experimental_readRawConfig({ config: fileURLToPath(new URL('../../wrangler.toml', import.meta.url)) }).rawConfig as Declared;

describe("wrangler.toml declares the Worker's limits as the code counts them", () => {
  it('each Rate Limiting binding has the numbers of the limit it counts, and its own namespace', () => {
    const bindings = declared.ratelimits ?? [];
    expect(bindings.map((b) => b.name).sort()).toEqual(Object.keys(RATELIMIT_BINDINGS).sort());
    for (const binding of bindings) {
      const spec = RATE_LIMITS[RATELIMIT_BINDINGS[binding.name as keyof typeof RATELIMIT_BINDINGS]];
      expect(binding.simple, binding.name).toEqual({ limit: spec.limit, period: spec.windowMs / 1000 });
    }
    expect(new Set(bindings.map((b) => b.namespace_id)).size).toBe(bindings.length);
  });

  it('the RateCounter Durable Object is bound and created by a migration', () => {
    expect(declared.durable_objects?.bindings).toContainEqual({ name: 'RATE_COUNTER', class_name: 'RateCounter' });
    expect((declared.migrations ?? []).flatMap((m) => [...(m.new_sqlite_classes ?? []), ...(m.new_classes ?? [])])).toContain('RateCounter');
  });
});
