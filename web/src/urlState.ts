// The page's state in its address: readable parameters after '#' (never sent to a server), with a
// schema version, so a link reproduces the page. Example:
//   #v=1&src=new&per=year&requests=1500000&phone=80&hc=find&wage=4500&prov=Guangdong&city=佛山&years=3&target=95
import type { Inputs } from './compute.ts';
import type { Lang } from './i18n.ts';
import { CASES, MORE_PATHS, NEW_HOTLINE_DEFAULTS, readFiveNumbers } from './scenarioText.ts';

export const URL_SCHEMA_VERSION = 1;

export interface PageLink {
  inputs: Inputs;
  lang: Lang | null;
}

function pct(x: number): string {
  return String(Number((x * 100).toFixed(4)));
}

export function encodeState(i: Inputs, lang: Lang): string {
  const p = new URLSearchParams();
  p.set('v', String(URL_SCHEMA_VERSION));
  p.set('lang', lang);
  p.set('src', i.source);
  const f = i.form;
  p.set('per', f.callsPer);
  p.set('requests', String(f.requests));
  p.set('phone', pct(f.phoneShare));
  p.set('hc', f.headcount === null ? 'find' : String(f.headcount));
  p.set('wage', String(f.monthlyWage));
  p.set('prov', f.province);
  p.set('city', f.city);
  p.set('years', String(f.years));
  p.set('target', pct(f.target));
  if (i.budgetYuan !== null) p.set('budget', String(i.budgetYuan));
  for (const m of MORE_PATHS) if (i.more[m.key] !== undefined) p.set(`m.${m.key}`, String(i.more[m.key]));
  return p.toString();
}

export class LinkError extends Error {}

/** The inputs a link describes; a link from a newer page, or naming an unknown case, is refused with a reason. */
export function decodeState(hash: string): PageLink | null {
  const text = hash.replace(/^#/, '');
  if (!text) return null;
  const p = new URLSearchParams(text);
  const v = p.get('v');
  if (v === null) return null;
  if (v !== String(URL_SCHEMA_VERSION)) throw new LinkError(`this link is for version ${v} of the page's parameters; this page reads version ${URL_SCHEMA_VERSION}`);
  const src = p.get('src') ?? 'new';
  const shipped = CASES.find((c) => c.id === src);
  if (src !== 'new' && !shipped) throw new LinkError(src === 'file' ? 'this link was made from an opened YAML file, which a link cannot carry: open the file again' : `no shipped case "${src}"`);
  const base = shipped ? readFiveNumbers(shipped.text) : NEW_HOTLINE_DEFAULTS;
  const num = (key: string, fallback: number, scale = 1) => {
    const s = p.get(key);
    // toPrecision: 85.23 / 100 is 0.8523000000000001 in binary; the link says 85.23
    return s === null || s === '' ? fallback : Number((Number(s) / scale).toPrecision(12));
  };
  const hc = p.get('hc');
  const more: Record<string, number> = {};
  for (const m of MORE_PATHS) {
    const s = p.get(`m.${m.key}`);
    if (s !== null && s !== '') more[m.key] = Number(s);
  }
  const budget = p.get('budget');
  const lang = p.get('lang');
  return {
    lang: lang === 'zh' || lang === 'en' ? lang : null,
    inputs: {
      source: src,
      baseText: shipped?.text ?? '',
      form: {
        callsPer: p.get('per') === 'day' ? 'day' : p.get('per') === 'year' ? 'year' : base.callsPer,
        requests: num('requests', base.requests),
        phoneShare: num('phone', base.phoneShare, 100),
        headcount: hc === 'find' ? null : hc === null ? base.headcount : Number(hc),
        monthlyWage: num('wage', base.monthlyWage),
        province: p.get('prov') ?? base.province,
        city: p.get('city') ?? base.city,
        years: num('years', base.years),
        target: num('target', base.target, 100),
      },
      more,
      budgetYuan: budget === null || budget === '' ? null : Number(budget),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// named variants, kept in the browser's local storage

export interface Variant {
  name: string;
  /** The variant's link parameters (encodeState). */
  state: string;
}

const STORAGE_KEY = 'hotline-sim.workbench.variants.v1';
export const MAX_VARIANTS = 3;

export function loadVariants(storage: Pick<Storage, 'getItem'> | null): Variant[] {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? list.filter((v): v is Variant => typeof v?.name === 'string' && typeof v?.state === 'string').slice(0, MAX_VARIANTS) : [];
  } catch {
    return [];
  }
}

export function saveVariants(storage: Pick<Storage, 'setItem'> | null, variants: Variant[]): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(variants.slice(0, MAX_VARIANTS)));
  } catch {
    // storage full or disabled (private window): the variants live for this page only
  }
}
