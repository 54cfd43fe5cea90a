import { and, eq, inArray } from 'drizzle-orm';
import type { TransactionInput } from '../../../shared/schemas/events.ts';
import { inChunks, type Db } from '../../db/client.ts';
import { products } from '../../db/schema.ts';
import { toMinorUnits } from '../../lib/money.ts';

/** An order line with its value, and the catalog products its item_id may be (SKU, else group). */
export interface PricedLine {
  itemId: string;
  valueMinor: number;
  candidates: string[];
}

/**
 * Values each line in minor units: price × quantity when the price is given; lines without a
 * price share what the order's value leaves over, evenly.
 */
export function priceLines(transaction: TransactionInput): { itemId: string; valueMinor: number }[] {
  const { currency, items } = transaction;
  const known = items.map((item) => (item.price === undefined ? null : toMinorUnits(item.price * (item.quantity ?? 1), currency)));
  const rest = Math.max(0, toMinorUnits(transaction.value, currency) - known.reduce<number>((sum, v) => sum + (v ?? 0), 0));
  const unpriced = known.filter((v) => v === null).length;
  return items.map((item, i) => ({ itemId: item.item_id, valueMinor: known[i] ?? Math.floor(rest / unpriced) }));
}

/** Matches each line's item_id to the workspace's products by SKU, else by item group id. */
export async function matchLines(db: Db, workspaceId: string, transaction: TransactionInput): Promise<PricedLine[]> {
  const lines = priceLines(transaction);
  const ids = [...new Set(lines.map((l) => l.itemId))];
  const columns = { id: products.id, sku: products.sku, groupId: products.groupId };
  // Two lookups rather than `sku IN (…) OR group_id IN (…)`: inChunks sizes chunks for one bound value per id.
  const statements = [
    ...inChunks(ids, (chunk) => db.select(columns).from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.sku, chunk)))),
    ...inChunks(ids, (chunk) => db.select(columns).from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.groupId, chunk)))),
  ];
  const found = (await Promise.all(statements)).flat();
  return lines.map((line) => {
    const bySku = found.filter((p) => p.sku === line.itemId).map((p) => p.id);
    return { ...line, candidates: bySku.length > 0 ? bySku : found.filter((p) => p.groupId === line.itemId).map((p) => p.id) };
  });
}
