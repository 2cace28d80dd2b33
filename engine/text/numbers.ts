// Numbers as text, for presentation only (never used in arithmetic): the one place a number's
// digits, grouping and sign are chosen. Three rules, each named for what it prints; they share
// the en-US grouping. Imports nothing, so every layer may use it.

const cache = new Map<string, Intl.NumberFormat>();
/** en-US grouping with `min`..`max` decimals, made once per pair. */
function grouping(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

/**
 * A figure in a table, with exactly `digits` decimals: 1234567.891 → "1,234,568" (digits = 0) or
 * "1,234,567.89" (digits = 2). A typographic minus "−"; a value that rounds to zero prints
 * unsigned; "—" when not finite.
 */
export function formatAmount(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '—';
  const f = grouping(digits, digits);
  const s = f.format(x);
  return s === `-${f.format(0)}` ? f.format(0) : s.replace('-', '−');
}

/**
 * A figure in running prose, with at most `digits` decimals, trailing zeros dropped:
 * 1234567.891 → "1,234,567.89" (digits = 2), 12.5 → "12.5"; an ASCII minus.
 */
export function formatTrimmed(x: number, digits = 0): string {
  // minimumFractionDigits 0 with the given maximum: Intl's own default for maximumFractionDigits alone.
  return grouping(0, digits).format(x);
}

/** A share in prose: 0.0725 → "7.25%" (at most two decimals). */
export function formatTrimmedPercent(x: number): string {
  return `${formatTrimmed(x * 100, 2)}%`;
}

/**
 * A quantity of any size in an error message or a limit: three significant digits, grouping for
 * integers, an exponent from 1e7: "1.7e14", "37,000", "2.5".
 */
export function formatMagnitude(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e7) return x.toExponential(1).replace('e+', 'e');
  if (Number.isInteger(x)) return grouping(0, 3).format(x);
  return String(Number(x.toPrecision(3)));
}

/** A long span of time in words, e.g. how long a run would compute: "40 seconds", "3 hours", "9 months", "1.2e6 years". */
export function formatLongDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'for ever';
  const units: [number, string][] = [
    [365.25 * 86400, 'years'],
    [30.44 * 86400, 'months'],
    [86400, 'days'],
    [3600, 'hours'],
    [60, 'minutes'],
    [1, 'seconds'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size || size === 1) {
      const n = seconds / size;
      return `${n >= 1e6 ? n.toExponential(1).replace('e+', 'e') : n >= 10 ? grouping(0, 0).format(Math.round(n)) : n.toFixed(1)} ${name}`;
    }
  }
  return `${seconds} seconds`;
}
