import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { WasmCodecs } from './wasm-variants.ts';

const require = createRequire(import.meta.url);
const compile = async (file: string) => WebAssembly.compile(await readFile(require.resolve(file)));

/**
 * The Worker's codecs compiled on Node, from the same files (the dev seed and the bench): renditions
 * made here are byte for byte what a deployed Worker makes, not sharp's.
 */
export async function nodeWasmCodecs(): Promise<WasmCodecs> {
  const [jpegDecode, jpegEncode, pngDecode, webpDecode, webpEncode, resize] = await Promise.all([
    compile('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm'),
    compile('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'),
    compile('@jsquash/png/codec/pkg/squoosh_png_bg.wasm'),
    compile('@jsquash/webp/codec/dec/webp_dec.wasm'),
    compile('@jsquash/webp/codec/enc/webp_enc_simd.wasm'),
    compile('@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm'),
  ]);
  return { jpegDecode, jpegEncode, pngDecode, webpDecode, webpEncode, resize };
}
