// Scenario fields as a planner reads them: the one table of field path → Chinese name (+ English)
// and unit, used wherever a field path would be printed to a person (calibrate, alternatives,
// sensitivity, the calibration pages). The path itself stays the key: flags (--fit, --range) take it.
// Imports nothing, so every layer may use it.

/** What a field's values are, for printing them (a search range, a fitted value). */
export type FieldUnit = 'seconds' | 'share' | 'people' | 'factor' | 'calls' | 'number';

export interface FieldName {
  zh: string;
  en: string;
  unit: FieldUnit;
}

/** A call type's names, as a scenario's `callTypes` list gives them. */
export interface CallTypeName {
  name?: string | null;
  zh?: string | null;
}

/** The table, by the path's last two segments (or the whole path for top-level groups). */
const TABLE: Record<string, FieldName> = {
  'wrapUpTime.mean': { zh: '话后处理时长', en: 'after-call time', unit: 'seconds' },
  'wrapUpTime.value': { zh: '话后处理时长', en: 'after-call time', unit: 'seconds' },
  'wrapUpTime.cv': { zh: '话后处理时长变异系数', en: 'after-call time CV', unit: 'number' },
  'talkTime.mean': { zh: '通话时长', en: 'talk time', unit: 'seconds' },
  'talkTime.value': { zh: '通话时长', en: 'talk time', unit: 'seconds' },
  'talkTime.cv': { zh: '通话时长变异系数', en: 'talk time CV', unit: 'number' },
  'patience.mean': { zh: '来电者平均耐心时长', en: 'patience', unit: 'seconds' },
  'patience.value': { zh: '来电者耐心时长', en: 'patience', unit: 'seconds' },
  'payroll.phoneShare': { zh: '接听电话人员占比', en: 'share on the phones', unit: 'share' },
  'agents.peoplePerSeat': { zh: '每个在席坐席对应人数', en: 'people per seat', unit: 'number' },
  'agents.headcount': { zh: '人员总数', en: 'head count', unit: 'people' },
  'arrivals.scale': { zh: '每件诉求对应来电数', en: 'calls per published case', unit: 'factor' },
  'arrivals.dailyCalls': { zh: '日均来电量', en: 'calls a day', unit: 'calls' },
  'arrivals.dayToDayCv': { zh: '日间来电波动（变异系数）', en: 'day-to-day variation of calls', unit: 'number' },
  preQueueDelay: { zh: '排队前时长（问候、振铃）', en: 'time before the queue', unit: 'seconds' },
};

/**
 * A field's names: "callTypes.1.wrapUpTime.mean" with the scenario's call types
 * → { zh: '工单话后处理时长', en: 'work order after-call time' }; without them,
 * "第2类来电话后处理时长". A path not in the table is its own name (unit 'number').
 */
export function fieldName(path: string, callTypes?: readonly CallTypeName[]): FieldName {
  const parts = path.split('.');
  const tail = parts.slice(-2).join('.');
  const own = TABLE[path] ?? TABLE[tail];
  if (!own) return { zh: path, en: path, unit: 'number' };
  if (parts[0] === 'callTypes' && /^\d+$/.test(parts[1] ?? '')) {
    const i = Number(parts[1]);
    const t = callTypes?.[i];
    const zh = t?.zh ?? (t?.name ? t.name : `第${i + 1}类来电`);
    return { zh: `${zh}${own.zh}`, en: t?.name ? `${t.name} ${own.en}` : `${own.en}, call type ${i + 1}`, unit: own.unit };
  }
  return own;
}

/** Chinese first, English beside: "工单话后处理时长 work order after-call time". */
export function fieldLabel(path: string, callTypes?: readonly CallTypeName[]): string {
  const n = fieldName(path, callTypes);
  return n.zh === n.en ? n.zh : `${n.zh} ${n.en}`;
}

const grouped = (x: number, digits: number) => x.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
const fixed = (x: number, digits: number) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * A value of a field as a planner reads it: seconds as "744 s (12.4 分钟)", a share as "48.2%",
 * else a number with sensible digits.
 */
export function fieldValue(path: string, value: number): string {
  if (!Number.isFinite(value)) return '—';
  const unit = fieldName(path).unit;
  if (unit === 'seconds') return value >= 120 ? `${fixed(value, 1)} s (${fixed(value / 60, 1)} 分钟)` : `${fixed(value, 1)} s`;
  if (unit === 'share') return `${fixed(value * 100, 1)}%`;
  if (unit === 'people' || unit === 'calls') return grouped(value, 0);
  const a = Math.abs(value);
  return grouped(value, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

/** A search range of a field: "60.0–3,600.0 s", "5.0–100.0%". */
export function fieldRange(path: string, low: number, high: number): string {
  const unit = fieldName(path).unit;
  if (unit === 'seconds') return `${fixed(low, 1)}–${fixed(high, 1)} s`;
  if (unit === 'share') return `${fixed(low * 100, 1)}–${fixed(high * 100, 1)}%`;
  return `${fieldValue(path, low)}–${fieldValue(path, high)}`;
}
