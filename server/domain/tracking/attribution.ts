/**
 * Which UGC an order credits: the last click within the click window, else the last gallery
 * view within the view window (last touch), and every other post or gallery touched within the
 * windows as "assisted". Pure: the caller loads the visitor's touches and the order's products.
 */

export const CLICK_TYPES = ['select_content', 'select_item', 'add_to_cart'] as const;
export type TouchType = 'view_item_list' | (typeof CLICK_TYPES)[number];

export interface Touch {
  type: TouchType;
  at: number;
  galleryId: string | null;
  postId: string | null;
  productId: string | null;
}

export interface OrderLine {
  /** The catalog product the order line matched (by SKU or item group id). */
  productId: string;
  valueMinor: number;
}

export interface AttributionInput {
  orderAt: number;
  valueMinor: number;
  touches: readonly Touch[];
  clickWindowHours: number;
  viewWindowHours: number;
  lines: readonly OrderLine[];
  /** Products tagged on a post, for the post that gets the credit. */
  productsOfPost: (postId: string) => ReadonlySet<string>;
}

export interface Credit {
  kind: 'last_click' | 'last_view' | 'assisted';
  galleryId: string | null;
  postId: string | null;
  productId: string | null;
  valueMinor: number;
}

const HOUR = 3_600_000;
const isClick = (t: Touch) => (CLICK_TYPES as readonly string[]).includes(t.type);
/** Inclusive at both ends: a touch exactly `hours` before the order still counts. */
const within = (t: Touch, orderAt: number, hours: number) => t.at <= orderAt && t.at >= orderAt - hours * HOUR;
const latest = (touches: Touch[]) => touches.reduce<Touch | null>((best, t) => (!best || t.at >= best.at ? t : best), null);

export function attributeOrder(input: AttributionInput): Credit[] {
  const clicks = input.touches.filter((t) => isClick(t) && within(t, input.orderAt, input.clickWindowHours));
  const views = input.touches.filter((t) => t.type === 'view_item_list' && within(t, input.orderAt, input.viewWindowHours));
  const lastClick = latest(clicks);
  const last = lastClick ?? latest(views);
  if (!last) return [];
  const kind = lastClick ? 'last_click' : 'last_view';
  const credits: Credit[] = [{ kind, galleryId: last.galleryId, postId: last.postId, productId: null, valueMinor: input.valueMinor }];

  // The order's products the shopper clicked, or that the credited post shows, share its credit.
  const clicked = new Set(clicks.map((t) => t.productId).filter((id): id is string => id !== null));
  const shown = last.postId ? input.productsOfPost(last.postId) : new Set<string>();
  const credited = new Set<string>();
  for (const line of input.lines) {
    if (credited.has(line.productId) || !(clicked.has(line.productId) || shown.has(line.productId))) continue;
    credited.add(line.productId);
    const value = input.lines.filter((l) => l.productId === line.productId).reduce((sum, l) => sum + l.valueMinor, 0);
    credits.push({ kind, galleryId: last.galleryId, postId: last.postId, productId: line.productId, valueMinor: value });
  }

  // Everything else touched within the windows assisted: each other post, each other gallery.
  const touched = [...clicks, ...views];
  const posts = new Map<string, string | null>();
  for (const t of touched) if (t.postId && t.postId !== last.postId && !posts.has(t.postId)) posts.set(t.postId, t.galleryId);
  for (const [postId, galleryId] of posts) credits.push({ kind: 'assisted', galleryId, postId, productId: null, valueMinor: input.valueMinor });
  const galleries = new Set(touched.map((t) => t.galleryId).filter((g): g is string => g !== null && g !== last.galleryId));
  for (const galleryId of galleries) credits.push({ kind: 'assisted', galleryId, postId: null, productId: null, valueMinor: input.valueMinor });
  return credits;
}

export type RollupDimension = 'workspace' | 'gallery' | 'post' | 'product';

export interface OrderRollupDelta {
  dimension: RollupDimension;
  dimensionId: string;
  orders: number;
  revenueMinor: number;
  assistedOrders: number;
  assistedRevenueMinor: number;
}

/**
 * What an order's credits add to the daily rollups. The workspace row counts attributed orders
 * (last touch) and assisted ones; gallery and post rows count the last touch and assists; a
 * product row counts the orders crediting it, with the value of its order lines.
 */
export function orderRollupDeltas(credits: readonly Credit[]): OrderRollupDelta[] {
  const deltas: OrderRollupDelta[] = [];
  const add = (dimension: RollupDimension, dimensionId: string, value: number, assisted: boolean) =>
    deltas.push({ dimension, dimensionId, orders: assisted ? 0 : 1, revenueMinor: assisted ? 0 : value, assistedOrders: assisted ? 1 : 0, assistedRevenueMinor: assisted ? value : 0 });
  const main = credits.find((c) => c.kind !== 'assisted' && c.productId === null);
  if (!main) return [];
  const assists = credits.filter((c) => c.kind === 'assisted');
  add('workspace', '', main.valueMinor, false);
  if (assists.length > 0) add('workspace', '', main.valueMinor, true);
  if (main.galleryId) add('gallery', main.galleryId, main.valueMinor, false);
  if (main.postId) add('post', main.postId, main.valueMinor, false);
  for (const c of credits) if (c.kind !== 'assisted' && c.productId) add('product', c.productId, c.valueMinor, false);
  for (const c of assists) {
    if (c.postId) add('post', c.postId, c.valueMinor, true);
    else if (c.galleryId) add('gallery', c.galleryId, c.valueMinor, true);
  }
  return deltas;
}
