/** A comparison a figure must pass. */
export type Op = '<' | '<=' | '>' | '>=' | '=';

/**
 * One bound on a figure: against a fixed value, or against another figure of the same run
 * (`times` × that figure `plus` an offset), so a pair measured side by side is checked as a pair.
 */
export type Bound = { op: Op; value: number } | { op: Op; of: string; times?: number; plus?: number };

/** A figure's target: every bound must hold. `note` says what the target stands for, or why a known shortfall is accepted. */
export interface Target {
  bounds: Bound[];
  note?: string;
}

/** One benchmark section: its figures (unit in the name), the targets some of them have, and notes on method. */
export interface SectionResult {
  results: Record<string, number>;
  targets: Record<string, Target>;
  notes: string[];
}

export type Section = () => Promise<SectionResult>;
