/**
 * The media CDN. URLs look like Instagram's (`/v/t51.29350-15/…_n.jpg?…&oh=00_<hash>&oe=<hex>`),
 * where `oe` is the expiry in hex epoch seconds and `oh` a hash over the path and `oe`. They are
 * minted fresh on every Graph read, and answer 403 "URL signature expired" once `oe` has passed
 * (§1.9: typically after "4/5" days), or 403 "Bad URL hash" when `oe` or the path was altered.
 */
import { DEMO_PRODUCTS } from '../seed/demo-content.ts';
import { ASPECT_SIZES } from '../seed/demo-scene.ts';
import { memoize, sceneSvg, type RenderImage } from './images.ts';
import { tinyMp4 } from './mp4.ts';
import { hash53 } from './random.ts';
import type { Aspect, Clock } from './types.ts';

export type CdnVariant = 'picture' | 'thumbnail' | 'video';

/** What the CDN needs to know of an object (a post or a carousel child). */
export interface CdnObject {
  aspect: Aspect;
  deleted: boolean;
}

const SUFFIX: Record<CdnVariant, string> = { picture: 'p', thumbnail: 't', video: 'v' };
const PATHS = { image: '/cdn/v/t51.29350-15/', video: '/cdn/o1/v/t16/f2/m86/' };
const PATH_PATTERN = /^\/cdn\/(?:v\/t51\.29350-15|o1\/v\/t16\/f2\/m86)\/(\d+)_([ptv])_n\.(jpg|mp4)$/;

const encoder = new TextEncoder();

function base64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function createCdn(options: {
  clock: Clock;
  baseUrl: string;
  ttlMs: number;
  signingSecret: string;
  renderImage: RenderImage;
  lookup: (objectId: string) => CdnObject | undefined;
}) {
  const key = crypto.subtle.importKey('raw', encoder.encode(options.signingSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const hashOf = async (path: string, oe: string) => `00_${base64url(await crypto.subtle.sign('HMAC', await key, encoder.encode(`${path}|${oe}`)))}`;

  const image = memoize((objectId) => options.renderImage(sceneSvg(objectId, options.lookup(objectId)?.aspect ?? 'square')));

  return {
    /** A fresh signed URL, valid for the TTL from now. */
    async url(objectId: string, variant: CdnVariant): Promise<string> {
      const path = `${variant === 'video' ? PATHS.video : PATHS.image}${objectId}_${SUFFIX[variant]}_n.${variant === 'video' ? 'mp4' : 'jpg'}`;
      const oe = Math.floor((options.clock.now() + options.ttlMs) / 1000)
        .toString(16)
        .toUpperCase();
      const nc = (hash53(objectId) % 1e6).toString(36);
      return `${options.baseUrl}${path}?_nc_cat=1&ccb=1-7&_nc_sid=18de74&_nc_ohc=${nc}&_nc_ht=fake.cdninstagram.com&oh=${await hashOf(path, oe)}&oe=${oe}`;
    },

    async fetch(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const match = PATH_PATTERN.exec(url.pathname);
      const oe = url.searchParams.get('oe') ?? '';
      const oh = url.searchParams.get('oh') ?? '';
      if (!match) return text(404, 'Not Found');
      if (!/^[0-9A-Fa-f]+$/.test(oe) || oh !== (await hashOf(url.pathname, oe))) return text(403, 'Bad URL hash');
      if (Number.parseInt(oe, 16) * 1000 <= options.clock.now()) return text(403, 'URL signature expired');
      const [, objectId = '', suffix] = match;
      const object = options.lookup(objectId);
      if (!object || object.deleted) return text(404, 'Not Found');
      const headers = { 'Cache-Control': 'max-age=1209600, no-transform', 'Access-Control-Allow-Origin': '*' };
      if (suffix === 'v') return new Response(videoFor(objectId, object.aspect), { headers: { ...headers, 'Content-Type': 'video/mp4' } });
      // A copy typed on a plain ArrayBuffer, as BodyInit wants; the cached bytes stay untouched.
      return new Response((await image(objectId)).slice(), { headers: { ...headers, 'Content-Type': 'image/jpeg' } });
    },
  };
}

export type Cdn = ReturnType<typeof createCdn>;

const text = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain' } });

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A one-second clip in the post's aspect (a small rendition: 144 px wide), coloured after its products. */
function videoFor(objectId: string, aspect: Aspect): Uint8Array<ArrayBuffer> {
  const size = ASPECT_SIZES[aspect];
  const width = 144;
  const height = Math.max(16, Math.round((width * size.height) / size.width / 16) * 16);
  const seed = hash53(objectId);
  const top = DEMO_PRODUCTS[seed % DEMO_PRODUCTS.length]?.color ?? '#e0a458';
  const bottom = DEMO_PRODUCTS[(seed + 3) % DEMO_PRODUCTS.length]?.color ?? '#7a9e9f';
  return tinyMp4({ width, height, top: rgb(top), bottom: rgb(bottom) });
}
