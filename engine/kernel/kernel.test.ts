import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { ServerCalendar } from './serverCalendar.ts';
import { TimeHeap } from './timeHeap.ts';

describe('ServerCalendar', () => {
  it('always exposes the earliest free time, through adds, replacements and removals', () => {
    const u = seedrandom.alea('calendar');
    const cal = new ServerCalendar(2, { bucketSeconds: 1 });
    const mirror: number[] = [];
    for (let step = 0; step < 5000; step++) {
      const r = u();
      if (r < 0.3 || mirror.length === 0) {
        const t = u() * 100;
        cal.add(t);
        mirror.push(t);
      } else if (r < 0.8) {
        const min = Math.min(...mirror);
        const t = min + u() * 50;
        cal.replaceEarliest(t);
        mirror.splice(mirror.indexOf(min), 1, t);
      } else {
        const i = Math.floor(u() * cal.size);
        const removed = cal.removeAt(i);
        mirror.splice(mirror.indexOf(removed), 1);
      }
      expect(cal.size).toBe(mirror.length);
      expect(cal.earliest()).toBe(mirror.length ? Math.min(...mirror) : Infinity);
    }
  });

  it('finds the earliest across far-apart times (more than a lap of the bucket ring)', () => {
    const u = seedrandom.alea('laps');
    const cal = new ServerCalendar(4, { bucketSeconds: 0.5, buckets: 16 });
    const mirror: number[] = [];
    for (let step = 0; step < 3000; step++) {
      if (mirror.length < 3 || u() < 0.4) {
        const t = (mirror.length ? Math.min(...mirror) : 0) + u() * 1000;
        cal.add(t);
        mirror.push(t);
      } else {
        const min = Math.min(...mirror);
        const t = min + (u() < 0.5 ? u() * 2 : u() * 5000);
        cal.replaceEarliest(t);
        mirror.splice(mirror.indexOf(min), 1, t);
      }
      expect(cal.earliest()).toBe(Math.min(...mirror));
    }
    const all: number[] = [];
    for (let i = 0; i < cal.size; i++) all.push(cal.at(i));
    expect(all.sort((a, b) => a - b)).toEqual([...mirror].sort((a, b) => a - b));
  });

  it('reports Infinity when it has no servers', () => {
    expect(new ServerCalendar().earliest()).toBe(Infinity);
  });
});

describe('TimeHeap', () => {
  it('pops in ascending order', () => {
    const u = seedrandom.alea('heap');
    const heap = new TimeHeap(1);
    const values = Array.from({ length: 1000 }, () => u());
    values.forEach((v) => heap.push(v));
    const popped: number[] = [];
    while (heap.size) popped.push(heap.pop());
    expect(popped).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBe(Infinity);
  });

  it('popThrough removes exactly the times at or before t', () => {
    const heap = new TimeHeap();
    [5, 1, 3, 3, 9].forEach((v) => heap.push(v));
    heap.popThrough(3);
    expect(heap.size).toBe(2);
    expect(heap.peek()).toBe(5);
  });
});
