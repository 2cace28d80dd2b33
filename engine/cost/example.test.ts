import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { affordableMonthlyWage } from './inversions.ts';
import { costSchema, defaultCostSpec } from './schema.ts';

describe('liaocheng-2024.example.yaml', () => {
  const text = readFileSync(new URL('./liaocheng-2024.example.yaml', import.meta.url), 'utf8');
  const spec = costSchema.parse(parse(text).cost);

  it('parses under the strict schema and equals the defaults (plus the city name and region)', () => {
    expect(spec.city.name).toBe('Liaocheng');
    expect(spec.region).toEqual({ province: 'Shandong', year: 2024 });
    const { region: _region, ...rest } = spec;
    expect({ ...rest, city: {} }).toEqual(defaultCostSpec());
  });

  it('prices the 2024 bid', () => {
    const a = affordableMonthlyWage(16_665_264, 1, 237, spec, 'outsourced');
    expect(a.feasible).toBe(true);
    expect(Math.abs(a.coveredCost - 16_665_264)).toBeLessThan(1);
  });
});
