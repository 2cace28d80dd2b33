// "--target connection=0.95", "sl=0.8@20", "asa=30", "abandon=0.05" -> a staffing target.
import { SERVICE_LEVEL_FORMULAS, type StaffingTarget } from '../engine/analytic/index.ts';
import { DEFAULT_TARGET_PERIOD, TARGET_PERIODS, type TargetPeriod } from '../engine/experiment/search/targetPeriod.ts';
import { UsageError } from './errors.ts';

export function parseTarget(text: string): StaffingTarget {
  const m = /^\s*([a-z]+)\s*=\s*([0-9.]+)(%?)\s*(?:@\s*([0-9.]+)\s*s?)?\s*(?:\/\s*([a-z]+))?\s*$/i.exec(text);
  if (!m) throw new UsageError(`--target "${text}": write it like connection=0.95, sl=0.8@20 (or sl=0.8@20/answered), asa=30 or abandon=0.05`);
  const kind = m[1].toLowerCase();
  let value = Number(m[2]);
  if (m[3] === '%') value /= 100;
  const seconds = m[4] !== undefined ? Number(m[4]) : undefined;
  noFormula(kind, m[5], text);
  const share = (what: string) => {
    if (!(value > 0 && value < 1)) throw new UsageError(`--target ${kind}: ${what} must be between 0 and 1 (or a percentage), got ${m[2]}${m[3]}`);
  };
  switch (kind) {
    case 'connection':
    case 'connectionrate':
      share('a connection rate');
      return { kind: 'connectionRate', value };
    case 'sl':
    case 'servicelevel': {
      share('a service level');
      const formula = m[5];
      if (formula === undefined) return { kind: 'serviceLevel', value, seconds };
      const known = SERVICE_LEVEL_FORMULAS.find((f) => f.toLowerCase() === formula.toLowerCase());
      if (!known) throw new UsageError(`--target "${text}": unknown service-level formula "${formula}" (use ${SERVICE_LEVEL_FORMULAS.join(', ')})`);
      return { kind: 'serviceLevel', value, seconds, formula: known };
    }
    case 'asa':
      if (!(value > 0)) throw new UsageError('--target asa: give seconds, more than 0');
      return { kind: 'asa', seconds: value };
    case 'abandon':
    case 'abandonment':
      share('an abandonment rate');
      return { kind: 'abandonment', value };
    default:
      throw new UsageError(`--target "${text}": unknown KPI "${kind}" (use connection, sl, asa or abandon)`);
  }
}

function noFormula(kind: string, formula: string | undefined, text: string): void {
  if (formula !== undefined && kind !== 'sl' && kind !== 'servicelevel') {
    throw new UsageError(`--target "${text}": only a service level (sl=...) takes a formula`);
  }
}

/** --per: over what a target must hold. */
export function parsePeriod(text: string | undefined): TargetPeriod {
  if (text === undefined) return DEFAULT_TARGET_PERIOD;
  const p = text.trim().toLowerCase();
  const known = TARGET_PERIODS.find((x) => x === p || `${x}s` === p);
  if (!known) throw new UsageError(`--per "${text}": give ${TARGET_PERIODS.join(', ')} (the target must hold in every one; horizon: on average)`);
  return known;
}

export const periodOption = {
  type: 'string',
  describe: 'over what the target must hold: interval, day, month (default: tenders assess months) or horizon (the average)',
} as const;
