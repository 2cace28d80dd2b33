// Up to three named variants side by side (e.g. 237 / 221 / 281 people, or two provinces), kept in
// local storage, each with its differences from the first.
import { compute, type Answer } from './compute.ts';
import { h } from './dom.ts';
import { formatPct, formatYuan, type Lang } from './i18n.ts';
import { decodeState, loadVariants, MAX_VARIANTS, saveVariants, type Variant } from './urlState.ts';

const answers = new Map<string, Answer | string>();

function answerOf(v: Variant): Answer | string {
  let a = answers.get(v.state);
  if (a === undefined) {
    try {
      const link = decodeState(v.state);
      const out = link ? compute(link.inputs) : null;
      a = out?.ok ? out.answer : out ? out.errors.map((e) => e.message.en).join('; ') : 'empty';
    } catch (e) {
      a = e instanceof Error ? e.message : String(e);
    }
    answers.set(v.state, a);
  }
  return a;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function variants(): Variant[] {
  return loadVariants(storage());
}

interface Row {
  id: string;
  zh: string;
  en: string;
  value: (a: Answer) => number;
  show: (x: number, lang: Lang) => string;
  diff: (d: number, lang: Lang) => string;
}

const signed = (s: string, d: number) => (d > 0 ? `+${s}` : d < 0 ? `−${s.replace(/^-/, '')}` : '±0');
const ROWS: Row[] = [
  { id: 'headcount', zh: '人数', en: 'Head count', value: (a) => a.headcount, show: (x) => String(x), diff: (d) => signed(String(Math.abs(d)), d) },
  { id: 'connection', zh: '接通率', en: 'Connection rate 接通率', value: (a) => a.kpis.connectionRate, show: (x) => formatPct(x), diff: (d) => signed(`${Math.abs(d * 100).toFixed(1)} pt`, d) },
  { id: 'sl', zh: '服务水平（15 秒）', en: 'Service level 服务水平 15 s', value: (a) => a.kpis.serviceLevel, show: (x) => formatPct(x), diff: (d) => signed(`${Math.abs(d * 100).toFixed(1)} pt`, d) },
  { id: 'occupancy', zh: '坐席占用率', en: 'Occupancy 坐席占用率', value: (a) => a.kpis.occupancy, show: (x) => formatPct(x), diff: (d) => signed(`${Math.abs(d * 100).toFixed(1)} pt`, d) },
  { id: 'outsourced', zh: '外包年度总成本', en: 'Outsourced per year 外包', value: (a) => a.study.at.budgets.outsourced.budget.total, show: (x, l) => formatYuan(l, x), diff: (d, l) => signed(formatYuan(l, Math.abs(d)), d) },
  { id: 'inhouse', zh: '自营年度总成本', en: 'In-house per year 自营', value: (a) => a.study.at.budgets.inhouse.budget.total, show: (x, l) => formatYuan(l, x), diff: (d, l) => signed(formatYuan(l, Math.abs(d)), d) },
  { id: 'term', zh: '外包合同期总额', en: 'Outsourced, whole term', value: (a) => a.study.at.budgets.outsourced.budget.total * a.study.years, show: (x, l) => formatYuan(l, x), diff: (d, l) => signed(formatYuan(l, Math.abs(d)), d) },
];

/** The variants card: save the current inputs under a name, compare up to three, open or delete one. */
export function variantsCard(lang: Lang, currentState: string, open: (state: string) => void, onChange: () => void, fromFile = false): HTMLElement {
  const zh = lang === 'zh';
  const list = variants();
  const full = list.length >= MAX_VARIANTS;
  // a variant is a link, and a link cannot carry an opened file
  const why = full ? (zh ? '已满三个：先删除一个' : 'three saved: delete one first') : fromFile ? (zh ? '打开的文件不能存为方案：请下载 YAML' : 'an opened file cannot be saved as a variant: download its YAML') : null;
  const name = h('input', { id: 'variant-name', type: 'text', placeholder: zh ? '方案名称，如"237 人"' : 'name, e.g. "237 people"', maxlength: 40 });
  const save = h('button', { type: 'button', id: 'variant-save', disabled: why !== null }, zh ? '保存为方案' : 'Save as a variant');
  save.addEventListener('click', () => {
    const n = name.value.trim() || `${zh ? '方案' : 'Variant'} ${list.length + 1}`;
    saveVariants(storage(), [...list, { name: n, state: currentState }]);
    onChange();
  });
  const card = h(
    'section',
    { class: 'card variants', id: 'variants' },
    h('h3', {}, zh ? `方案对比（最多 ${MAX_VARIANTS} 个，保存在本浏览器）` : `Variants side by side (up to ${MAX_VARIANTS}, kept in this browser)`),
    h('div', { class: 'row' }, name, save, why ? h('small', { class: 'note' }, why) : null),
  );
  if (!list.length) return card;
  const cols = list.map((v) => ({ v, a: answerOf(v) }));
  const first = cols[0].a;
  const head = h(
    'tr',
    {},
    h('th', {}, ''),
    ...cols.map(({ v }, k) => {
      const openB = h('button', { type: 'button', class: 'small', 'data-open': k }, zh ? '打开' : 'open');
      const del = h('button', { type: 'button', class: 'small', 'data-delete': k }, zh ? '删除' : 'delete');
      openB.addEventListener('click', () => open(v.state));
      del.addEventListener('click', () => {
        saveVariants(storage(), list.filter((_, j) => j !== k));
        onChange();
      });
      return h('th', { scope: 'col' }, h('div', {}, v.name), h('div', { class: 'row' }, openB, del));
    }),
  );
  const body = ROWS.map((r) =>
    h(
      'tr',
      { 'data-row': r.id },
      h('th', { scope: 'row' }, zh ? r.zh : r.en),
      ...cols.map(({ a }, k) => {
        if (typeof a === 'string') return h('td', { class: 'err' }, k === 0 || r.id === 'headcount' ? a : '');
        const x = r.value(a);
        const d = k > 0 && typeof first !== 'string' ? x - r.value(first) : null;
        return h('td', {}, r.show(x, lang), d !== null ? h('div', { class: 'diff' }, r.diff(d, lang)) : null);
      }),
    ),
  );
  card.append(h('table', { class: 'cost variants-table', id: 'variants-table' }, h('thead', {}, head), h('tbody', {}, ...body)));
  return card;
}
