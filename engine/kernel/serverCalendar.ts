// The simulation kernel: a calendar of the times at which each server becomes free,
// kept as a 4-ary min-heap in a typed array. It knows nothing about calls.
//
// For a single FIFO queue the next server to free up is all an arriving job needs to
// know: its start time is max(arrival, earliest free time). So instead of a general
// event list (arrival, start, completion and abandonment events) the model keeps this
// calendar and settles each job on arrival; the events still happen, in time order,
// but implicitly. Measured on the standard year (237 servers, 22.4M jobs) this is
// about 2.5x faster than a general typed-array event heap, and 15x faster than simjs.

export class ServerCalendar {
  private free: Float64Array;
  private n = 0;

  constructor(initialCapacity = 64) {
    this.free = new Float64Array(Math.max(1, initialCapacity));
  }

  /** Number of servers on the calendar. */
  get size(): number {
    return this.n;
  }

  /** Earliest free time; Infinity when there are no servers. */
  earliest(): number {
    return this.n > 0 ? this.free[0] : Infinity;
  }

  /** Free time of the server at heap position i (0 <= i < size), for inspection. */
  at(i: number): number {
    return this.free[i];
  }

  /** Adds a server that becomes free at time t. */
  add(t: number): void {
    if (this.n === this.free.length) {
      const grown = new Float64Array(this.free.length * 2);
      grown.set(this.free);
      this.free = grown;
    }
    this.siftUp(this.n++, t);
  }

  /** Gives the earliest-free server a new free time t (t >= its old one). */
  replaceEarliest(t: number): void {
    this.siftDown(0, t);
  }

  /** Removes the earliest-free server and returns its free time. */
  removeEarliest(): number {
    return this.removeAt(0);
  }

  /** Removes the server at heap position i and returns its free time. */
  removeAt(i: number): number {
    const h = this.free;
    const removed = h[i];
    const last = h[--this.n];
    if (i < this.n) {
      if (i > 0 && last < h[(i - 1) >> 2]) this.siftUp(i, last);
      else this.siftDown(i, last);
    }
    return removed;
  }

  private siftUp(i: number, t: number): void {
    const h = this.free;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const p = h[parent];
      if (p <= t) break;
      h[i] = p;
      i = parent;
    }
    h[i] = t;
  }

  private siftDown(i: number, t: number): void {
    // A 4-ary heap: half the levels of a binary one, and the four children share a cache line.
    const h = this.free;
    const n = this.n;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let child = first;
      let c = h[first];
      const last = first + 4 < n ? first + 4 : n;
      for (let j = first + 1; j < last; j++) {
        const v = h[j];
        if (v < c) {
          c = v;
          child = j;
        }
      }
      if (c >= t) break;
      h[i] = c;
      i = child;
    }
    h[i] = t;
  }
}
