/** p50 and p95 (ms) of `rounds` calls after `warmup` untimed ones; every answer must be a 200. */
export async function latency(call: () => Promise<Response>, rounds: number, warmup = 10): Promise<{ p50: number; p95: number }> {
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
  const at = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2));
  return { p50: at(0.5), p95: at(0.95) };
}
