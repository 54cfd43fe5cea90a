/**
 * The server side of the ingest benchmark, in its own process so the load generator does not
 * share its event loop: the real app (group commits, WAL) on a fresh libSQL file. Prints
 * `PORT <port> DB <url>` once listening.
 */
import { serve } from '@hono/node-server';
import { trackingBenchApp } from './tracking-app.ts';

const { app, url } = await trackingBenchApp();
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port} DB ${url}`));
// Killed by the load generator: exit properly, so that `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
