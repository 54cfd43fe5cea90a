/**
 * A believable tracking history for a workspace (reports demos and benchmarks): visitors day by
 * day with weekly seasonality, some returning; each sees a gallery, some open posts, click
 * products, add to cart and buy; a holdout share sees nothing. Written through the ingest
 * service itself (`ingestStatements`), so events, orders, attributions, rollups and visitor days
 * are exactly what live traffic would have produced. Days are committed in order: a purchase
 * reads the visitor's touches from earlier days as live ingest would. Most purchases are then
 * confirmed by the shop's server, as `POST /v1/orders` would (the order service itself).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isHoldout } from '../../../shared/holdout.ts';
import type { EventBatch, TrackingEvent } from '../../../shared/schemas/events.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { galleries, postProducts, posts, products } from '../../db/schema.ts';
import { ingestStatements } from '../../domain/tracking/ingest.ts';
import { planOrder } from '../../domain/tracking/orders.ts';
import { trackingSettings } from '../../domain/tracking/settings.ts';
import { seededRandom } from './random.ts';

export interface HistoryOptions {
  workspaceId: string;
  /** Days of history ending at `endAt`. */
  days: number;
  /** How many events to write: the last visitor's may take the total a few past it. */
  events: number;
  endAt: number;
  seed?: number;
  /** Visitor batches per transaction. */
  chunk?: number;
  /** Share of purchases the shop's server confirms after the browser reported them (default 0.8). */
  confirmedShare?: number;
  onDay?: (day: number, written: number) => void;
}

export interface HistoryReport {
  events: number;
  visitorDays: number;
  purchases: number;
  confirmed: number;
}

const DAY = 86_400_000;
/** A first guess of events per visitor and day; the generator then adjusts to what it draws. */
const AVG_EVENTS_PER_VISITOR_DAY = 3;

export async function generateHistory(db: Db, options: HistoryOptions): Promise<HistoryReport> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const settings = await trackingSettings(db, options.workspaceId);
  if (!settings) throw new Error(`no workspace ${options.workspaceId}`);
  const galleryIds = (await db.select({ id: galleries.id }).from(galleries).where(eq(galleries.workspaceId, options.workspaceId))).map((g) => g.id);
  const postIds = (await db.select({ id: posts.id }).from(posts).where(and(eq(posts.workspaceId, options.workspaceId), eq(posts.moderationStatus, 'approved')))).map((p) => p.id);
  const catalog = await db.select({ id: products.id, sku: products.sku, price: products.priceMinor }).from(products).where(and(eq(products.workspaceId, options.workspaceId), isNotNull(products.priceMinor)));
  const tags = await db.select({ postId: postProducts.postId, productId: postProducts.productId }).from(postProducts).innerJoin(posts, eq(posts.id, postProducts.postId)).where(eq(posts.workspaceId, options.workspaceId));
  if (galleryIds.length === 0 || postIds.length === 0 || catalog.length === 0) throw new Error('the workspace needs a gallery, approved posts and priced products');
  const productsOf = (postId: string) => tags.filter((t) => t.postId === postId).map((t) => catalog.find((p) => p.id === t.productId)!).filter(Boolean);

  const tag = `${options.seed ?? 1}`;
  const returning: string[] = [];
  const report: HistoryReport = { events: 0, visitorDays: 0, purchases: 0, confirmed: 0 };
  // Its own stream, so the traffic drawn is the same whatever the share.
  const confirms = seededRandom((options.seed ?? 1) + 1);
  const confirmedShare = options.confirmedShare ?? 0.8;
  const startDay = Math.floor(options.endAt / DAY) - options.days + 1;

  for (let d = 0; d < options.days && report.events < options.events; d++) {
    const dayStart = (startDay + d) * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    // Spread what is left over the days left, at the events per visitor seen so far.
    const perVisitor = report.visitorDays > 50 ? report.events / report.visitorDays : AVG_EVENTS_PER_VISITOR_DAY;
    const perDay = (options.events - report.events) / (options.days - d) / perVisitor;
    const drawn = Math.round(perDay * (weekday === 0 || weekday === 6 ? 1.25 : 0.9) * (0.9 + 0.2 * random()));
    // The last day makes up the rest: a weekday's lower traffic must not leave the total short.
    const visitors = d === options.days - 1 ? Infinity : drawn;
    const batches: { batch: EventBatch; now: number }[] = [];
    for (let v = 0; v < visitors && report.events < options.events; v++) {
      const visitorId = returning.length > 0 && random() < 0.2 ? pick(returning) : `v_h${tag}_${d}_${v}_${Math.floor(random() * 1e6)}`;
      if (returning.length < 5_000) returning.push(visitorId);
      else returning[Math.floor(random() * returning.length)] = visitorId;
      let at = dayStart + Math.floor(random() * (DAY - 3_600_000));
      const step = () => (at += 5_000 + Math.floor(random() * 55_000));
      const gallery = pick(galleryIds);
      let k = 0;
      const list: TrackingEvent[] = [];
      const push = (e: Omit<TrackingEvent, 'id' | 'at'>) => list.push({ ...e, id: `e_h${tag}_${d}_${v}_${k++}`, at: step() } as TrackingEvent);
      let basket: { sku: string; price: number }[] = [];
      let engaged = false;
      if (isHoldout(options.workspaceId, visitorId, settings.holdoutShare)) {
        push({ type: 'vitrine_holdout', galleryId: gallery });
      } else {
        // One impression per page view showing the gallery: a visit has one to several.
        const pages = 1 + Math.floor(-Math.log(1 - random()) * 1.6);
        // Galleries show their first page: the newest twelve posts here.
        for (let p = 0; p < pages; p++) push({ type: 'view_item_list', galleryId: p === 0 ? gallery : pick(galleryIds), postIds: postIds.slice(0, 12) });
        if (random() < 0.32) {
          engaged = true;
          const opens = 1 + Math.floor(random() * 3);
          for (let o = 0; o < opens; o++) {
            const postId = pick(postIds);
            push({ type: 'select_content', galleryId: gallery, postId });
            const shown = productsOf(postId);
            if (shown.length > 0 && random() < 0.35) {
              const product = pick(shown);
              push({ type: 'select_item', galleryId: gallery, postId, productId: product.id });
              if (random() < 0.4) {
                push({ type: 'add_to_cart', galleryId: gallery, postId, productId: product.id });
                basket.push({ sku: product.sku, price: product.price! });
              }
            }
          }
        }
      }
      const buys = random() < (basket.length > 0 ? 0.3 : engaged ? 0.045 : 0.02);
      if (buys) {
        if (basket.length === 0) basket = [{ sku: pick(catalog).sku, price: pick(catalog).price! }];
        if (random() < 0.3) basket.push({ sku: pick(catalog).sku, price: pick(catalog).price! });
        at += 300_000 + Math.floor(random() * 1_500_000);
        const value = basket.reduce((s, i) => s + i.price, 0) / 100;
        push({ type: 'purchase', transaction: { transaction_id: `T-h${tag}-${d}-${v}`, value, currency: 'EUR', items: basket.map((i) => ({ item_id: i.sku, price: i.price / 100, quantity: 1 })) } });
        report.purchases++;
      }
      report.events += list.length;
      report.visitorDays++;
      batches.push({ batch: { v: 1, workspaceId: options.workspaceId, visitorId, sessionId: `s_${visitorId}`, consent: 'granted', events: list }, now: at + 1_000 });
    }
    const chunk = options.chunk ?? 200;
    for (let i = 0; i < batches.length; i += chunk) {
      const group = batches.slice(i, i + chunk);
      await runBatch(db, await ingestStatements(db, group.map(({ batch, now }) => ({ settings, batch, now }))));
      // The server's confirmation names no visitor nor time: it keeps the browser report's.
      const confirmations: BatchItem<'sqlite'>[] = [];
      for (const { batch, now } of group) {
        for (const { transaction } of batch.events) {
          if (!transaction || confirms() >= confirmedShare) continue;
          const plan = await planOrder(db, settings, { transaction, visitorId: null, sessionId: null, channel: 'api', occurredAt: null }, now + 60_000);
          if (plan) confirmations.push(...plan.statements);
          report.confirmed++;
        }
      }
      if (confirmations.length > 0) await runBatch(db, confirmations);
    }
    options.onDay?.(d, report.events);
  }
  return report;
}
