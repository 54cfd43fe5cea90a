/**
 * The jSquash codecs as the Worker loads them: each `.wasm` file imported as a module, which
 * wrangler (and the workerd test pool) bundle as compiled WebAssembly. Workers forbid compiling
 * WebAssembly from bytes at run time, so the codecs cannot fetch or read their own files.
 */
import jpegDecode from '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm';
import jpegEncode from '@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm';
import * as pngModule from '@jsquash/png/codec/pkg/squoosh_png_bg.wasm';
import * as resizeModule from '@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm';
import webpDecode from '@jsquash/webp/codec/dec/webp_dec.wasm';
import webpEncode from '@jsquash/webp/codec/enc/webp_enc_simd.wasm';
import type { WasmCodecs } from '../media/wasm-variants.ts';

/**
 * These two ship a `.wasm.d.ts` typing the instance's exports (wasm-bindgen's), which TypeScript
 * prefers to wasm-modules.d.ts; what the bundler gives is still the compiled module, as `default`.
 */
const compiled = (namespace: object) => (namespace as { default: WebAssembly.Module }).default;

export const workerCodecs: WasmCodecs = { jpegDecode, jpegEncode, pngDecode: compiled(pngModule), webpDecode, webpEncode, resize: compiled(resizeModule) };
