import { describe, expect, it } from 'vitest';
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

describe('grossing a pre-tax amount up to a VAT-inclusive price', () => {
  it('general: price = pre-tax + VAT(price) + surtaxes', () => {
    const o = costSchema.parse({}).outsourcing;
    const g = grossUpPrice(900_000, 700_000, o);
    expect(g.vat).toBeCloseTo((g.price / 1.06) * 0.06, 9);
    expect(g.price).toBeCloseTo(900_000 + g.vat + g.surtaxes.total, 6);
  });

  it('simplified: VAT only on the margin over the pass-through', () => {
    const o = costSchema.parse({ outsourcing: { vat: { regime: 'simplified' } } }).outsourcing;
    const g = grossUpPrice(900_000, 700_000, o);
    expect(g.vat).toBeCloseTo(((g.price - 700_000) / 1.05) * 0.05, 9);
    expect(g.price).toBeCloseTo(900_000 + g.vat + g.surtaxes.total, 6);
    const general = grossUpPrice(900_000, 700_000, costSchema.parse({}).outsourcing);
    expect(g.price).toBeLessThan(general.price);
  });

  it('small: 3 % on the whole price', () => {
    const o = costSchema.parse({ outsourcing: { vat: { regime: 'small' } } }).outsourcing;
    const g = grossUpPrice(900_000, 0, o);
    expect(g.vat).toBeCloseTo((g.price / 1.03) * 0.03, 9);
    expect(g.price).toBeCloseTo(900_000 + g.vat * 1.12, 6);
  });
});
