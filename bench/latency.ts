/** The q-quantile (0–1) of sorted times, to 2 decimals. */
export function quantile(sorted: number[], q: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2));
}

/** p50, p95 and p99 (ms) of `rounds` calls after `warmup` untimed ones; every answer must be a 200. */
export async function latency(call: () => Promise<Response>, rounds: number, warmup = 10): Promise<{ p50: number; p95: number; p99: number }> {
  for (let i = 0; i < warmup; i++) await (await call()).text();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const res = await call();
    if (res.status !== 200) throw new Error(`answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    await res.text();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99) };
}
