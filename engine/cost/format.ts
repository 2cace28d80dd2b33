/** Presentation-only number formatting for line notes and explanations (never used in arithmetic). */
const formatters = new Map<number, Intl.NumberFormat>();

/** 1234567.891 → "1,234,567.89" with at most `digits` decimals. */
export function fmt(x: number, digits = 0): string {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f.format(x);
}

/** 0.0725 → "7.25%". */
export function pct(x: number): string {
  return `${fmt(x * 100, 2)}%`;
}
