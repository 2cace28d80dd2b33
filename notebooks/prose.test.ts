// Figures quoted in prose cannot drift: each model figure README.md quotes is recomputed with the
// engine function that gives it, each figure scenarios/SOURCES.md derives from cited ones is
// recomputed from them, and every "SOURCES.md: X" in README.md names an entry. Every other figure in
// SOURCES.md is a cited source figure (its entry gives title, publisher, date and address).
// No simulation: the functions here are the head-count rule and the scenario's staffing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffingSummary } from '../engine/experiment/studies/run.ts';
import { formatAmount } from '../engine/report/format.ts';
import { loadScenario } from '../engine/scenario/load.ts';
import { studyHeadcount } from '../engine/workforce/staffing.ts';

const root = new URL('..', import.meta.url).pathname;
const README = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s*\n\s*/g, ' ');
const SOURCES = readFileSync(join(root, 'scenarios', 'SOURCES.md'), 'utf8');
const prose = SOURCES.replace(/\s*\n\s*/g, ' ');
const ENTRIES = SOURCES.match(/^### .+$/gm)!.map((h) => h.slice(4).trim());

describe('README.md: the model figures its prose quotes are the engine’s', () => {
  const liaocheng = loadScenario(join(root, 'scenarios', 'liaocheng-2024.yaml'));

  it('"40 on seat takes N people on the Liaocheng scenario": the head-count rule budget and sweep use', () => {
    // The sweep's rule for a flat `agents` count (engine/experiment/studies/sweep.ts: studyHeadcount).
    const flat = loadScenario(join(root, 'scenarios', 'liaocheng-2024.yaml'), { agents: 40 });
    const pps = liaocheng.staffing.form === 'headcount' ? liaocheng.staffing.peoplePerSeat : null;
    const h = studyHeadcount(flat.staffing, 40, pps ?? undefined).headcount!;
    expect(h).toBeGreaterThan(200);
    expect(README).toContain(`40 on seat takes ${formatAmount(h)} people on the Liaocheng scenario`);
  });

  it('"(X on average for its 237 people)": the scenario’s own staffing, as hotline-sim run reports it', () => {
    const st = staffingSummary(liaocheng);
    expect(st.headcount).toBe(237);
    expect(README).toContain(`(${formatAmount(st.meanOnSeat, 1)} on average for its 237 people)`);
  });

  it('every "SOURCES.md: X" names an entry', () => {
    for (const m of README.matchAll(/SOURCES\.md: ([^)`\n]+)/g)) expect(ENTRIES.some((e) => m[1].startsWith(e)), m[0]).toBe(true);
  });
});

describe('scenarios/SOURCES.md: the figures it derives are the arithmetic of the figures it cites', () => {
  const derived: [string, string, number, number][] = [
    // [entry, text as quoted, derived value, tolerance of the quoted rounding]
    ['Jiangsu 2024', '(9,276 requests per answerer)', 43_670_000 / 4_708, 0.5],
    ['Jiangsu 2021', '3,930 / 85.05M × 10⁵ = 4.62', (3_930 / 85_050_000) * 1e5, 0.005],
    ['Liaocheng Q2 2020', 'return-visit calls (51% of phone requests)', (188_452 / 370_135) * 100, 0.5],
    ['Changzhou 2021', '(29.5% of answered calls', (284_170 / 962_151) * 100, 0.05],
    ['Changzhou 2021 staffing', '(≈ 14.7 s per answered call)', 14_166_711 / 962_151, 0.05],
    ['Nanning 2020', 'figures do not give (2.99×)', 406_174 / 136_034, 0.005],
    ['Guangzhou 2023', 'so phone ≈ 13.9M (38.1%)', ((36_497_900 - 22_601_900) / 36_497_900) * 100, 0.05],
    ['Guangzhou 2023', 'so phone ≈ 13.9M', (36_497_900 - 22_601_900) / 1e6, 0.05],
    ['Cost rules and parameters, third pass', 'Shandong 22,078 / 3 × 12 = 88,312', (22_078 / 3) * 12, 0.5],
  ];
  for (const [entry, text, value, tol] of derived) {
    it(`${entry}: "${text}"`, () => {
      expect(ENTRIES).toContain(entry);
      expect(prose).toContain(text);
      const quoted = Number(/([\d,]+(?:\.\d+)?)(?!.*\d)/.exec(text.replace(/[×%)M]/g, ''))![1].replace(/,/g, ''));
      expect(Math.abs(quoted - value), `${text}: ${value}`).toBeLessThanOrEqual(tol);
    });
  }

  it('every entry names its source: an address, a seed article, or says what was not recorded', () => {
    const sections = SOURCES.split(/^### /m).slice(1);
    for (const s of sections) {
      const name = s.split('\n')[0];
      if (['Intraday shape', 'Channel mix'].includes(name)) continue; // a statement of absence; a list of entries with addresses
      expect(s, name).toMatch(/https?:\/\/|seeds? 00\d|\(seed|recalled|no single title|national standard|Same annual report/);
    }
  });
});
