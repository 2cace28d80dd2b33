// The workbench's instant head count never answers below a demand profile's floor (#21 item 3):
// below it the floor is on seat with nobody paid for it, as the CLI's search also refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { floorHeadcount } from '../engine/workforce/staffing.ts';
import { headcountForConnection, loadText } from './src/engine.ts';

const YONGCHUAN = new URL('../scenarios/yongchuan-2011.yaml', import.meta.url);

describe('the workbench’s head count for a connection rate', () => {
  it('is at least the people the floor of the demand profile needs, even for a target the floor alone exceeds', () => {
    const s = loadText(readFileSync(YONGCHUAN, 'utf8'));
    const floor = floorHeadcount(s.staffing.minOnSeat, 6, s.payroll);
    expect(floor).toBe(6);
    // one agent on seat around the clock already answers far more than 30% of 54 calls a day
    expect(headcountForConnection(s, 6, 0.3).headcount).toBe(floor);
    expect(headcountForConnection(s, 6, 0.95).headcount).toBeGreaterThanOrEqual(floor);
  });
});
