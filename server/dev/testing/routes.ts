import type { VitrineApp } from '../../app.ts';

export interface AppRoute {
  method: string;
  path: string;
}

/**
 * Every route the app answers, read from the app itself (middleware registrations, which Hono
 * lists with method ALL, left out), so suites that walk them cover routes added later too.
 */
export function appRoutes(app: VitrineApp): AppRoute[] {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL')
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path }));
}

/** A route's path with its parameters (`:id`, `*`) replaced. */
export function fillPath(path: string, fill: (name: string) => string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => fill(name)).replace(/\*/g, () => fill('*'));
}
