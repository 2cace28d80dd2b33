import { describe, expect, it } from 'vitest';
import { EventHeap } from './eventHeap.ts';
import { aleaStream } from '../random/streams.ts';

describe('EventHeap', () => {
  it('pops in time order, ties first in first out, through growth', () => {
    const h = new EventHeap(2);
    const u = aleaStream('heap');
    const pushed: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(u() * 100); // many ties
      h.push(t, i);
      pushed.push([t, i]);
    }
    const expected = pushed.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const got: [number, number][] = [];
    while (h.size > 0) {
      got.push([h.peekTime(), h.peekData()]);
      h.pop();
    }
    expect(got).toEqual(expected);
    expect(h.peekTime()).toBe(Infinity);
  });
  it('interleaved pushes and pops stay ordered; forEach rewrites payloads', () => {
    const h = new EventHeap();
    const u = aleaStream('heap2');
    let last = -Infinity;
    for (let i = 0; i < 2000; i++) {
      h.push(last + 1 + u() * 10, i);
      if (i % 3 === 0) {
        expect(h.peekTime()).toBeGreaterThanOrEqual(last);
        last = h.peekTime();
        h.pop();
      }
    }
    h.forEach((_, d) => d + 1_000_000);
    h.forEach((_, d) => void expect(d).toBeGreaterThanOrEqual(1_000_000));
  });
});
