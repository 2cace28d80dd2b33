// The page's link: every input survives encode → decode; links from another schema version or
// naming an unknown case are refused with a reason; variants survive local storage.
import { describe, expect, it } from 'vitest';
import { CASES, NEW_HOTLINE_DEFAULTS, readFiveNumbers } from './src/scenarioText.ts';
import { decodeState, encodeState, LinkError, loadVariants, MAX_VARIANTS, saveVariants, URL_SCHEMA_VERSION } from './src/urlState.ts';
import type { Inputs } from './src/compute.ts';

describe('the page link', () => {
  it('round-trips a new hotline with every field, in Chinese', () => {
    const inputs: Inputs = {
      source: 'new',
      baseText: '',
      form: { ...NEW_HOTLINE_DEFAULTS, requests: 1_234_567, phoneShare: 0.8123, headcount: null, monthlyWage: 4550, province: 'Guangdong', city: '佛山 & 顺德', years: 3, target: 0.955 },
      more: { patience: 90, managementFee: 0.07 },
      budgetYuan: 45_000_000,
    };
    const link = encodeState(inputs, 'zh');
    expect(link).toMatch(new RegExp(`^v=${URL_SCHEMA_VERSION}&lang=zh&src=new&per=year&requests=1234567&phone=81.23&hc=find&wage=4550&prov=Guangdong&`));
    const back = decodeState(`#${link}`)!;
    expect(back.lang).toBe('zh');
    expect(back.inputs).toEqual(inputs);
  });

  it('round-trips every shipped case at a head count, in English', () => {
    for (const c of CASES) {
      const form = { ...readFiveNumbers(c.text), headcount: 321, years: 2 };
      const inputs: Inputs = { source: c.id, baseText: c.text, form, more: {}, budgetYuan: null };
      const back = decodeState(encodeState(inputs, 'en'))!;
      expect(back.inputs, c.id).toEqual(inputs);
      expect(back.lang).toBe('en');
    }
  });

  it('fills what a shortened link leaves out from the case, and refuses what it cannot reproduce', () => {
    const liaocheng = CASES.find((c) => c.id === 'liaocheng-2024')!;
    const back = decodeState('#v=1&src=liaocheng-2024&hc=221')!;
    expect(back.inputs.form).toEqual({ ...readFiveNumbers(liaocheng.text), headcount: 221 });
    expect(back.lang).toBeNull();
    expect(decodeState('')).toBeNull();
    expect(decodeState('#section')).toBeNull();
    expect(() => decodeState('#v=2&src=new')).toThrow(LinkError);
    expect(() => decodeState('#v=2&src=new')).toThrow(/version 2/);
    expect(() => decodeState('#v=1&src=atlantis-2030')).toThrow(/no shipped case "atlantis-2030"/);
    expect(() => decodeState('#v=1&src=file')).toThrow(/open the file again/);
  });
});

describe('variants in local storage', () => {
  it('keeps at most three, and ignores what it cannot read', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadVariants(storage)).toEqual([]);
    const list = [1, 2, 3, 4].map((n) => ({ name: `v${n}`, state: `v=1&src=new&hc=${n}` }));
    saveVariants(storage, list);
    expect(loadVariants(storage)).toEqual(list.slice(0, MAX_VARIANTS));
    store.set([...store.keys()][0], '{not json');
    expect(loadVariants(storage)).toEqual([]);
    expect(loadVariants(null)).toEqual([]);
  });
});
