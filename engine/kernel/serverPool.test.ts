import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { ServerPool } from './serverPool.ts';

// A mirror of the pool's contents as plain arrays, checked after every operation.
describe('ServerPool', () => {
  it.each([
    ['wide buckets', { bucketSeconds: 5 }],
    ['narrow buckets, many laps', { bucketSeconds: 0.05, buckets: 16 }],
  ])('keeps idle and busy servers right through random operations (%s)', (_name, options) => {
    const u = seedrandom.alea(`pool-${_name}`);
    const pool = new ServerPool(2, options);
    let now = 0;
    pool.releaseThrough(now);
    let idle = 0;
    let busy: number[] = [];
    for (let step = 0; step < 4000; step++) {
      const r = u();
      if (r < 0.35) {
        now += u() * (u() < 0.05 ? 500 : 3);
        pool.releaseThrough(now);
        const freed = busy.filter((f) => f <= now).length;
        busy = busy.filter((f) => f > now);
        idle += freed;
      } else if (r < 0.6 && idle > 0) {
        const until = now + u() * 40 + 1e-9;
        pool.seize(until);
        idle--;
        busy.push(until);
      } else if (r < 0.75 && busy.length > 0 && idle === 0) {
        const min = Math.min(...busy);
        expect(pool.earliestBusy()).toBe(min);
        const until = min + u() * 40;
        pool.replaceEarliestBusy(until);
        busy.splice(busy.indexOf(min), 1, until);
      } else if (r < 0.85) {
        const t = u() < 0.5 ? now : now + u() * 10;
        pool.add(t);
        if (t <= now) idle++;
        else busy.push(t);
      } else if (r < 0.92 && busy.length > 0) {
        const [removed] = pool.removeRandomBusy(1, u);
        busy.splice(busy.indexOf(removed), 1);
      } else if (idle > 0) {
        pool.removeIdle();
        idle--;
      }
      expect(pool.idle).toBe(idle);
      expect(pool.busy).toBe(busy.length);
      expect(pool.earliestBusy()).toBe(busy.length ? Math.min(...busy) : Infinity);
    }
    const listed: number[] = [];
    listed.push(...pool.busyTimes());
    expect(listed.sort((a, b) => a - b)).toEqual([...busy].sort((a, b) => a - b));
  });

  it('makes servers added in the future busy until then', () => {
    const pool = new ServerPool(4, { bucketSeconds: 1 });
    pool.releaseThrough(10);
    pool.add(5);
    pool.add(20);
    expect(pool.idle).toBe(1);
    expect(pool.earliestBusy()).toBe(20);
    pool.releaseThrough(20);
    expect(pool.idle).toBe(2);
  });
});

describe('ServerPool.removeRandomBusy', () => {
  it('removes the asked number of distinct busy servers, each equally likely', () => {
    const u = seedrandom.alea('remove-random');
    const picks = new Map<number, number>();
    for (let trial = 0; trial < 2000; trial++) {
      const pool = new ServerPool(8, { bucketSeconds: 1 });
      pool.releaseThrough(0);
      const times = [3, 7, 11, 15, 19, 23];
      for (const t of times) pool.add(t);
      const removed = pool.removeRandomBusy(2, u);
      expect(new Set(removed).size).toBe(2);
      expect(pool.busy).toBe(4);
      const left = times.filter((t) => !removed.includes(t));
      expect(pool.earliestBusy()).toBe(Math.min(...left));
      for (const t of removed) picks.set(t, (picks.get(t) ?? 0) + 1);
    }
    // Each of 6 servers is removed in 2/6 of 2,000 trials (667); allow 5 standard deviations (±105).
    for (const n of picks.values()) expect(Math.abs(n - 2000 / 3)).toBeLessThan(105);
  });
});

describe('zero-length work', () => {
  it('leaves the server idle when the work ends by the clock (it would otherwise never be released)', () => {
    const pool = new ServerPool(2);
    pool.add(0);
    pool.add(0);
    pool.releaseThrough(10);
    pool.seize(10); // zero-length work at the clock
    expect(pool.idle).toBe(2);
    expect(pool.earliestBusy()).toBe(Infinity);
    pool.seize(15);
    expect(pool.idle).toBe(1);
    expect(pool.earliestBusy()).toBe(15);
  });
});
