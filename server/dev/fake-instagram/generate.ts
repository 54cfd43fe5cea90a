/**
 * Believable posts from a small vocabulary: people who like the brand's kind of home goods,
 * captions about light, coffee and shelves, the hashtags such posts carry.
 */
import { pick, type Random } from './random.ts';
import type { Aspect, ChildMediaType, FakeGenerateOptions, FakePublishInput, MediaType } from './types.ts';
import { HOUR_MS } from './time.ts';

const AUTHORS = [
  'clara.home', 'jules_atelier', 'nina.makes', 'oskar.lives', 'amelie_in_paris', 'tomas.b', 'yuki.studio', 'lea_and_co',
  'marta.interiors', 'sam_slowliving', 'ines.nest', 'hugo_at_home', 'ana.brunch', 'felix.flat', 'zoe_styles', 'leo.and.plants',
];
const OPENINGS = [
  'Sunday light on the new lamp ✨',
  'Finally found the perfect vase for my dried flowers 🌾',
  'Coffee tastes better in this mug. Fact. ☕️',
  'Market day with my favourite tote 🍋',
  'Reading corner, version 3 📚',
  'The fig candle makes the whole flat smell like summer',
  'Shelf styling, round two',
  'Terracotta everything 🧡',
  'Slow morning, soft light',
  'Moved the table by the window and never looking back',
  'New home, first corner done 🏡',
  'Rainy day, candle on, tea ready',
];
const HASHTAGS = ['slowmorning', 'cosyhome', 'interiors', 'homedecor', 'shelfie', 'interiorstyling', 'candlelight', 'ceramics', 'linen', 'homesweethome'];
const ASPECTS: Aspect[] = ['square', 'portrait', 'square', 'landscape', 'portrait'];

export function generatePosts(random: Random, now: number, brand: string, count: number, options: FakeGenerateOptions = {}): FakePublishInput[] {
  const spread = options.spreadMs ?? 20 * HOUR_MS;
  return Array.from({ length: count }, (): FakePublishInput => {
    const roll = random();
    const mediaType: MediaType = roll < 0.6 ? 'IMAGE' : roll < 0.85 ? 'CAROUSEL_ALBUM' : 'VIDEO';
    const tags = [pick(random, HASHTAGS), ...(random() < 0.5 ? [pick(random, HASHTAGS)] : []), ...(options.hashtag ? [options.hashtag] : [])];
    const childCount = 2 + Math.floor(random() * 3);
    return {
      author: pick(random, AUTHORS),
      caption: `${pick(random, OPENINGS)} ${[...new Set(tags)].map((t) => `#${t}`).join(' ')}`,
      mediaType,
      ...(mediaType === 'CAROUSEL_ALBUM'
        ? { children: Array.from({ length: childCount }, (): ChildMediaType => (random() < 0.2 ? 'VIDEO' : 'IMAGE')) }
        : {}),
      mentionsBrand: random() < (options.mentionShare ?? 0.5),
      tagsBrand: random() < (options.tagShare ?? 0.3),
      timestamp: now - Math.floor(random() * spread),
      aspect: pick(random, ASPECTS),
      likeCount: Math.floor(random() * 900),
      commentsCount: Math.floor(random() * 40),
      hideLikes: random() < 0.15,
      copyrightedAudio: mediaType === 'VIDEO' && random() < 0.25,
    };
  }).map((input) => (input.mentionsBrand ? { ...input, caption: `${input.caption} @${brand}` } : input));
}
