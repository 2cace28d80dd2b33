// Durations in scenario files: a number is seconds; a string carries its unit ("4 min", "300 s", "1.5 h").

const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
};

export const DURATION_PATTERN = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([a-z]+)\s*$/i;

/** Seconds in a duration, or an error message naming what is wrong. */
export function parseDuration(value: number | string): number | { error: string } {
  if (typeof value === 'number') return value;
  const m = DURATION_PATTERN.exec(value);
  if (!m) return { error: `"${value}" is not a duration: give seconds as a number, or a number with a unit such as "4 min"` };
  const unit = UNIT_SECONDS[m[2].toLowerCase()];
  if (unit === undefined) return { error: `unknown unit "${m[2]}" in "${value}": use s, min, h or d` };
  return Number(m[1]) * unit;
}

/** Parses "7d", "24h", "90min" or a bare number of days (the CLI's --horizon) into hours. */
export function parseHorizonHours(value: string | number): number | { error: string } {
  if (typeof value === 'number' || /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 24;
  const seconds = parseDuration(value);
  return typeof seconds === 'number' ? seconds / 3600 : seconds;
}
