const encoder = new TextEncoder();

/** SHA-256 of a UTF-8 string, as lowercase hex (WebCrypto: the same on Node and Workers). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
