/**
 * The demo workspace's content: a small home-goods brand and what its customers posted.
 * Each post states the moderation and rights facts that decide whether it is public, so the
 * demo (and the tests built on it) cover the cases invariant 1 must exclude.
 */
import type { ModerationStatus, RightsStatus } from '../../db/schema.ts';

export const DEMO_WORKSPACE = {
  id: 'ws_demo',
  name: 'Maison Lumen',
  slug: 'maison-lumen',
  instagramHandle: 'maisonlumen',
  approvalHashtag: 'YesLumen',
};

/**
 * The demo's owner account. It has no fixed password: each seed is given one (generated per data
 * folder by `npm start`, per harness in tests), so no published login opens any deployment.
 */
export const DEMO_OWNER = { email: 'demo@vitrine.local', name: 'Demo Owner' };

export const DEMO_GALLERY_ID = 'demo';

export interface DemoProduct {
  sku: string;
  title: string;
  priceMinor: number;
  color: string;
  shape: 'lamp' | 'vase' | 'mug' | 'bag' | 'cushion' | 'candle';
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  { sku: 'LUM-LAMP-01', title: 'Arc Table Lamp', priceMinor: 12900, color: '#e0a458', shape: 'lamp' },
  { sku: 'LUM-VASE-02', title: 'Ripple Stoneware Vase', priceMinor: 4900, color: '#7a9e9f', shape: 'vase' },
  { sku: 'LUM-MUG-03', title: 'Morning Mug, Sand', priceMinor: 1800, color: '#d9c5b2', shape: 'mug' },
  { sku: 'LUM-BAG-04', title: 'Market Tote, Olive', priceMinor: 5900, color: '#6b7f3a', shape: 'bag' },
  { sku: 'LUM-CUSH-05', title: 'Linen Cushion, Terracotta', priceMinor: 3900, color: '#c8553d', shape: 'cushion' },
  { sku: 'LUM-CNDL-06', title: 'Fig Leaf Candle', priceMinor: 2600, color: '#f2e8cf', shape: 'candle' },
];

export interface DemoPost {
  /** Stable id so tests and the e2e journey can name the post. */
  id: string;
  author: string;
  caption: string;
  aspect: 'square' | 'portrait' | 'landscape';
  /** Products shown (indexes into DEMO_PRODUCTS); the first is tagged with a hotspot. */
  products: number[];
  carouselChildren?: number;
  moderation: ModerationStatus;
  rights: RightsStatus;
  /** Days until the rights expire (negative: already expired); absent: no expiry. */
  rightsExpireInDays?: number;
  deletedAtSource?: boolean;
  /** How the evidence of consent was given, for granted (and later withdrawn) rights. */
  consentChannel?: 'comment_reply' | 'rights_page';
}

const AUTHORS = ['clara.home', 'jules_atelier', 'nina.makes', 'oskar.lives', 'amelie_in_paris', 'tomas.b', 'yuki.studio', 'lea_and_co'];
const CAPTIONS = [
  'Sunday light on the new lamp ✨ #YesLumen @maisonlumen',
  'Finally found the perfect vase for my dried flowers 🌾 @maisonlumen',
  'Coffee tastes better in this mug. Fact. ☕️ #slowmorning @maisonlumen',
  'Market day with my favourite tote 🍋 @maisonlumen',
  'Reading corner, version 3 📚 #cosyhome @maisonlumen',
  'The fig candle makes the whole flat smell like summer @maisonlumen',
  'Shelf styling, round two 🌿 @maisonlumen',
  'Terracotta everything 🧡 @maisonlumen #interiors',
];

/** 24 posts: 19 public, and one of each way a post must stay out of public galleries. */
export const DEMO_POSTS: DemoPost[] = [
  ...Array.from({ length: 19 }, (_, i): DemoPost => ({
    id: `post_demo${String(i + 1).padStart(2, '0')}`,
    author: AUTHORS[i % AUTHORS.length]!,
    caption: CAPTIONS[i % CAPTIONS.length]!,
    aspect: (['square', 'portrait', 'square', 'landscape'] as const)[i % 4]!,
    products: [i % DEMO_PRODUCTS.length, (i + 2) % DEMO_PRODUCTS.length],
    ...(i === 3 || i === 11 ? { carouselChildren: 3 } : {}),
    moderation: 'approved',
    rights: 'granted',
    ...(i % 5 === 0 ? { rightsExpireInDays: 365 } : {}),
    consentChannel: i % 2 === 0 ? 'comment_reply' : 'rights_page',
  })),
  {
    id: 'post_norights',
    author: 'marco.casa',
    caption: 'Approved by the brand, but nobody asked me yet @maisonlumen',
    aspect: 'square',
    products: [0],
    moderation: 'approved',
    rights: 'requested',
  },
  {
    id: 'post_withdrawn',
    author: 'sofia.v',
    caption: 'I said yes once, then changed my mind @maisonlumen',
    aspect: 'portrait',
    products: [1],
    moderation: 'approved',
    rights: 'withdrawn',
    consentChannel: 'rights_page',
  },
  {
    id: 'post_pending',
    author: 'ben.rooms',
    caption: 'New cushions, new me 🛋️ #YesLumen @maisonlumen',
    aspect: 'square',
    products: [4],
    moderation: 'pending',
    rights: 'granted',
    consentChannel: 'comment_reply',
  },
  {
    id: 'post_expired',
    author: 'ines.k',
    caption: 'Last summer on the balcony @maisonlumen',
    aspect: 'landscape',
    products: [5],
    moderation: 'approved',
    rights: 'granted',
    rightsExpireInDays: -3,
    consentChannel: 'comment_reply',
  },
  {
    id: 'post_deleted',
    author: 'paul.d',
    caption: 'This one I deleted from Instagram @maisonlumen',
    aspect: 'square',
    products: [2],
    moderation: 'approved',
    rights: 'granted',
    deletedAtSource: true,
    consentChannel: 'rights_page',
  },
];

/** What the demo promises shoppers see: the 19 generated posts and none of the five others. */
export const DEMO_PUBLIC_POST_IDS = DEMO_POSTS.map((p) => p.id).filter((id) => /^post_demo\d\d$/.test(id));

export const DEMO_TERMS_FR = {
  title: 'Conditions d’utilisation de la photo',
  body:
    'Vous autorisez Maison Lumen à montrer cette photo, en citant votre nom d’utilisateur, sur maisonlumen.example ' +
    'et ses pages produits. Vous restez propriétaire de votre photo. Vous pouvez retirer cette autorisation à tout ' +
    'moment par le même lien ; la photo est alors retirée de notre site.',
  scope: ['website'],
};

export const DEMO_TERMS = {
  title: 'Photo usage terms',
  body:
    'You allow Maison Lumen to show this photo, with credit to your username, on maisonlumen.example ' +
    'and its product pages. You keep ownership of your photo. You can withdraw this permission at any ' +
    'time through the same link; the photo is then removed from our site.',
  scope: ['website'],
};
