/**
 * The reports contract: what `GET /admin/reports/*` answers and the panel reads. Money is in
 * minor units with its currency; days are UTC `YYYY-MM-DD`, ranges inclusive.
 */

export interface ReportRange {
  from: string;
  to: string;
}

export interface ReportTotals {
  impressions: number;
  opens: number;
  productClicks: number;
  addToCarts: number;
  /** Distinct visitors who saw a gallery (or, in the holdout, would have). */
  visitors: number;
  /** Visitors who opened a post or clicked a product. */
  engagedVisitors: number;
  /** engagedVisitors / visitors (0 when there are none). */
  engagementRate: number;
  orders: number;
  revenueMinor: number;
  /** Orders and revenue credited last-touch (click, else view) to the UGC. */
  attributedOrders: number;
  attributedRevenueMinor: number;
  /** Orders where UGC was touched but another post got the last touch. */
  assistedOrders: number;
  assistedRevenueMinor: number;
  /** Share of engaged visitors who ordered, and of exposed visitors who did not engage. */
  conversionRateEngaged: number;
  conversionRateNotEngaged: number;
}

export interface HoldoutReport {
  /** The workspace's configured holdout share (0..1). */
  share: number;
  holdoutVisitors: number;
  holdoutConversionRate: number;
  exposedVisitors: number;
  exposedConversionRate: number;
  /** exposed rate / holdout rate − 1; null when the holdout has no conversions. */
  lift: number | null;
  /** 95% interval of the lift by the delta method on the log ratio; null when a group has no conversions. */
  ci95: [number, number] | null;
}

export interface ReportSeriesPoint {
  day: string;
  impressions: number;
  opens: number;
  productClicks: number;
  addToCarts: number;
  orders: number;
  revenueMinor: number;
}

export type FunnelStep = 'impressions' | 'opens' | 'product_clicks' | 'add_to_carts' | 'orders';

/**
 * Where the orders behind `totals.orders` come from: confirmed by the merchant's server
 * (`POST /v1/orders`), or only reported by a browser (a `purchase` event, which anyone can send).
 */
export interface OrderProvenance {
  /** The workspace counts confirmed orders only: headline figures and rankings leave browser reports out. */
  confirmedOnly: boolean;
  confirmedOrders: number;
  confirmedRevenueMinor: number;
  browserReportedOrders: number;
  browserReportedRevenueMinor: number;
}

export interface ReportOverview {
  range: ReportRange;
  currency: string;
  totals: ReportTotals;
  provenance: OrderProvenance;
  holdout: HoldoutReport;
  series: ReportSeriesPoint[];
  funnel: { step: FunnelStep; count: number }[];
  consent: ConsentShare;
}

/**
 * What the reports see. Impressions, opens, product clicks and adds to cart count every visit
 * (aggregate-only, no visitor id needed); visitors, engagement, conversion rates, attribution
 * and lift are computed on consenting visitors only, since only they have a visitor id.
 */
export interface ConsentShare {
  impressions: number;
  /** Impressions by visitors with analytics consent. */
  consentedImpressions: number;
  /** consentedImpressions / impressions; null without impressions. */
  share: number | null;
  /** The totals counted from every visit, consent or not. */
  aggregateOnly: ('impressions' | 'opens' | 'productClicks' | 'addToCarts')[];
  /** The figures computed on consenting visitors only. */
  consentingOnly: ('visitors' | 'engagedVisitors' | 'engagementRate' | 'conversionRateEngaged' | 'conversionRateNotEngaged' | 'attributedOrders' | 'holdout')[];
}

export type TopDimension = 'post' | 'product' | 'gallery';

export interface ReportTopRow {
  id: string;
  label: string;
  imageUrl: string | null;
  impressions: number;
  opens: number;
  productClicks: number;
  addToCarts: number;
  orders: number;
  revenueMinor: number;
  assistedOrders: number;
  assistedRevenueMinor: number;
}

export interface ReportTop {
  rows: ReportTopRow[];
}

export type ExportDimension = 'day' | TopDimension;

/** A post's last 30 days in the inbox (`AdminPost.performance`). */
export interface PostPerformance {
  impressions: number;
  opens: number;
  orders: number;
  revenueMinor: number;
}

/** A term used in more collected captions in the range than in the same length of time before. */
export interface TrendTerm {
  term: string;
  count: number;
  previous: number;
  growth: number;
}


/** `GET /admin/reports/trends`: what collected captions talk about more, and who brings the most. */
export interface TrendsReport {
  range: { from: string; to: string; previousFrom: string; previousTo: string };
  /** Posts read in each window; `capped` when a window had more than the limit (the newest were read). */
  posts: { current: number; previous: number; capped: boolean };
  hashtags: TrendTerm[];
  words: TrendTerm[];
  /** Posts a day using each of the top rising hashtags, over the range's days. */
  series: { days: string[]; hashtags: { term: string; counts: number[] }[] };
  authorsByApprovedPosts: { username: string; approvedPosts: number }[];
  authorsByRevenue: { username: string; revenueMinor: number }[];
  currency: string;
}
