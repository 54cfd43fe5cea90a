/**
 * Invariant 7, by construction: request bodies are read only through server/http/body.ts (with
 * a limit), and requests to other servers are made only through the guarded fetcher
 * (server/outbound). A new `c.req.json()` or bare `fetch(` anywhere else fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Production sources: tests, test helpers and the fake Instagram (test and demo tooling) aside. */
function sources(dir = join(root, 'server')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const name = relative(root, path);
    if (entry.isDirectory()) return name === 'server/dev/testing' || name === 'server/dev/fake-instagram' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [name] : [];
  });
}

function offenders(pattern: RegExp, allowed: string[]): string[] {
  return sources().flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) && !allowed.includes(file) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

it('reads request bodies only through the limited reader', () => {
  expect(offenders(/c\.req\.(text|json|arrayBuffer|blob|formData|parseBody)\(/, [])).toEqual([]);
  // The raw request: the reader itself (a body within its declared length read whole), and the
  // catalog upload, streamed through textChunks with its 100 MB limit.
  expect(offenders(/\.raw\.(body|text|json|arrayBuffer|blob|formData)\b/, ['server/http/body.ts', 'server/routes/admin/catalog.ts'])).toEqual([]);
});

it('calls the platform fetch and node:http(s) only inside the outbound transports', () => {
  // `fetch(request: Request, env...)` in the Worker entry and `fetch(request: Request): ...` in a
  // Durable Object (worker-limits.ts) are handlers being defined, not calls.
  expect(offenders(/(?<![.\w])fetch\((?!request: Request(, env|\): Promise<Response>))/, ['server/outbound/workers-transport.ts'])).toEqual([]);
  expect(offenders(/from 'node:https?'/, ['server/outbound/node-transport.ts'])).toEqual([]);
});
