/**
 * The demo store's pages as a merchant's own server would serve them (widget/README.md,
 * "Server-rendered HTML"): where a page says `<!-- vitrine:ssr /v1/galleries/<id>/posts.html?… -->`,
 * the gallery's server-rendered first page takes its place, asked of the app itself, so its first
 * photos load with the page instead of after the script. Without an answer the marker stays a
 * comment and the page works as it would without it.
 */
const MARKER = /<!-- vitrine:ssr (\/v1\/galleries\/[\w-]+\/posts\.html(?:\?[\w=&-]*)?) -->/g;

/** How the page's server asks the app: a GET of `path`, answered uncompressed. */
export type AskApp = (path: string) => Promise<Response>;

export async function withServerRenderedGalleries(page: string, ask: AskApp): Promise<string> {
  const paths = new Set(Array.from(page.matchAll(MARKER), (match) => match[1]!));
  if (paths.size === 0) return page;
  const bodies = new Map<string, string>();
  for (const path of paths) {
    const answer = await ask(path);
    if (answer.ok) bodies.set(path, await answer.text());
    else await answer.body?.cancel();
  }
  return page.replace(MARKER, (marker, path: string) => bodies.get(path) ?? marker);
}

/**
 * A demo file as served: an HTML page with its galleries put in, under its own headers but its
 * length (which depends on the galleries); any other file as it is. A HEAD's empty page has no
 * marker, so the app is asked only for pages that are sent.
 */
export async function servedWithGalleries(file: Response, ask: AskApp): Promise<Response> {
  if (!file.headers.get('content-type')?.startsWith('text/html')) return file;
  const headers = new Headers(file.headers);
  headers.delete('content-length');
  return new Response(await withServerRenderedGalleries(await file.text(), ask), { status: file.status, headers });
}
