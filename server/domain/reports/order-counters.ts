import { dailyRollups } from '../../db/schema.ts';

/**
 * The rollup columns order figures are read from: every order, or — for a workspace that counts
 * only orders its server confirmed — the confirmed part alone (browser reports can be forged).
 */
export function orderCounters(confirmedOnly: boolean) {
  const r = dailyRollups;
  return confirmedOnly
    ? { orders: r.confirmedOrders, revenueMinor: r.confirmedRevenueMinor, assistedOrders: r.confirmedAssistedOrders, assistedRevenueMinor: r.confirmedAssistedRevenueMinor }
    : { orders: r.orders, revenueMinor: r.revenueMinor, assistedOrders: r.assistedOrders, assistedRevenueMinor: r.assistedRevenueMinor };
}
