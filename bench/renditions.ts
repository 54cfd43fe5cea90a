/**
 * CPU time of one image made into its renditions by the Worker's maker (jSquash WebAssembly,
 * wasm-variants.ts) and, side by side in the same process, by Node's (sharp): a 2 MP and a
 * 12 MP phone JPEG (a blurred-noise photo stand-in, upright, EXIF and GPS attached), and a 2 MP PNG.
 * Workers bill and limit CPU time, and workerd freezes its clocks while code runs, so the
 * WebAssembly is timed here, on Node's V8, with process.cpuUsage(): the same codec builds a
 * Worker runs. Median of 5 after one warm-up. Prints one JSON line of figures.
 *
 *   tsx bench/renditions.ts                          CPU figures
 *   node --expose-gc --import tsx bench/renditions.ts --memory 4032 3024   memory the codecs keep
 */
import sharp from 'sharp';
import { nodeWasmCodecs } from '../server/media/node-wasm-codecs.ts';
import { sharpVariantMaker } from '../server/media/sharp-variants.ts';
import type { VariantMaker } from '../server/media/variants.ts';
import { wasmVariantMaker } from '../server/media/wasm-variants.ts';

async function photo(width: number, height: number, format: 'jpeg' | 'png'): Promise<Uint8Array> {
  // Noise blurred to photo-like detail: flat colour would decode and encode unrealistically fast.
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).blur(3).toBuffer({ resolveWithObject: true });
  const image = sharp(noise.data, { raw: noise.info }).withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2976/100' } });
  return new Uint8Array(await (format === 'jpeg' ? image.jpeg({ quality: 85 }) : image.png()).toBuffer());
}

/** What the process holds in WebAssembly memories, ArrayBuffers and the JS heap. */
const held = () => {
  const m = process.memoryUsage();
  return m.external + m.arrayBuffers + m.heapUsed;
};

/**
 * MB the Worker's codecs keep after making one `width` × `height` JPEG: their WebAssembly memories
 * grow to fit and never shrink. Run in a process of its own (`--memory W H`), since the codecs
 * are instantiated once per process.
 */
async function keptMb(width: number, height: number): Promise<number> {
  const maker = wasmVariantMaker(await nodeWasmCodecs(), 60_000_000);
  await maker.make(await photo(8, 8, 'jpeg'));
  const source = await photo(width, height, 'jpeg');
  (globalThis as { gc?: () => void }).gc?.();
  const before = held();
  await maker.make(source);
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round((held() - before) / 1e6);
}

if (process.argv[2] === '--memory') {
  console.log(JSON.stringify({ keptMb: await keptMb(Number(process.argv[3]), Number(process.argv[4])) }));
  process.exit(0);
}

async function cpuMs(maker: VariantMaker, source: Uint8Array): Promise<number> {
  await maker.make(source);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    await maker.make(source);
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / 1000);
  }
  return Math.round(runs.sort((a, b) => a - b)[2]!);
}

// Past the Worker's 4 MP cap (MAX_WASM_IMAGE_PIXELS), to show what 12 MP would cost in CPU and memory.
const worker = wasmVariantMaker(await nodeWasmCodecs(), 60_000_000);
const node = sharpVariantMaker();
const inputs = { jpeg_2mp: await photo(1632, 1224, 'jpeg'), jpeg_12mp: await photo(4032, 3024, 'jpeg'), png_2mp: await photo(1632, 1224, 'png') };
const figures: Record<string, number> = {};
for (const [name, source] of Object.entries(inputs)) {
  figures[`rendition_worker_wasm_${name}_cpu_ms`] = await cpuMs(worker, source);
  figures[`rendition_node_sharp_${name}_cpu_ms`] = await cpuMs(node, source);
}
console.log(JSON.stringify(figures));
