/** One benchmark section: its figures (unit in the name), their targets and notes on method. */
export interface SectionResult {
  results: Record<string, number>;
  targets: Record<string, string>;
  notes: string[];
}

export type Section = () => Promise<SectionResult>;
