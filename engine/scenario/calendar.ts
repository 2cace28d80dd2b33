// Calendar arithmetic on plain ISO dates (UTC, so no daylight-saving surprises; China has none).

/** "2024-02-29" yes, "2024-02-30" and "2024-13-45" no; years 1900 to 2200. */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month - 1);
}

export function parseIsoDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** ISO weekday: Monday = 0 ... Sunday = 6. */
export function weekdayIndex(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}

export function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Labels for intervals 0..n-1, computing one date a day rather than one an interval. */
export function intervalLabels(startDate: string, intervalSeconds: number, n: number): string[] {
  const perDay = Math.round(86400 / intervalSeconds);
  const times = Array.from({ length: perDay }, (_, j) => {
    const minutes = Math.round((j * intervalSeconds) / 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
  const start = parseIsoDate(startDate);
  const labels: string[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const day = Math.floor(k / perDay);
    if (k % perDay === 0 || k === 0) labels[k] = `${isoDate(addDays(start, day))} ${times[k % perDay]}`;
    else labels[k] = `${labels[k - 1].slice(0, 10)} ${times[k % perDay]}`;
  }
  return labels;
}

/** "2024-01-01 08:30" for the start of interval k. */
export function intervalLabel(startDate: string, intervalSeconds: number, k: number): string {
  const t = new Date(parseIsoDate(startDate).getTime() + k * intervalSeconds * 1000);
  return `${isoDate(t)} ${t.toISOString().slice(11, 16)}`;
}
