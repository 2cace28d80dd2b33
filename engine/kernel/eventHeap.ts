// A pending-event list: a binary min-heap of (time, payload) pairs in typed arrays.
// The payload is an integer the model gives meaning to (a kind and an id packed together, say);
// the kernel knows nothing about what it stands for. Nothing is allocated per event.
//
// Ties are broken by insertion order (a sequence number), so events due at the same instant
// come out first in, first out, and a run never depends on the heap's internal layout.

export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private data: Int32Array;
  private n = 0;
  private counter = 0;

  constructor(initialCapacity = 256) {
    const c = Math.max(1, initialCapacity);
    this.time = new Float64Array(c);
    this.seq = new Float64Array(c);
    this.data = new Int32Array(c);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the next event; Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.time[0] : Infinity;
  }

  /** Payload of the next event (undefined behaviour when empty). */
  peekData(): number {
    return this.data[0];
  }

  push(t: number, payload: number): void {
    if (this.n === this.time.length) this.grow();
    const time = this.time;
    const seq = this.seq;
    const data = this.data;
    const s = this.counter++;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p] < t || (time[p] === t && seq[p] < s)) break;
      time[i] = time[p];
      seq[i] = seq[p];
      data[i] = data[p];
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    data[i] = payload;
  }

  /** Removes the next event; read it first with peekTime / peekData. */
  pop(): void {
    const n = --this.n;
    if (n <= 0) return;
    const time = this.time;
    const seq = this.seq;
    const data = this.data;
    const t = time[n];
    const s = seq[n];
    const d = data[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (time[c + 1] < time[c] || (time[c + 1] === time[c] && seq[c + 1] < seq[c]))) c++;
      if (t < time[c] || (t === time[c] && s < seq[c])) break;
      time[i] = time[c];
      seq[i] = seq[c];
      data[i] = data[c];
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    data[i] = d;
  }

  /** Visits every pending event (in no particular order); `f` may return a new payload to store. */
  forEach(f: (time: number, payload: number, index: number) => number | void): void {
    for (let i = 0; i < this.n; i++) {
      const r = f(this.time[i], this.data[i], i);
      if (typeof r === 'number') this.data[i] = r;
    }
  }

  private grow(): void {
    const c = this.time.length * 2;
    const time = new Float64Array(c);
    time.set(this.time);
    const seq = new Float64Array(c);
    seq.set(this.seq);
    const data = new Int32Array(c);
    data.set(this.data);
    this.time = time;
    this.seq = seq;
    this.data = data;
  }
}
