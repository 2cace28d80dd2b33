// A growable binary min-heap of times (typed array). Used for pending instants such as
// the moments waiting callers leave the queue; it knows nothing about what they are.

export class TimeHeap {
  private h: Float64Array;
  private n = 0;

  constructor(initialCapacity = 256) {
    this.h = new Float64Array(Math.max(1, initialCapacity));
  }

  get size(): number {
    return this.n;
  }

  /** Smallest time; Infinity when empty. */
  peek(): number {
    return this.n > 0 ? this.h[0] : Infinity;
  }

  push(t: number): void {
    if (this.n === this.h.length) {
      const grown = new Float64Array(this.h.length * 2);
      grown.set(this.h);
      this.h = grown;
    }
    const h = this.h;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent] <= t) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = t;
  }

  /** Removes and returns the smallest time (Infinity when empty). */
  pop(): number {
    if (this.n === 0) return Infinity;
    const h = this.h;
    const top = h[0];
    const t = h[--this.n];
    const n = this.n;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && h[child + 1] < h[child]) child++;
      if (h[child] >= t) break;
      h[i] = h[child];
      i = child;
    }
    if (n > 0) h[i] = t;
    return top;
  }

  /** Pops every time <= t. */
  popThrough(t: number): void {
    while (this.n > 0 && this.h[0] <= t) this.pop();
  }

  clear(): void {
    this.n = 0;
  }
}
