// The case page against the CLI: notebooks/cases.ts is rendered at a short horizon into a temporary
// folder, and every figure its CSV and its cost table show is recomputed with the function
// `hotline-sim budget <file> --budget <amount> --years <term>` calls, on the same settings.
// A page that drifts from the engine (its own arithmetic, a missing payroll or staffing) fails here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetStudy } from '../engine/experiment/studies/budgetStudy.ts';
import { costPerHeadcountMonth } from '../engine/report/budgetParts.ts';
import { formatAmount, formatWan } from '../engine/report/format.ts';

const root = new URL('..', import.meta.url).pathname;
const DAYS = 1;
const REPLICATIONS = 2;

describe('notebooks/cases.ts: every figure is the CLI’s', () => {
  const out = mkdtempSync(join(tmpdir(), 'hs-cases-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'notebooks', 'cases.ts'), '--max-days', String(DAYS), '--replications', String(REPLICATIONS), '--out', out], {
    cwd: root,
    encoding: 'utf8',
  });

  it('renders, and each case’s price, inversion, wage and KPI equal budgetStudy’s on the same settings', () => {
    expect(r.status, r.stderr).toBe(0);
    const [head, ...rows] = readFileSync(join(out, 'cases.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const col = (row: string[], name: string) => row[head.indexOf(name)];
    expect(rows.length).toBe(5);
    for (const row of rows) {
      const file = join(root, col(row, 'scenario'));
      const amount = (Number(col(row, 'budget_yuan')) / Number(col(row, 'term_years'))) * Number(col(row, 'contract_years'));
      const s = budgetStudy({ file, years: Number(col(row, 'contract_years')), budgetYuan: amount, overrides: { horizonHours: DAYS * 24, replications: REPLICATIONS } });
      const inv = s.inversion!;
      const what = `${col(row, 'case')}`;
      expect(Number(col(row, 'headcount')), what).toBe(s.at.headcount);
      expect(Number(col(row, 'connection_rate')), what).toBe(s.at.kpis!.connectionRate.mean);
      expect(Number(col(row, 'model_outsourced_total')), what).toBe(s.at.budgets.outsourced.budget.total);
      expect(Number(col(row, 'model_inhouse_total')), what).toBe(s.at.budgets.inhouse.budget.total);
      expect(Number(col(row, 'model_outsourced_per_headcount_month')), what).toBe(costPerHeadcountMonth(s.at.budgets.outsourced, s.at.headcount));
      expect(Number(col(row, 'budget_buys_outsourced')), what).toBe(inv.models.outsourced.fullCost.operators);
      expect(Number(col(row, 'budget_buys_inhouse')), what).toBe(inv.models.inhouse.fullCost.operators);
      expect(Number(col(row, 'affordable_wage_outsourced')), what).toBe(inv.models.outsourced.affordableWage.monthlyWage);
      expect(Number(col(row, 'per_operator_month')), what).toBe(inv.perReportedOperatorYear / 12);
      // the page's cost table shows the same figures, formatted
      expect(html, what).toContain(`${formatAmount(inv.models.outsourced.fullCost.operators)} / ${formatAmount(inv.models.inhouse.fullCost.operators)}`);
      expect(html, what).toContain(formatWan(s.at.budgets.outsourced.budget.total));
    }
  });

  it('draws the connection axis from 0, so no case falls off it', () => {
    const svg = readFileSync(join(out, 'chart-connection.svg'), 'utf8');
    expect(svg).toMatch(/>0%</);
  });
});
