import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Encoder, Encoding } from '../middleware/compress/index.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Node's compressors for answers made per request. Brotli at quality 5: most of quality 11's
 * saving on JSON at a small share of its time, and a cached answer is compressed once anyway.
 * Both run on libuv's thread pool, off the event loop.
 */
export const nodeEncoders: Record<Encoding, Encoder> = {
  br: (body) => brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }),
  gzip: (body) => gzipAsync(body, { level: 6 }),
};
