// The shipped case scenarios against their published figures, and `calibrate` on every shipped
// scenario. The case table (which figure, which fit) is notebooks/calibrationCases.ts, the one the
// calibration notebook prints, so the tests check the figures the notebook shows.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { calibrate, loadScenario, parseScenario, publishedFits, runScenario } from '../engine/index.ts';
import { CASES } from '../notebooks/calibrationCases.ts';

const here = dirname(fileURLToPath(import.meta.url));
const file = (name: string) => join(here, name);
const shipped = readdirSync(here).filter((f) => f.endsWith('.yaml')).sort();

describe('case scenarios reproduce their published figures (the shipped file, its own two-week horizon)', () => {
  // Honest on a short horizon: each file was calibrated on exactly this horizon, seed and
  // replications, so the check is that the shipped values (rounded to 0.1 s) still put the published
  // figure inside the simulation's 95% CI.
  for (const c of CASES.filter((x) => x.fit)) {
    it(`${c.file}: ${c.published.map((p) => `${p.metric} ${p.value}${p.seconds ? `@${p.seconds}s` : ''}`).join(', ')}`, () => {
      const text = readFileSync(file(c.file), 'utf8');
      for (const p of c.published) {
        // a service level at another threshold than the file's headline: run the file at that threshold
        const s = p.seconds !== undefined ? parseScenario(text.replace(/^serviceLevelSeconds: *\d+/m, `serviceLevelSeconds: ${p.seconds}`), file(c.file)) : loadScenario(file(c.file));
        if (p.seconds !== undefined) expect(s.serviceLevelSeconds).toBe(p.seconds);
        const e = runScenario(s, { totalsOnly: true }).totals[p.metric];
        expect(e.ciLow).not.toBeNull();
        // A figure published as "about" x (Nanning's "about 30%") counts as reproduced within its own rounding.
        const slack = p.tolerance ?? 0;
        expect(p.value).toBeGreaterThanOrEqual(e.ciLow! - slack);
        expect(p.value).toBeLessThanOrEqual(e.ciHigh! + slack);
        // Reproduced only within the figure's own rounding: the file says so, in calibrate's words.
        if (p.value < e.ciLow! || p.value > e.ciHigh!) expect(text).toMatch(/not reproduced within the replication CI/i);
      }
    });
  }
});

describe('every case scenario states what is calibrated, and how', () => {
  const calibrated = /^# CALIBRATED: ([\w.]+) = ([\d.]+) \(95% CI ([\d.]+)–([\d.]+)\), fitted to (.+) over (\d+) days, (\d+) replications/m;
  for (const c of CASES) {
    it(`${c.file}: ${c.fit ? `${c.fit.field} CALIBRATED with its interval, the value in the file` : 'says it is not calibrated and why'}`, () => {
      const text = readFileSync(file(c.file), 'utf8');
      expect(text).toContain('SOURCES.md');
      expect(text).not.toMatch(/\.\.\/shared|shared\/reference/);
      // the cost sections (another module's) are checked by their own tests
      const workload = text.split(/^# --- Cost|^cost:/m)[0];
      expect(workload).not.toMatch(/facts\.md|seeds? 00\d/);
      if (!c.fit) {
        expect(text).toMatch(/NOT CALIBRATED|TRANSFERRED/);
        return;
      }
      const m = calibrated.exec(text);
      expect(m, 'a CALIBRATED comment with value and 95% CI').not.toBeNull();
      const [, field, value, lo, hi] = m!;
      expect(field).toBe(c.fit.field);
      expect(Number(lo)).toBeLessThanOrEqual(Number(value));
      expect(Number(hi)).toBeGreaterThanOrEqual(Number(value));
      // the comment's value is the one the file uses (to the comment's precision)
      const used = parseDocument(text).getIn(field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
      expect(typeof used).toBe('number');
      expect(Math.abs((used as number) - Number(value))).toBeLessThanOrEqual(Math.abs(Number(value)) * 1e-3);
      expect(text).toMatch(/PLAUSIBLE|IMPLAUSIBLE/);
    });
  }
});

describe("each file lists the published figures it is fitted to (published:), the notebook's fit among them", () => {
  for (const name of shipped) {
    it(name, () => {
      const own = publishedFits(loadScenario(file(name)));
      const c = CASES.find((x) => x.file === name);
      if (c && !c.fit) {
        // not calibrated (no figure to fit), or its fit is made in another file (fittedIn)
        expect(own === null || own.fittedIn !== null).toBe(true);
      } else if (c?.fit) {
        expect(own).not.toBeNull();
        expect(own!.fields[0]).toBe(c.fit.field);
        expect(own!.observed[0]).toEqual(c.fit.observed);
      }
      // every field fitted here has its CALIBRATED comment, naming the figures
      if (own && own.fittedIn === null) {
        for (const f of own.fields) expect(readFileSync(file(name), 'utf8')).toMatch(new RegExp(`^# CALIBRATED: ${f.replace(/\./g, '\\.')} = .*fitted to`, 'm'));
      }
    });
  }
});

describe('hotline-sim calibrate works on every shipped scenario (one day, 3 replications)', () => {
  // Recovery on the shipped file itself: its own simulated connection rate is the "observed" figure,
  // and the call volume (arrivals.scale, 1 in the file) is fitted back from it.
  for (const name of shipped) {
    it(name, () => {
      const text = readFileSync(file(name), 'utf8');
      const overrides = { horizonHours: 24, replications: 3 };
      const own = runScenario(parseScenario(text, file(name), overrides), { totalsOnly: true }).totals.connectionRate.mean;
      const r = calibrate(text, file(name), {
        fields: ['arrivals.scale'],
        observed: [{ metric: 'connectionRate', value: own }],
        ranges: { 'arrivals.scale': [0.5, 2] },
        overrides,
        sensitivity: [],
      });
      const f = r.fitted['arrivals.scale'];
      expect(f.ciLow).toBeLessThanOrEqual(f.value);
      expect(f.ciHigh).toBeGreaterThanOrEqual(f.value);
      // recovered: the true value 1 inside the reported interval, or within the search tolerance of it
      expect(f.ciLow <= 1 && f.ciHigh >= 1 ? 0 : Math.abs(f.value - 1)).toBeLessThan(0.005);
    });
  }
});
