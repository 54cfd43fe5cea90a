import { runScript } from '../run-script.ts';
import type { Section } from '../section.ts';

/** One image's renditions: the Worker's WebAssembly codecs against sharp, CPU time per image. */
export const renditions: Section = async () => {
  const results = runScript('./renditions.ts', []) as Record<string, number>;
  const targets = Object.fromEntries(
    Object.keys(results)
      .filter((name) => name.startsWith('rendition_worker_'))
      // Workers' paid plan: 30 s of CPU per request by default; the free plan's 10 ms fits none of these.
      .map((name) => [name, '< 30000 (Workers paid plan)']),
  );
  return {
    results,
    targets,
    notes: [
      'Renditions: one image made into three WebP widths (320/640/1080) plus its original, by the Worker\'s maker (jSquash WebAssembly, run on Node\'s V8 since workerd freezes its clocks while code runs) and by sharp, CPU time (process.cpuUsage, which counts sharp\'s worker threads too), median of 5. Inputs: blurred-noise phone JPEGs of 1632 × 1224 (2 MP) and 4032 × 3024 (12 MP) with EXIF GPS, and a 2 MP PNG.',
    ],
  };
};
