// Results as JSON with no NaN, Infinity or null in any field. A value that does not apply (no
// target asked for, Erlang C's patience) or cannot be estimated (a rate with no calls to measure,
// a confidence interval from one replication) is left out, never written as null; a number that
// overflowed to Infinity stops the output (see nonFiniteNumbers: the run is refused).

/** A result that holds an infinite number: something overflowed, and no figure can be trusted. */
export class NonFiniteResultError extends RangeError {}

/** Paths of infinite numbers in plain data, e.g. ["totals.agentHours.mean"]; at most `max` of them. */
export function infiniteNumbers(value: unknown, max = 5): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (found.length >= max) return;
    if (typeof v === 'number') {
      if (v === Infinity || v === -Infinity) found.push(path || '(the value)');
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length && found.length < max; i++) walk(v[i], `${path}[${i}]`);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    }
  };
  walk(value, '');
  return found;
}

/** JSON.stringify for results: fields that are null or NaN are left out; an array holding NaN is left out whole. */
export function resultJson(value: unknown, indent?: number): string {
  const infinite = infiniteNumbers(value, 1);
  if (infinite.length) throw new NonFiniteResultError(`the result holds an infinite number at ${infinite[0]} (an overflow): no figure is written`);
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v === null || (typeof v === 'number' && Number.isNaN(v))) return undefined;
      if (Array.isArray(v) && v.some((x) => x === null || (typeof x === 'number' && Number.isNaN(x)))) return undefined;
      // An estimate with nothing to estimate from ({ mean: NaN, ciLow: null, ciHigh: null }) goes whole.
      if (v !== null && typeof v === 'object' && 'mean' in v && Number.isNaN((v as { mean: unknown }).mean)) return undefined;
      return v;
    },
    indent,
  );
}

/** Problems with a JSON text: null, or anything JSON.parse cannot give back exactly. For tests and checks. */
export function jsonNulls(text: string, max = 5): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (found.length >= max) return;
    if (v === null) found.push(path);
    else if (typeof v === 'number' && !Number.isFinite(v)) found.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v as object)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(JSON.parse(text), '');
  return found;
}
