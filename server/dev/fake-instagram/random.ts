/**
 * Deterministic randomness and Instagram-looking identifiers. The fake's world must be the same
 * for the same seed, so tests can name what they expect and the demo looks the same every run.
 */

export { seededRandom } from '../seed/random.ts';

import { hash53 } from '../../lib/hash53.ts';

export { hash53 };

export type Random = () => number;

export function pick<T>(random: Random, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10).toString();
  return out;
}

const SHORTCODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function chars(random: Random, alphabet: string, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** Issues the ids the real Graph API uses: all numeric strings, with the familiar prefixes. */
export function idFactory(random: Random) {
  const issued = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const id = make();
      if (!issued.has(id)) {
        issued.add(id);
        return id;
      }
    }
  };
  return {
    /** IG Media and IG Comment ids are 17-digit numbers starting 17 or 18. */
    media: () => unique(() => `179${digits(random, 14)}`),
    comment: () => unique(() => `178${digits(random, 14)}`),
    /** IG User ids of business accounts start with 17841. */
    igUser: () => unique(() => `17841${digits(random, 12)}`),
    page: () => unique(() => `10${digits(random, 13)}`),
    fbUser: () => unique(() => `10${digits(random, 15)}`),
    /** Instagram-scoped ids of other people, as webhook `from.id` carries them. */
    scopedUser: () => unique(() => `17${digits(random, 15)}`),
    shortcode: () => unique(() => chars(random, SHORTCODE_ALPHABET, 11)),
    /** Long-lived user tokens start EAA and are long opaque strings. */
    accessToken: () => `EAAB${chars(random, TOKEN_ALPHABET, 180)}`,
    fbtrace: () => chars(random, SHORTCODE_ALPHABET, 23),
  };
}

export type IdFactory = ReturnType<typeof idFactory>;

/**
 * Hashtag ids are "static and global" (§1.2: "#bluebottle will always be 17843857450040591"),
 * so they derive from the normalised name alone, never from the seed.
 */
export function hashtagIdFor(name: string): string {
  return `17843${(hash53(name.toLowerCase()) % 1e12).toString().padStart(12, '0')}`;
}
