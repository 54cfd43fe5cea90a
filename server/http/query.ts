import { invalidParameter } from './errors.ts';

/** Parses an optional integer query parameter within [min, max], naming it when it is wrong. */
export function intParam(
  raw: string | undefined,
  name: string,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw invalidParameter(name, `must be an integer, got "${raw.slice(0, 40)}"`);
  const value = Number(raw);
  if (value < min || value > max) throw invalidParameter(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}
