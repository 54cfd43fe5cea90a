/**
 * Whether a request's `If-None-Match` names this ETag. The comparison is the weak one HTTP
 * prescribes for it (RFC 9110 §13.1.2): `W/"x"` matches `"x"`. That matters because the Node
 * server compresses answers and then marks their ETags weak (middleware/compress/), so the
 * browser sends back `W/"x"` for an answer the route tagged `"x"`.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
