// Calendar arithmetic on plain ISO dates (UTC, so no daylight-saving surprises; China has none).

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

/** "2024-01-01 08:30" for the start of interval k. */
export function intervalLabel(startDate: string, intervalSeconds: number, k: number): string {
  const t = new Date(parseIsoDate(startDate).getTime() + k * intervalSeconds * 1000);
  return `${isoDate(t)} ${t.toISOString().slice(11, 16)}`;
}
