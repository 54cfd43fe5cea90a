import { runScript } from '../run-script.ts';
import type { Section } from '../section.ts';
import { is, target } from '../targets.ts';

/** One image's renditions: the Worker's WebAssembly codecs against sharp, CPU time per image, and the memory the codecs keep. */
export const renditions: Section = async () => {
  const results = runScript('./renditions.ts', []) as Record<string, number>;
  for (const [name, width, height] of [['2mp', 1632, 1224], ['12mp', 4032, 3024]] as const) {
    results[`rendition_worker_wasm_jpeg_${name}_kept_mb`] = (runScript('./renditions.ts', ['--memory', String(width), String(height)], ['--expose-gc']) as { keptMb: number }).keptMb;
  }
  // Workers' paid plan: 30 s of CPU per request by default (the free plan's 10 ms fits none of these), 128 MB per isolate.
  const targets = Object.fromEntries(
    Object.keys(results)
      .filter((name) => name.startsWith('rendition_worker_') && !name.includes('_12mp_')) // 12 MP is past the Worker's 4 MP cap: recorded, not a target
      .map((name) => [name, name.endsWith('_kept_mb') ? target(is('<', 128), 'one isolate\'s memory') : target(is('<', 30_000), 'CPU per request on the Workers paid plan')]),
  );
  return {
    results,
    targets,
    notes: [
      'Renditions: memory, not CPU, limits a Worker: `_kept_mb` is what the codecs\' WebAssembly memories grow by and keep (they never shrink) after one JPEG of that size, against an isolate\'s 128 MB; hence the Worker\'s 4 MP cap (wasm-variants.ts). The 12 MP figures are measured past that cap.',
      'Renditions: one image made into three WebP widths (320/640/1080) plus its original, by the Worker\'s maker (jSquash WebAssembly, run on Node\'s V8 since workerd freezes its clocks while code runs) and by sharp, CPU time (process.cpuUsage, which counts sharp\'s worker threads too), median of 5. Inputs: blurred-noise phone JPEGs of 1632 × 1224 (2 MP) and 4032 × 3024 (12 MP) with EXIF GPS, and a 2 MP PNG.',
    ],
  };
};
