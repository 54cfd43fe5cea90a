/**
 * The holdout's lift: how much more often exposed visitors convert than held-out ones, with a 95%
 * interval by the delta method on the log of the rate ratio (Katz): var(log RR) =
 * 1/a − 1/n₁ + 1/c − 1/n₂. Undefined (null) when either group has no conversions.
 */
export interface GroupCounts {
  visitors: number;
  conversions: number;
}

export function liftWithInterval(exposed: GroupCounts, holdout: GroupCounts): { lift: number | null; ci95: [number, number] | null } {
  if (exposed.visitors === 0 || holdout.visitors === 0 || holdout.conversions === 0) return { lift: null, ci95: null };
  const ratio = exposed.conversions / exposed.visitors / (holdout.conversions / holdout.visitors);
  if (exposed.conversions === 0) return { lift: ratio - 1, ci95: null };
  const se = Math.sqrt(1 / exposed.conversions - 1 / exposed.visitors + 1 / holdout.conversions - 1 / holdout.visitors);
  const log = Math.log(ratio);
  return { lift: ratio - 1, ci95: [Math.exp(log - 1.959964 * se) - 1, Math.exp(log + 1.959964 * se) - 1] };
}

export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
