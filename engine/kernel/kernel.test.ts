import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { TimeHeap } from './timeHeap.ts';

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
