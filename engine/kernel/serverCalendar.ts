// The simulation kernel: a calendar of the times at which each server becomes free.
// It knows nothing about calls.
//
// For a single FIFO queue the next server to free up is all an arriving job needs to
// know: its start time is max(arrival, earliest free time). So instead of a general
// event list (arrival, start, completion and abandonment events) the model keeps this
// calendar and settles each job on arrival; the events still happen, in time order,
// but implicitly.
//
// The calendar is a calendar queue (Brown 1988): free times are hashed into a ring of
// time buckets of fixed width, each a doubly linked list in typed arrays, and the
// earliest is found by walking the ring forward from the last minimum. With buckets
// about one mean inter-completion time wide, an operation touches one or two buckets,
// where a heap of 237 servers sifts through eight levels with unpredictable branches:
// on the standard year the calendar ran the whole model about twice as fast.

export interface ServerCalendarOptions {
  /** Bucket width in seconds; about (mean service time / servers) is best. */
  bucketSeconds?: number;
  /** Number of buckets (rounded up to a power of two). */
  buckets?: number;
}

export class ServerCalendar {
  private free: Float64Array; // free time per slot
  private bucketOf: Float64Array; // virtual bucket (floor(free / width)) per slot, kept to avoid recomputing it
  private next: Int32Array; // bucket list links per slot
  private prev: Int32Array;
  private dense: Int32Array; // active slots, packed: positions 0..n-1
  private pos: Int32Array; // position of each active slot in dense
  private head: Int32Array; // first slot in each bucket, -1 if empty
  private readonly mask: number;
  private readonly invWidth: number;
  private n = 0;
  /** Virtual bucket (time / width, floored) at or before the earliest free time. */
  private cursor = 0;
  /** Slot holding the earliest free time, or -1 when it must be searched for. */
  private minSlot = -1;

  constructor(initialCapacity = 64, options: ServerCalendarOptions = {}) {
    const cap = Math.max(1, initialCapacity);
    this.free = new Float64Array(cap);
    this.bucketOf = new Float64Array(cap);
    this.next = new Int32Array(cap);
    this.prev = new Int32Array(cap);
    this.dense = new Int32Array(cap);
    this.pos = new Int32Array(cap);
    let b = 1024;
    while (b < (options.buckets ?? 16 * cap)) b *= 2;
    this.head = new Int32Array(b).fill(-1);
    this.mask = b - 1;
    this.invWidth = 1 / (options.bucketSeconds && options.bucketSeconds > 0 ? options.bucketSeconds : 1);
  }

  /** Number of servers on the calendar. */
  get size(): number {
    return this.n;
  }

  /** Earliest free time; Infinity when there are no servers. */
  earliest(): number {
    if (this.n === 0) return Infinity;
    if (this.minSlot < 0) this.findMin();
    return this.free[this.minSlot];
  }

  /** Free time of the server at position i (0 <= i < size), in no particular order. */
  at(i: number): number {
    return this.free[this.dense[i]];
  }

  /** Adds a server that becomes free at time t. */
  add(t: number): void {
    if (this.n === this.free.length) this.grow();
    const s = this.n; // slots are kept packed: slot ids of active servers are 0..n-1 in some order
    const slot = this.dense[s] = this.freeSlotFor(s);
    this.pos[slot] = s;
    this.n++;
    this.free[slot] = t;
    this.link(slot);
    const vb = this.bucketOf[slot];
    if (this.minSlot >= 0) {
      if (t < this.free[this.minSlot]) {
        this.minSlot = slot;
        this.cursor = vb;
      }
    } else if (this.n === 1 || vb < this.cursor) {
      this.cursor = vb;
    }
  }

  /** Gives the earliest-free server a new free time t (t >= its old one). */
  replaceEarliest(t: number): void {
    if (this.minSlot < 0) this.findMin();
    const slot = this.minSlot;
    this.unlink(slot);
    this.free[slot] = t;
    this.link(slot);
    this.minSlot = -1; // the cursor stays: the new minimum is no earlier than the old one
  }

  /** Removes the earliest-free server and returns its free time. */
  removeEarliest(): number {
    if (this.minSlot < 0) this.findMin();
    return this.removeSlot(this.minSlot);
  }

  /** Removes the server at position i (0 <= i < size) and returns its free time. */
  removeAt(i: number): number {
    return this.removeSlot(this.dense[i]);
  }

  private removeSlot(slot: number): number {
    const t = this.free[slot];
    this.unlink(slot);
    // Keep dense packed: move the last active slot into this one's position.
    const p = this.pos[slot];
    const lastSlot = this.dense[--this.n];
    this.dense[p] = lastSlot;
    this.pos[lastSlot] = p;
    this.dense[this.n] = slot; // remember the freed slot id for reuse
    if (slot === this.minSlot) this.minSlot = -1;
    return t;
  }

  /** Slot ids are recycled: dense[n..] holds ids of removed servers. */
  private freeSlotFor(s: number): number {
    return s < this.usedSlots ? this.dense[s] : this.usedSlots++;
  }
  private usedSlots = 0;

  private link(slot: number): void {
    const vb = Math.floor(this.free[slot] * this.invWidth);
    this.bucketOf[slot] = vb;
    const b = (vb >>> 0) & this.mask;
    const h = this.head[b];
    this.next[slot] = h;
    this.prev[slot] = -1;
    if (h >= 0) this.prev[h] = slot;
    this.head[b] = slot;
  }

  private unlink(slot: number): void {
    const p = this.prev[slot];
    const nx = this.next[slot];
    if (p >= 0) this.next[p] = nx;
    else this.head[(this.bucketOf[slot] >>> 0) & this.mask] = nx;
    if (nx >= 0) this.prev[nx] = p;
  }

  /** Walks the ring from the cursor to the first bucket holding a time of the current lap. */
  private findMin(): void {
    const free = this.free;
    const bucketOf = this.bucketOf;
    let vb = this.cursor;
    for (let scanned = 0; scanned <= this.mask; scanned++, vb++) {
      let s = this.head[(vb >>> 0) & this.mask];
      let best = -1;
      let bestT = Infinity;
      while (s >= 0) {
        const t = free[s];
        if (t < bestT && bucketOf[s] === vb) {
          bestT = t;
          best = s;
        }
        s = this.next[s];
      }
      if (best >= 0) {
        this.minSlot = best;
        this.cursor = vb;
        return;
      }
    }
    // Everything is more than a lap ahead: find the minimum directly and restart there.
    let best = this.dense[0];
    for (let i = 1; i < this.n; i++) if (free[this.dense[i]] < free[best]) best = this.dense[i];
    this.minSlot = best;
    this.cursor = bucketOf[best];
  }

  private grow(): void {
    const cap = this.free.length * 2;
    const g = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.free = g(this.free);
    this.bucketOf = g(this.bucketOf);
    this.next = g(this.next);
    this.prev = g(this.prev);
    this.dense = g(this.dense);
    this.pos = g(this.pos);
  }
}
