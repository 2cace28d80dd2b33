// The event path's stores: waiting callers in a ring, online requests in a ring, pending tasks
// in reusable slots. Typed arrays, grown by doubling: memory follows the queue, not the calls.

/** Event ids are kept below 2^28 so that (id << 3) | kind fits an int32. */
export const ID_MASK = 0x0fffffff;

/** Waiting callers, first in first out, in a growable ring of typed arrays. */
export class CallerRing {
  arrival = new Float64Array(256);
  talk = new Float64Array(256);
  handle = new Float64Array(256);
  seq = new Float64Array(256);
  type = new Int32Array(256);
  attempt = new Int32Array(256);
  person = new Int32Array(256);
  interval = new Int32Array(256);
  gone = new Uint8Array(256);
  private head = 0; // sequence number of the oldest entry still in the ring
  private tail = 0; // next sequence number
  private mask = 255;

  push(arrival: number, talk: number, handle: number, type: number, attempt: number, person: number, interval: number): number {
    if (this.tail - this.head > this.mask) this.grow();
    const seq = this.tail++;
    const s = seq & this.mask;
    this.arrival[s] = arrival;
    this.talk[s] = talk;
    this.handle[s] = handle;
    this.seq[s] = seq;
    this.type[s] = type;
    this.attempt[s] = attempt;
    this.person[s] = person;
    this.interval[s] = interval;
    this.gone[s] = 0;
    return seq;
  }

  /** The oldest caller still waiting, taken out of the ring (-1 if none); abandoned ones are skipped. */
  shiftWaiting(): number {
    while (this.head < this.tail) {
      const s = this.head & this.mask;
      this.head++;
      if (!this.gone[s]) return s;
    }
    return -1;
  }

  /** The slot of a waiting caller by its sequence number modulo 2^28, or -1 if it has left. */
  find(seqMod: number): number {
    // The ring never holds 2^28 entries, so the low bits name one sequence number in [head, tail).
    const span = this.tail - this.head;
    const offset = (seqMod - (this.head & ID_MASK)) & ID_MASK;
    if (offset >= span) return -1;
    const s = (this.head + offset) & this.mask;
    return this.gone[s] ? -1 : s;
  }

  leave(slot: number): void {
    this.gone[slot] = 1;
  }

  private grow(): void {
    const n = (this.mask + 1) * 2;
    const old = { ...this };
    const f64 = () => new Float64Array(n);
    const i32 = () => new Int32Array(n);
    const next = {
      arrival: f64(), talk: f64(), handle: f64(), seq: f64(),
      type: i32(), attempt: i32(), person: i32(), interval: i32(), gone: new Uint8Array(n),
    };
    for (let seq = this.head; seq < this.tail; seq++) {
      const a = seq & this.mask;
      const b = seq & (n - 1);
      next.arrival[b] = old.arrival[a];
      next.talk[b] = old.talk[a];
      next.handle[b] = old.handle[a];
      next.seq[b] = old.seq[a];
      next.type[b] = old.type[a];
      next.attempt[b] = old.attempt[a];
      next.person[b] = old.person[a];
      next.interval[b] = old.interval[a];
      next.gone[b] = old.gone[a];
    }
    Object.assign(this, next);
    this.mask = n - 1;
  }
}

/** Arrival times waiting in order (online requests). */
export class TimeRing {
  private t = new Float64Array(256);
  private head = 0;
  private tail = 0;
  get size(): number {
    return this.tail - this.head;
  }
  push(x: number): void {
    if (this.tail - this.head === this.t.length) {
      const n = new Float64Array(this.t.length * 2);
      for (let i = this.head; i < this.tail; i++) n[i & (n.length - 1)] = this.t[i & (this.t.length - 1)];
      this.t = n;
    }
    this.t[this.tail++ & (this.t.length - 1)] = x;
  }
  shift(): number {
    return this.t[this.head++ & (this.t.length - 1)];
  }
}

/** Records with a float and an int field, slots reused through a free list. */
export class Slots {
  f = new Float64Array(64);
  i = new Int32Array(64);
  private free: number[] = [];
  private used = 0;
  inUse = 0;
  take(f: number, i: number): number {
    let id = this.free.pop();
    if (id === undefined) {
      if (this.used === this.f.length) {
        const nf = new Float64Array(this.f.length * 2);
        nf.set(this.f);
        const ni = new Int32Array(this.i.length * 2);
        ni.set(this.i);
        this.f = nf;
        this.i = ni;
      }
      id = this.used++;
    }
    if (id > ID_MASK) throw new RangeError('too many pending tasks');
    this.f[id] = f;
    this.i[id] = i;
    this.inUse++;
    return id;
  }
  give(id: number): void {
    this.free.push(id);
    this.inUse--;
  }
}
