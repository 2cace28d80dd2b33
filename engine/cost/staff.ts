/**
 * Who is on the payroll: from a head count (people) to operators and the other roles.
 *
 * Head count means people. The scenario's payroll gives the phone staff (phonePeople of
 * engine/workforce/staffing.ts, the one head count ⇄ phones ⇄ seats rule); the cost model's roles then apply:
 * - roles the payroll's `offPhone` names (teamLeader, qualityInspector, trainer, manager)
 *   take the payroll's counts, inside the head count; other names (dispatcher, returnVisit …)
 *   are "other off-phone staff", inside the head count too;
 * - roles listed in `roles.inHeadcount` but not named by the payroll are carved out of the
 *   head count by ratio to the operators;
 * - every other ratio role is added on top of the head count (e.g. a vendor's project manager
 *   who is not in the hall's count).
 */
import type { Payroll } from '../workforce/payroll.ts';
import { EVERYONE_ON_PHONES } from '../workforce/payroll.ts';
import { phonePeople } from '../workforce/staffing.ts';
import type { Headcounts } from './labour.ts';
import { roleHeadcounts, roleNames, totalHeadcount } from './labour.ts';
import type { CostSpec, RatioRoleKey } from './schema.ts';
import { ratioRoleKeys } from './schema.ts';
import { formatTrimmed } from '../text/numbers.ts';

export interface StaffSplit {
  readonly headcounts: Headcounts;
  /** People on the scenario's payroll head count (operators + roles inside it). */
  readonly payrollHeadcount: number;
  /** Ratio roles added on top of the payroll head count. */
  readonly addedOnTop: readonly RatioRoleKey[];
  /** Roles inside the payroll head count, and how each was counted. */
  readonly inside: readonly { role: string; count: number; how: 'payroll' | 'ratio' }[];
  readonly warnings: readonly string[];
  readonly explanation: string;
}

function ratioCount(operators: number, per: number, rounding: CostSpec['roles']['headcountRounding']): number {
  const exact = operators / per;
  return rounding === 'ceil' ? Math.ceil(exact - 1e-9) : exact;
}

/** The largest operator count n with n + Σ ratio roles(n) ≤ people (fractional: exact). */
function operatorsWithin(people: number, keys: readonly RatioRoleKey[], roles: CostSpec['roles']): number {
  if (keys.length === 0) return people;
  const inv = keys.reduce((a, k) => a + 1 / roles[k].perOperators, 0);
  if (roles.headcountRounding === 'fractional') return people / (1 + inv);
  let n = Math.floor(people / (1 + inv));
  const used = (m: number) => m + keys.reduce((a, k) => a + ratioCount(m, roles[k].perOperators, 'ceil'), 0);
  while (n > 0 && used(n) > people) n--;
  while (used(n + 1) <= people) n++;
  return n;
}

/** Split a payroll head count into operators and roles under the scenario's payroll. */
export function staffFromHeadcount(headcount: number, roles: CostSpec['roles'], payroll: Payroll = EVERYONE_ON_PHONES): StaffSplit {
  if (!(headcount >= 0) || !Number.isFinite(headcount)) throw new RangeError('head count must be a finite number >= 0');
  const warnings: string[] = [];
  const named = new Map<string, number>(Object.entries(payroll.offPhone ?? {}));
  const namedRatio = ratioRoleKeys.filter((k) => named.has(k));
  const carved = roles.inHeadcount.filter((k) => !named.has(k));
  let operators: number;
  let otherStaff = 0;
  const fixed: Partial<Record<RatioRoleKey, number>> = {};
  for (const k of namedRatio) fixed[k] = named.get(k)!;
  for (const [r, n] of named) if (!(ratioRoleKeys as readonly string[]).includes(r)) otherStaff += n;

  if (payroll.offPhone) {
    // the payroll fixes the phone staff; roles carved by ratio come out of them only if listed
    const phone = phonePeople(headcount, payroll);
    operators = operatorsWithin(phone, carved, roles);
    if (carved.length) {
      warnings.push(
        `roles.inHeadcount lists ${carved.join(', ')}, which payroll.offPhone does not name: they are carved out of the people taking calls by ratio; name them in payroll.offPhone so that the simulation puts them off the phones too`,
      );
    }
  } else if (payroll.given) {
    // a phone share: operators are the share; roles inside come out of the off-phone rest
    operators = phonePeople(headcount, payroll);
    const off = headcount - operators;
    const need = carved.reduce((a, k) => a + ratioCount(operators, roles[k].perOperators, roles.headcountRounding), 0);
    otherStaff += Math.max(0, off - need);
    if (need > off + 1e-9) {
      warnings.push(
        `the payroll's phone share leaves ${formatTrimmed(off, 1)} people off the phones, fewer than the ${formatTrimmed(need, 1)} ${carved.join(', ')} the ratios need: the extra are counted on top of the head count`,
      );
    }
  } else {
    operators = operatorsWithin(headcount, carved, roles);
    if (carved.length) {
      warnings.push(
        `the cost section puts ${carved.join(', ')} inside the head count of ${formatTrimmed(headcount)}, but the scenario has no payroll section, so the simulation puts all ${formatTrimmed(headcount)} on the phones: add payroll.offPhone`,
      );
    }
  }
  const byRatio = roleHeadcounts(operators, roles);
  const headcounts: Headcounts = { ...byRatio, ...fixed, operator: operators, otherStaff };
  const insideRoles = new Set<RatioRoleKey>([...namedRatio, ...carved]);
  const addedOnTop = ratioRoleKeys.filter((k) => !insideRoles.has(k));
  const inside = [
    ...namedRatio.map((k) => ({ role: k as string, count: fixed[k]!, how: 'payroll' as const })),
    ...carved.map((k) => ({ role: k as string, count: byRatio[k], how: 'ratio' as const })),
    ...(otherStaff > 0 ? [{ role: 'otherStaff', count: otherStaff, how: 'payroll' as const }] : []),
  ];
  // with ceil rounding a few people may be left over: they take calls
  if (!payroll.given && carved.length && roles.headcountRounding === 'ceil') {
    const used = totalHeadcount({ ...headcounts, ...Object.fromEntries(addedOnTop.map((k) => [k, 0])) } as Headcounts);
    if (headcount - used > 1e-9) headcounts.operator += headcount - used;
  }
  const total = totalHeadcount(headcounts);
  const explanation =
    `${formatTrimmed(headcount)} people on the payroll: ${formatTrimmed(headcounts.operator, 1)} operators take calls` +
    (inside.length ? `; inside the head count: ${inside.map((x) => `${formatTrimmed(x.count, 1)} ${roleNames[x.role as keyof typeof roleNames]?.en.toLowerCase() ?? x.role} (${x.how === 'payroll' ? "the payroll's count" : 'by ratio'})`).join(', ')}` : '') +
    (addedOnTop.length ? `; added on top by ratio: ${addedOnTop.map((k) => `${formatTrimmed(headcounts[k], 1)} ${roleNames[k].en.toLowerCase()}`).join(', ')}` : '') +
    ` — ${formatTrimmed(total, 1)} people priced.`;
  return { headcounts, payrollHeadcount: headcount, addedOnTop, inside, warnings, explanation };
}

/**
 * The payroll head count that has `operators` operators under the same payroll and roles
 * (for searches over operators): operators + the roles inside the head count.
 */
export function staffFromOperators(operators: number, roles: CostSpec['roles'], payroll: Payroll = EVERYONE_ON_PHONES): StaffSplit {
  const named = payroll.offPhone ?? {};
  const carved = roles.inHeadcount.filter((k) => !(k in named));
  const byRatio = roleHeadcounts(operators, roles);
  let people = operators + carved.reduce((a, k) => a + byRatio[k], 0);
  if (payroll.offPhone) people += Object.values(named).reduce((a, b) => a + b, 0);
  else if (payroll.given) people = Math.max(people, operators / (payroll.phoneShare ?? 1));
  return staffFromHeadcount(people, roles, payroll);
}
