/**
 * Contract risk: the chance that every month of a contract year meets a KPI (e.g. the
 * connection rate ≥ 96 % of the Changsha tender, or GB/T 33358-2016's ≥ 95 % — scenarios/SOURCES.md),
 * estimated from simulated replications, with a Wilson 95 % interval.
 */

export interface WilsonInterval {
  readonly lower: number;
  readonly upper: number;
  readonly z: number;
}

/** Wilson score interval for k successes in n trials (default z = 1.959964, 95 %). */
export function wilsonInterval(successes: number, trials: number, z = 1.959963984540054): WilsonInterval {
  if (!(trials > 0)) throw new RangeError('trials must be > 0');
  if (!(successes >= 0 && successes <= trials)) throw new RangeError('successes must be in [0, trials]');
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), z };
}

export interface ContractRiskOptions {
  /**
   * 'atLeast' (default): a month passes when value ≥ threshold (connection rate);
   * 'atMost': when value ≤ threshold (call-loss rate 呼损率, wait time).
   */
  readonly direction?: 'atLeast' | 'atMost';
}

export interface ContractRisk {
  /** Fraction of replications in which every month met the KPI. */
  readonly probabilityAllMonthsMeet: number;
  readonly successes: number;
  readonly replications: number;
  readonly wilson95: WilsonInterval;
  /** Per month index, the fraction of replications meeting the KPI that month. */
  readonly monthlyPassRate: readonly number[];
  /** 1 − probabilityAllMonthsMeet: the chance of at least one failed month (a penalty or a breach). */
  readonly probabilityAnyMonthFails: number;
}

/**
 * @param monthlyKpiSamples replications × months (usually 12) of a monthly KPI value
 * @param threshold         the contractual KPI threshold, same unit as the samples
 */
export function contractRisk(monthlyKpiSamples: readonly (readonly number[])[], threshold: number, options: ContractRiskOptions = {}): ContractRisk {
  const n = monthlyKpiSamples.length;
  if (n === 0) throw new RangeError('need at least one replication');
  const months = monthlyKpiSamples[0].length;
  if (months === 0) throw new RangeError('each replication needs at least one month');
  const passes = options.direction === 'atMost' ? (v: number) => v <= threshold : (v: number) => v >= threshold;
  const monthPass = new Array<number>(months).fill(0);
  let successes = 0;
  for (const rep of monthlyKpiSamples) {
    if (rep.length !== months) throw new RangeError('all replications must have the same number of months');
    let all = true;
    rep.forEach((v, m) => {
      if (Number.isNaN(v)) throw new RangeError('KPI samples must not be NaN');
      if (passes(v)) monthPass[m]++;
      else all = false;
    });
    if (all) successes++;
  }
  const p = successes / n;
  return {
    probabilityAllMonthsMeet: p,
    successes,
    replications: n,
    wilson95: wilsonInterval(successes, n),
    monthlyPassRate: monthPass.map((c) => c / n),
    probabilityAnyMonthFails: 1 - p,
  };
}
