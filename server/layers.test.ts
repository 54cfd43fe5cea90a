/**
 * The server's layers, read from its own imports so they hold without anyone remembering them
 * (docs/ARCHITECTURE.md, "Wings and layers", lists the same rules). Imports go down only:
 *
 *   entry → app → routes, middleware → http → mail → domain → db, media, security, instagram, outbound, ops → lib
 *
 * and dev/ (fake Instagram, demo seed, test harness) is imported only by dev/ itself, tests and the
 * demo-mode entry. Each rule is also shown failing on a small made-up graph below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** One import: the importing file and what it names (a repo path for relative imports, else the package). */
type Edge = { from: string; to: string };

const LAYERS = [
  ['entry', /^server\/entry\//],
  ['app', /^server\/app\.ts$/],
  ['routes', /^server\/(routes|middleware)\//],
  ['http', /^server\/http\//],
  // Mail senders, built by the entries: above the domain, whose UpstreamFailed they reject with.
  ['mail', /^server\/mail\//],
  ['domain', /^server\/domain\//],
  // deps.ts is the shape of what the entries inject: db, media, clock, Instagram, outbound, the mail contract.
  ['platform', /^server\/((db|media|security|instagram|outbound|ops)\/|deps\.ts$)/],
  ['lib', /^server\/lib\//],
] as const;
/** `outside` is a package, or a file beyond server/ (shared/, the contract both sides compile). */
type Layer = (typeof LAYERS)[number][0] | 'dev' | 'outside';

function layerOf(path: string): Layer {
  if (!path.startsWith('server/')) return 'outside';
  if (path.startsWith('server/dev/')) return 'dev';
  return LAYERS.find(([, re]) => re.test(path))?.[0] ?? 'outside';
}
const rank = (layer: Layer) => LAYERS.findIndex(([name]) => name === layer);

const isTest = (file: string) => /\.test\.ts$/.test(file);
/**
 * The Node entry runs the demo (fake Instagram, seeded data) when asked, so its files may reach into
 * dev/; the Worker entry never does, so no dev code is bundled into a deployment.
 */
const isDemoEntry = (file: string) => /^server\/entry\/node[\w-]*\.ts$/.test(file);
const isPackage = (to: string, names: string[]) => names.some((n) => to === n || to.startsWith(`${n}/`));

/** Every rule an import can break, each with the reason the failure message gives. */
export function violations(edges: Edge[]): string[] {
  const found: string[] = [];
  for (const { from, to } of edges) {
    if (isTest(from)) continue;
    const source = layerOf(from);
    const target = layerOf(to);
    const say = (why: string) => found.push(`${from} → ${to}: ${why}`);
    if (target === 'dev' && source !== 'dev' && !isDemoEntry(from)) say('production code never imports dev/');
    if (source === 'routes' && (isPackage(to, ['drizzle-orm']) || to.startsWith('server/db/schema'))) say('a route asks a domain verb, it does not query the database');
    if (source === 'domain' && (isPackage(to, ['hono', '@hono']) || target === 'http')) say('the domain knows nothing of HTTP');
    if (source === 'lib' && to.startsWith('server/') && target !== 'lib') say('lib/ imports only lib/');
    const [s, t] = [rank(source), rank(target)];
    if (s >= 0 && t >= 0 && t < s && !(source === 'domain' && target === 'http')) say(`imports run down only (${source} may not import ${target})`);
  }
  return found;
}

// ---- reading the tree ----------------------------------------------------------------------

const root = fileURLToPath(new URL('..', import.meta.url));
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map(([, , spec]) => ({
    from: file,
    to: spec!.startsWith('.') ? relative(root, normalize(join(root, dirname(file), spec!))).split('\\').join('/') : spec!,
  }));
}

describe('the server layers', () => {
  it('hold in the code as it stands', () => {
    const edges = sources('server').flatMap(importsOf);
    expect(edges.length).toBeGreaterThan(300);
    expect(violations(edges)).toEqual([]);
  });
});

describe('the layer rules', () => {
  const fails = (from: string, to: string) => violations([{ from, to }]);

  it('fail when a route imports drizzle or the schema', () => {
    expect(fails('server/routes/admin/rights.ts', 'drizzle-orm')).toHaveLength(1);
    expect(fails('server/routes/rights-page.ts', 'server/db/schema.ts')).toHaveLength(1);
    expect(fails('server/middleware/answer-cache/index.ts', 'drizzle-orm/sql')).toHaveLength(1);
    expect(fails('server/routes/admin/rights.ts', 'server/domain/rights/requests.ts')).toEqual([]);
  });

  it('fail when the domain imports Hono or http/', () => {
    expect(fails('server/domain/rights/consent.ts', 'hono')).toHaveLength(1);
    expect(fails('server/domain/rights/consent.ts', 'hono/http-exception')).toHaveLength(1);
    expect(fails('server/domain/posts/tags.ts', 'server/http/errors.ts')[0]).toMatch(/knows nothing of HTTP/);
    expect(fails('server/domain/posts/tags.ts', 'server/domain/errors.ts')).toEqual([]);
    expect(fails('server/domain/posts/tags.ts', 'server/db/schema.ts')).toEqual([]);
  });

  it('fail when production code imports dev/, except the Node entry (demo mode) and tests', () => {
    expect(fails('server/entry/worker.ts', 'server/dev/seed/seed-demo.ts')).toHaveLength(1);
    expect(fails('server/entry/worker-deps.ts', 'server/dev/fake-instagram/index.ts')).toHaveLength(1);
    expect(fails('server/domain/collection/ingest.ts', 'server/dev/fake-instagram/index.ts')).toHaveLength(1);
    expect(fails('server/entry/node-demo.ts', 'server/dev/seed/seed-demo.ts')).toEqual([]);
    expect(fails('server/domain/posts/tags.api.test.ts', 'server/dev/testing/harness.ts')).toEqual([]);
    expect(fails('server/dev/seed/seed-demo.ts', 'server/dev/fake-instagram/index.ts')).toEqual([]);
  });

  it('fail when lib/ imports anything of the server above it', () => {
    expect(fails('server/lib/cursor.ts', 'server/db/client.ts')).toHaveLength(2);
    expect(fails('server/lib/csv.ts', 'server/domain/errors.ts')).toHaveLength(2);
    expect(fails('server/lib/cursor.ts', 'server/lib/hash53.ts')).toEqual([]);
  });

  it('fail when any layer imports one above it', () => {
    expect(fails('server/domain/posts/tags.ts', 'server/routes/admin/posts.ts')).toHaveLength(1);
    expect(fails('server/db/client.ts', 'server/domain/posts/tags.ts')).toHaveLength(1);
    expect(fails('server/routes/health.ts', 'server/app.ts')).toHaveLength(1);
    expect(fails('server/http/body.ts', 'server/routes/media.ts')).toHaveLength(1);
    expect(fails('server/domain/campaigns/draw.ts', 'server/mail/http-sender.ts')).toHaveLength(1);
    expect(fails('server/mail/http-sender.ts', 'server/domain/errors.ts')).toEqual([]);
    expect(fails('server/app.ts', 'server/routes/health.ts')).toEqual([]);
    expect(fails('server/routes/health.ts', 'server/http/body.ts')).toEqual([]);
  });
});
