// Small helpers shared by the notebooks (not a notebook itself): plain-text rows from the engine's
// report functions (budgetKpiRows, budgetSummaryRows, ...) turned into HTML tables for htmlPage.
// All numbers are formatted by the engine; this file only escapes and lays out.
import { rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml, formatAmount, formatCi, formatValue, type Estimate, type KpiSummary } from '../engine/index.ts';

export interface TableOptions {
  /** Per column; default: first column left, the rest right (as textTable). */
  align?: ('left' | 'right')[];
  /** Row indices to highlight (the engine's `tr.headline` style). */
  headline?: number[];
  /** CSS class of the table (`kpi` is the engine's). */
  className?: string;
  /** Cells already in HTML (not escaped), by column. */
  htmlColumns?: number[];
}

/** An HTML table from a header and rows of already formatted text. "\n" in a header cell is a line break. */
export function htmlTable(header: string[], rows: string[][], options: TableOptions = {}): string {
  const align = options.align ?? header.map((_, i) => (i === 0 ? 'left' : 'right'));
  const cls = (i: number) => (align[i] === 'right' ? ' class="num"' : '');
  const raw = new Set(options.htmlColumns ?? []);
  const head = header.map((h, i) => `<th${cls(i)}>${h.split('\n').map(escapeHtml).join('<br>')}</th>`).join('');
  const body = rows.map((r, ri) => {
    const tr = options.headline?.includes(ri) ? '<tr class="headline">' : '<tr>';
    return tr + r.map((c, i) => `<td${cls(i)}>${raw.has(i) ? c : escapeHtml(c)}</td>`).join('') + '</tr>';
  });
  return `<table${options.className ? ` class="${options.className}"` : ''}>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

/** A table cell's HTML for an estimate: the mean in bold, the 95% CI small beneath it (use with htmlColumns). */
export function ciCell(e: Estimate, unit: 'ratio' | 'seconds' = 'ratio'): string {
  const ci = formatCi(e, unit);
  return `<strong>${escapeHtml(formatValue(e.mean, unit))}</strong>${ci ? `<br><small>${escapeHtml(ci)}</small>` : ''}`;
}

/** Pre-formatted engine text (e.g. formatBudgetReport) inside a collapsible block. */
export function textBlock(summary: string, text: string): string {
  return (
    `<details><summary>${escapeHtml(summary)}</summary>\n` +
    `<pre style="font-size:12px;line-height:1.35;overflow-x:auto;background:#f7f9fb;padding:10px">${escapeHtml(text)}</pre>\n</details>`
  );
}

/** Seconds since `t0` (performance.now()), one decimal. */
export function since(t0: number, t1 = performance.now()): string {
  return `${((t1 - t0) / 1000).toFixed(1)} s`;
}

/** Paths relative to the working directory, for "Wrote ..." lines. */
export function shown(paths: string[]): string {
  return paths.map((p) => relative(process.cwd(), p)).join(', ');
}

/**
 * Empties a notebook's own output folder (under output/, git-ignored) before it writes a new run, so no
 * file of an earlier run stays beside the new report. Refuses any folder outside output/.
 */
export function freshOutputDir(dir: string): void {
  const outputRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'output');
  const rel = relative(outputRoot, dir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`refusing to clear ${dir}: not a folder under output/`);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The check of a model against its own input: answered calls a day in the simulation against a
 * published accepted volume a day that the scenario takes as answered calls. Null when nothing is
 * published; otherwise the sentence (`textZh` in Chinese, from the same figures), flagged when the model answers fewer than were accepted.
 */
export function acceptedVolumeCheck(
  k: KpiSummary,
  publishedAcceptedPerDay: number | null,
  what: { en: string; zh: string },
): { contradicts: boolean; text: string; textZh: string } | null {
  if (publishedAcceptedPerDay === null) return null;
  const perDay = (x: number | null) => (x === null ? null : x / k.countedDays);
  const mean = perDay(k.answered.mean)!;
  const lo = perDay(k.answered.ciLow);
  const hi = perDay(k.answered.ciHigh);
  const ci = lo !== null && hi !== null ? ` (95% CI ${formatAmount(lo)}–${formatAmount(hi)})` : '';
  const ciZh = lo !== null && hi !== null ? `（95%置信区间 ${formatAmount(lo)}–${formatAmount(hi)}）` : '';
  const contradicts = (hi ?? mean) < publishedAcceptedPerDay;
  return {
    contradicts,
    text: contradicts
      ? `Check against the input: the model answers ${formatAmount(mean)} calls a day${ci}, fewer than the ${formatAmount(publishedAcceptedPerDay)} ${what.en} a day that the scenario takes as answered calls. ` +
        'The model contradicts its own input: either more people answered than the head count simulated, or not every accepted case was an answered call.'
      : `Check against the input: the model answers ${formatAmount(mean)} calls a day${ci}, at least the ${formatAmount(publishedAcceptedPerDay)} ${what.en} a day published.`,
    textZh: contradicts
      ? `与输入核对：模型每天接通 ${formatAmount(mean)} 个来电${ciZh}，少于场景当作接通来电的每天 ${formatAmount(publishedAcceptedPerDay)} 件${what.zh}。` +
        '模型与自己的输入相矛盾：要么实际接听的人比模拟的人数多，要么受理的诉求并非都是接通的来电。'
      : `与输入核对：模型每天接通 ${formatAmount(mean)} 个来电${ciZh}，不少于公布的每天 ${formatAmount(publishedAcceptedPerDay)} 件${what.zh}。`,
  };
}

/**
 * The style of a Chinese-first prose block's English (the notebooks' pages only; engine pages keep their CSS), and
 * the held-out table's minimum widths, so a phone scrolls it sideways instead of squeezing two languages into a column.
 */
export const BILINGUAL_CSS = '<style>.en{color:#555}p.en{font-size:14px;margin-top:-8px}p.how.en{margin-top:4px}table.held td{min-width:7em}table.held td:nth-child(5){min-width:18em}</style>';

/**
 * A prose block as the pages print it: the Chinese paragraph first, the English below in grey.
 * Both arguments are HTML (already escaped); `heading` is "中文 · English" (or empty).
 */
export function bilingualHtml(zh: string, en: string, heading = ''): string {
  const [hz, he] = heading ? heading.split(' · ') : ['', ''];
  return (
    `<p lang="zh-CN">${hz ? `<strong>${escapeHtml(hz)}</strong> ` : ''}${zh}</p>` +
    `<p class="en" lang="en">${he ? `<strong>${escapeHtml(he)}.</strong> ` : ''}${en}</p>`
  );
}
