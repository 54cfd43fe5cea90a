/**
 * A request or response body as text chunks, decoded as UTF-8 (invalid bytes become U+FFFD
 * rather than failing a whole feed), stopping with a clear error past `maxBytes`.
 */
export class BodyTooLargeError extends Error {}

export async function* textChunks(body: ReadableStream<Uint8Array> | null, maxBytes: number): AsyncGenerator<string> {
  if (!body) return;
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) throw new BodyTooLargeError(`the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
      const text = decoder.decode(value, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
