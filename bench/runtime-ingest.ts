/**
 * Event ingest as a runtime stores it, for the runtimes section: batches of 10 events from many
 * visitors, posted over HTTP with a fixed concurrency, timed until every acknowledged event is in
 * the database (on Node the 204 comes after the write; on workerd after the queue took the batch,
 * and the queue's consumer writes later). Then the exactly-once check: every acknowledged event
 * stored once (rows and rollups), and acknowledged batches sent again add nothing (a last, new
 * batch sent after them is stored once they have all been consumed).
 */
import { Agent, request } from 'node:http';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const VISITORS = 6_000;
const TYPES = ['view_item_list', 'select_content', 'select_item', 'add_to_cart'] as const;
const SHOWN = Array.from({ length: 12 }, (_, n) => `post_demo${String(n + 1).padStart(2, '0')}`);

/** What the database holds for the demo workspace: event rows, and events counted in the rollups. */
export interface Stored {
  events: number;
  counted: number;
}

export interface IngestOptions {
  /** `http://host:port` of the server. */
  base: string;
  /** The page origin the workspace accepts. */
  origin: string;
  batches: number;
  concurrency: number;
  stored: () => Promise<Stored>;
  /** Distinguishes this run's event ids from another run's on the same database. */
  tag: string;
}

export interface IngestResult {
  acknowledged: number;
  /** Batches answered otherwise than 204 (the page sends them again), by status. */
  refused: Record<string, number>;
  /** Acknowledged events per second, counted until the last of them was in the database. */
  eventsPerSecond: number;
  /** Acknowledged events per second, counted until the last 204. */
  acceptedPerSecond: number;
  /** From the last 204 to the last event stored (the queue's delay on workerd). */
  drainMs: number;
  exactlyOnce: boolean;
  detail: { expected: number; stored: Stored; replayed: number };
}

function batch(tag: string, i: number): string {
  const visitorId = `v_${tag}_${(i % VISITORS).toString(36).padStart(5, '0')}`;
  const now = Date.now();
  const events = Array.from({ length: 10 }, (_, k) => {
    const type = TYPES[k % 4]!;
    return { id: `e_${tag}_${i.toString(36)}_${k}`, type, at: now, galleryId: 'demo', ...(type === 'view_item_list' ? { postIds: SHOWN } : { postId: `post_demo0${1 + (k % 8)}` }), ...(type === 'select_item' || type === 'add_to_cart' ? { productId: 'prod_demo1' } : {}) };
  });
  return JSON.stringify({ v: 1, workspaceId: 'ws_demo', visitorId, sessionId: `s_${visitorId}`, consent: 'granted', events });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ingestLoad(o: IngestOptions): Promise<IngestResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  /** Answers other than 204, by status: a batch the page would send again, so not stored now. */
  const statuses = new Map<number, number>();
  const send = (body: string, i: number) =>
    new Promise<number>((resolve, reject) => {
      // Addresses spread as real visitors' are: the per-address limit is a flood backstop, not this load's.
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const req = request(`${o.base}/v1/events`, { method: 'POST', agent, headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body), origin: o.origin, 'user-agent': UA, 'x-bench-ip': ip, 'cf-connecting-ip': ip } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  const run = async (indices: number[]) => {
    const bodies = new Map(indices.map((i) => [i, batch(o.tag, i)]));
    const acked: number[] = [];
    let next = 0;
    const refused = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        while (next < indices.length) {
          const i = indices[next++]!;
          const status = await send(bodies.get(i)!, i);
          if (status === 204) acked.push(i);
          else refused(status);
        }
      }),
    );
    return acked;
  };
  /** Polls until `done` holds (10 ms apart), or fails after `timeoutMs`. */
  const until = async (done: (s: Stored) => boolean, timeoutMs = 180_000): Promise<Stored> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const s = await o.stored();
      if (done(s)) return s;
      if (performance.now() > deadline) throw new Error(`ingest: events not stored within ${timeoutMs / 1000} s (${JSON.stringify(s)})`);
      await pause(10);
    }
  };

  const before = await o.stored();
  const warm = await run(Array.from({ length: 100 }, (_, i) => o.batches + i));
  await until((s) => s.events >= before.events + warm.length * 10);
  const base = await o.stored();
  const started = performance.now();
  const acked = await run(Array.from({ length: o.batches }, (_, i) => i));
  const accepted = performance.now();
  const expected = base.events + acked.length * 10;
  await until((s) => s.events >= expected);
  const storedAt = performance.now();

  // Acknowledged batches sent again, then one new batch: stored only once the others were consumed.
  const replayed = await run(acked.slice(0, 500));
  const sentinel = await run([o.batches + 100]);
  const final = await until((s) => s.events >= expected + sentinel.length * 10 && sentinel.length === 1);
  agent.destroy();
  const total = expected + 10;
  const seconds = (storedAt - started) / 1000;
  return {
    acknowledged: acked.length,
    refused: Object.fromEntries(statuses),
    eventsPerSecond: Math.round((acked.length * 10) / seconds),
    acceptedPerSecond: Math.round((acked.length * 10) / ((accepted - started) / 1000)),
    drainMs: Math.round(storedAt - accepted),
    // Refused batches must not be stored either: a stored one would make the rows more than acknowledged.
    exactlyOnce: final.events === total && final.counted - before.counted === total - before.events,
    detail: { expected: total, stored: final, replayed: replayed.length },
  };
}
