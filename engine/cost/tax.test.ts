import { describe, expect, it } from 'vitest';
import { resolveVat } from './parameters/resolve.ts';
import { costSchema } from './schema.ts';
import { grossUpPrice, surtaxes, vatGeneral, vatInInclusive, vatSimplifiedOnMargin, vatSmall } from './tax.ts';

const rates = { cityMaintenance: 0.07, education: 0.03, localEducation: 0.02 };

// Convention: Chinese tender prices are VAT-inclusive, so VAT = price / (1 + r) × r.
describe('VAT worked examples', () => {
  it('general 6 % on a 1,000,000-yuan VAT-inclusive price', () => {
    const vat = vatGeneral(1_000_000);
    expect(vat).toBeCloseTo((1_000_000 / 1.06) * 0.06, 9);
    expect(vat).toBeCloseTo(56_603.77, 2);
    // VAT-exclusive price + VAT = the inclusive price
    expect(1_000_000 / 1.06 + vat).toBeCloseTo(1_000_000, 6);
    // not price × 6 % (that would treat the price as VAT-exclusive)
    expect(vat).not.toBeCloseTo(60_000, 0);
  });

  it('simplified 5 % on the margin after pass-through wages, social insurance and housing fund', () => {
    const vat = vatSimplifiedOnMargin(1_000_000, 800_000);
    expect(vat).toBeCloseTo((200_000 / 1.05) * 0.05, 9);
    expect(vat).toBeCloseTo(9_523.81, 2);
    expect(vatSimplifiedOnMargin(1_000_000, 1_200_000)).toBe(0);
  });

  it('small taxpayer 3 % on the whole price', () => {
    expect(vatSmall(1_000_000)).toBeCloseTo(29_126.21, 2);
    expect(vatInInclusive(1_030_000, 0.03)).toBeCloseTo(30_000, 9);
  });

  it('surtaxes are 12 % of the VAT paid (7 + 3 + 2)', () => {
    const s = surtaxes(56_603.77, rates);
    expect(s.cityMaintenance).toBeCloseTo(3_962.26, 2);
    expect(s.education).toBeCloseTo(1_698.11, 2);
    expect(s.localEducation).toBeCloseTo(1_132.08, 2);
    expect(s.total).toBeCloseTo(56_603.77 * 0.12, 9);
  });
});

const vatOf = (input: object, year = 2024) => {
  const spec = costSchema.parse({ calendarYear: year, outsourcing: input });
  return { terms: resolveVat(spec), surtaxes: spec.outsourcing.surtaxes };
};

describe('VAT follows the contract type and the taxpayer class (worked examples)', () => {
  // pre-tax amount K = 900,000 (cost + fee + profit), of which 700,000 wages, welfare, SI and HF.
  it('service outsourcing, general taxpayer: 6 % on the full price', () => {
    const { terms, surtaxes } = vatOf({});
    expect(terms).toMatchObject({ regime: 'general', rate: 0.06 });
    const g = grossUpPrice(900_000, 700_000, terms, surtaxes);
    // P = K / (1 − 0.06/1.06 × 1.12) = 900,000 / 0.9366038 = 960,918.61
    expect(g.price).toBeCloseTo(900_000 / (1 - (0.06 / 1.06) * 1.12), 6);
    expect(g.price).toBeCloseTo(960_918.61, 1);
    expect(g.vat).toBeCloseTo((g.price / 1.06) * 0.06, 9);
    expect(g.price).toBeCloseTo(900_000 + g.vat + g.surtaxes.total, 6);
  });

  it('labour dispatch electing the simplified method: 5 % on the price less the staff costs', () => {
    const { terms, surtaxes } = vatOf({ contractType: 'labourDispatch', dispatch: { justification: 'test: dispatch stated' }, vat: { regime: 'simplified' } });
    const g = grossUpPrice(900_000, 700_000, terms, surtaxes);
    // P = (K − k T) / (1 − k), k = 0.05/1.05 × 1.12 = 0.053333: (900,000 − 37,333.33) / 0.946667 = 911,267.61
    expect(g.price).toBeCloseTo(911_267.61, 1);
    expect(g.vat).toBeCloseTo(((g.price - 700_000) / 1.05) * 0.05, 9);
    expect(g.price).toBeCloseTo(900_000 + g.vat + g.surtaxes.total, 6);
  });

  it('small-scale taxpayer: 1 % in 2023–2027, 3 % before', () => {
    const a = vatOf({ taxpayer: 'smallScale' }, 2024);
    expect(a.terms).toMatchObject({ regime: 'small', rate: 0.01 });
    const g = grossUpPrice(900_000, 0, a.terms, a.surtaxes);
    // P = 900,000 / (1 − 0.01/1.01 × 1.12) = 900,000 / 0.9889109 = 910,092.11
    expect(g.price).toBeCloseTo(910_092.11, 1);
    const b = vatOf({ taxpayer: 'smallScale' }, 2022);
    expect(b.terms).toMatchObject({ regime: 'small', rate: 0.03 });
    expect(grossUpPrice(900_000, 0, b.terms, b.surtaxes).price).toBeCloseTo(900_000 / (1 - (0.03 / 1.03) * 1.12), 6);
  });

  it('a regime the contract type or taxpayer does not allow is an error with a message', () => {
    expect(() => costSchema.parse({ outsourcing: { vat: { regime: 'simplified' } } })).toThrow(/labour dispatch/);
    expect(() => costSchema.parse({ outsourcing: { vat: { regime: 'small' } } })).toThrow(/small-scale taxpayer/);
    expect(() => costSchema.parse({ outsourcing: { taxpayer: 'smallScale', vat: { regime: 'general' } } })).toThrow(/small-scale/);
    expect(() => costSchema.parse({ outsourcing: { contractType: 'labourDispatch', dispatch: { justification: 'test: dispatch stated' }, taxpayer: 'smallScale', vat: { regime: 'simplified' } } })).not.toThrow();
  });
});
