// Every number of the cost section has a stated bound (LIMITS.cost), and scenarios/README.md lists
// each with the others, so a huge value (bonus.monthsOfWage: 1e308) is refused at input, naming the
// field and its bound, instead of overflowing a budget line after the computing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { costSchema, parseCostSpec } from './schema.ts';

interface NumberLeaf {
  path: string;
  min: number;
  max: number;
}

/** The number fields of a zod (v4) schema, with their bounds, by path ("roles.*.monthlyWage" style, options merged). */
function numberLeaves(schema: z.ZodType, path: string[] = []): NumberLeaf[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'number': {
      const n = schema as unknown as { minValue: number | null; maxValue: number | null };
      return [{ path: path.join('.'), min: n.minValue ?? -Infinity, max: n.maxValue ?? Infinity }];
    }
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, v]) => numberLeaves(v, [...path, k]));
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return numberLeaves(def.innerType as z.ZodType, path);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => numberLeaves(o, path));
    case 'array':
      return numberLeaves(def.element as z.ZodType, [...path, '*']);
    default:
      return [];
  }
}

const leaves = numberLeaves(costSchema);
const shown = (v: number): string => (v >= 1e12 ? v.toExponential().replace('e+', 'e') : v.toLocaleString('en-US', { maximumFractionDigits: 3 }));

/** Whether `code` in the README (a path, a path's tail, or with `*` for any one part) names the field at `path`. */
function names(code: string, path: string): boolean {
  const pattern = code.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^.]+');
  return new RegExp(`(^|\\.)${pattern}$`).test(path);
}

describe('bounds of the cost section', () => {
  it('every number field has a finite lower and upper bound', () => {
    expect(leaves.length).toBeGreaterThan(50);
    const unbounded = leaves.filter((l) => !Number.isFinite(l.min) || !Number.isFinite(l.max));
    expect(unbounded.map((l) => l.path)).toEqual([]);
  });

  it('scenarios/README.md lists every bound', () => {
    const readme = readFileSync(new URL('../../scenarios/README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Bounds of the cost section'));
    const rows = section.slice(0, section.indexOf('\n\n', section.indexOf('|'))).split('\n').filter((r) => r.startsWith('|'));
    expect(rows.length).toBeGreaterThan(5);
    const missing = leaves.filter((l) => {
      // A share (0 to 1) is in the shares row; any other field is named in a row with its upper bound.
      if (l.min === 0 && l.max === 1) return !rows.some((r) => r.includes('shares') && r.includes('0 to 1'));
      return !rows.some((r) => r.split('`').some((code, i) => i % 2 === 1 && names(code, l.path)) && (r.includes(shown(l.max)) || r.includes(String(l.max))));
    });
    expect(missing.map((l) => `${l.path} (${shown(l.min)} to ${shown(l.max)})`)).toEqual([]);
  });

  it('a value beyond its bound is refused naming the bound and the unit', () => {
    const refused = (input: unknown) => {
      const r = costSchema.safeParse(input);
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(refused({ bonus: { monthsOfWage: 1e308 } })).toBe('bonus.monthsOfWage: must be from 0 to 24 months of wage (got 1e+308)');
    expect(refused({ roles: { operator: { monthlyWage: 4e8 } } })).toBe('roles.operator.monthlyWage: must be from 0 to 1,000,000 yuan a month (got 400000000)');
    expect(refused({ seats: { usefulLifeYears: 1e-300 } })).toMatch(/^seats\.usefulLifeYears: must be from 0\.1 to 100 years/);
    expect(refused({ premiums: { restDay: { multiplier: 1e6 } } })).toMatch(/^premiums\.restDay\.multiplier: must be from 0 to 10 times/);
    // At the bounds the spec is accepted.
    expect(parseCostSpec({ bonus: { monthsOfWage: 24 }, premiums: { restDay: { multiplier: 10 } } }).bonus.monthsOfWage).toBe(24);
  });
});
