/** One cached answer, filed under the workspace content version it was made at. */
export interface CachedAnswer {
  workspaceId: string;
  version: number;
  /** Epoch ms after which the answer may be wrong without any write (a grant ends; rankings move). */
  validUntil: number;
  etag: string;
  contentType: string;
  cacheControl: string;
  /** Encoded once when cached, not on every hit. */
  body: Uint8Array<ArrayBuffer>;
}

/**
 * A least-recently-used map bounded by entry count and by bytes held: keys come from the
 * request's URL, so a client inventing queries only evicts, never grows memory.
 */
export function answerStore({ maxEntries, maxBytes }: { maxEntries: number; maxBytes: number }) {
  const entries = new Map<string, CachedAnswer>();
  let bytes = 0;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    bytes -= old.body.byteLength + key.length;
    entries.delete(key);
  };
  return {
    get(key: string): CachedAnswer | undefined {
      const entry = entries.get(key);
      if (entry) {
        // Map keeps insertion order: re-inserting marks the entry most recently used.
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    set(key: string, entry: CachedAnswer) {
      drop(key);
      const size = entry.body.byteLength + key.length;
      if (size > maxBytes) return;
      entries.set(key, entry);
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        drop(oldest);
      }
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
