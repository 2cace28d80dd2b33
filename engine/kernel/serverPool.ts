// The simulation kernel: servers that are idle, and a calendar of when each busy server
// becomes free. It knows nothing about calls.
//
// With one FIFO queue, a job's start time is max(arrival, earliest free time), so the model
// settles each job on arrival instead of scheduling arrival, start, completion and abandonment
// events (they still happen in time order, implicitly). Jobs arrive in time order, so the pool
// keeps a clock: `releaseThrough(t)` moves every server free by t into the idle set, and an
// arriving job takes any idle server (they are interchangeable) without a search.
//
// Busy servers sit in a calendar queue (Brown 1988): free times hashed into a ring of time
// buckets, each a doubly linked list in typed arrays. Releasing walks the ring forward with the
// clock, touching each bucket once a lap; an insertion is O(1). The ordered search for the
// earliest free time is needed only when no server is idle. With buckets about one mean
// inter-completion time wide this does a few memory operations a job, where a heap of 237
// servers sifts through eight levels with unpredictable branches.

export interface ServerPoolOptions {
  /** Bucket width in seconds; about (mean service time / servers) is best. */
  bucketSeconds?: number;
  /** Number of buckets (rounded up to a power of two, at least 1024). */
  buckets?: number;
}

export class ServerPool {
  /** Servers free now (at the clock). */
  idle = 0;
  private free: Float64Array; // free time per busy slot
  private bucketOf: Float64Array; // virtual bucket floor(free / width) per busy slot
  private next: Int32Array;
  private prev: Int32Array;
  private dense: Int32Array; // busy slots packed in 0..busy-1, freed slot ids after
  private pos: Int32Array;
  private head: Int32Array;
  private readonly mask: number;
  private readonly invWidth: number;
  private busyCount = 0;
  private usedSlots = 0;
  /** Virtual bucket at or before every busy server's free time. */
  private cursor = 0;
  /** The clock: no query will come for an earlier time. */
  private now = -Infinity;

  constructor(capacity = 64, options: ServerPoolOptions = {}) {
    const cap = Math.max(1, capacity);
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

  /** Servers in the pool, idle or busy. */
  get size(): number {
    return this.idle + this.busyCount;
  }

  get busy(): number {
    return this.busyCount;
  }

  /** Advances the clock to t (never backwards) and makes every server free by t idle. */
  releaseThrough(t: number): void {
    if (t <= this.now) return;
    this.now = t;
    if (this.busyCount === 0) {
      this.cursor = Math.floor(t * this.invWidth);
      return;
    }
    const target = Math.floor(t * this.invWidth);
    const free = this.free;
    const bucketOf = this.bucketOf;
    // A lap of empty buckets at most: beyond it, everything busy is later than a lap ahead.
    const stop = Math.min(target, this.cursor + this.mask);
    for (let vb = this.cursor; vb <= stop; vb++) {
      let s = this.head[(vb >>> 0) & this.mask];
      while (s >= 0) {
        const nx = this.next[s];
        if (bucketOf[s] === vb && free[s] <= t) {
          this.removeBusySlot(s);
          this.idle++;
        }
        s = nx;
      }
    }
    if (target > this.cursor + this.mask) this.releaseByScan(t);
    this.cursor = target;
  }

  /** Makes an idle server busy until `until` (> the clock). */
  seize(until: number): void {
    this.idle--;
    this.insertBusy(until);
  }

  /** Adds a server free from time t: idle if t is not after the clock, else busy until t. */
  add(t: number): void {
    if (t <= this.now) this.idle++;
    else this.insertBusy(t);
  }

  /** Earliest free time among busy servers (Infinity if none). */
  earliestBusy(): number {
    const s = this.findMinSlot();
    return s < 0 ? Infinity : this.free[s];
  }

  /** Gives the earliest-free busy server a new free time (later than its old one). */
  replaceEarliestBusy(until: number): void {
    const s = this.findMinSlot();
    this.unlink(s);
    this.free[s] = until;
    this.link(s);
  }

  /** Removes one idle server. */
  removeIdle(): void {
    this.idle--;
  }

  /** Removes the busy server at position i (0 <= i < busy) and returns its free time. */
  removeBusyAt(i: number): number {
    const s = this.dense[i];
    const t = this.free[s];
    this.removeBusySlot(s);
    return t;
  }

  /** Free time of the busy server at position i (0 <= i < busy), in no particular order. */
  busyAt(i: number): number {
    return this.free[this.dense[i]];
  }

  private insertBusy(t: number): void {
    if (this.usedSlots === this.free.length && this.busyCount === this.usedSlots) this.grow();
    const p = this.busyCount++;
    const slot = p < this.usedSlots ? this.dense[p] : this.usedSlots++;
    this.dense[p] = slot;
    this.pos[slot] = p;
    this.free[slot] = t;
    this.link(slot);
  }

  private removeBusySlot(slot: number): void {
    this.unlink(slot);
    const p = this.pos[slot];
    const last = this.dense[--this.busyCount];
    this.dense[p] = last;
    this.pos[last] = p;
    this.dense[this.busyCount] = slot;
  }

  private link(slot: number): void {
    const vb = Math.floor(this.free[slot] * this.invWidth);
    this.bucketOf[slot] = vb;
    if (vb < this.cursor) this.cursor = vb;
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

  /** The busy slot with the earliest free time, walking the ring from the cursor; -1 if none. */
  private findMinSlot(): number {
    if (this.busyCount === 0) return -1;
    const free = this.free;
    const bucketOf = this.bucketOf;
    let vb = this.cursor;
    for (let scanned = 0; scanned <= this.mask; scanned++, vb++) {
      let s = this.head[(vb >>> 0) & this.mask];
      let best = -1;
      let bestT = Infinity;
      while (s >= 0) {
        if (bucketOf[s] === vb && free[s] < bestT) {
          bestT = free[s];
          best = s;
        }
        s = this.next[s];
      }
      if (best >= 0) {
        this.cursor = vb; // nothing busy is earlier than this bucket
        return best;
      }
    }
    let best = this.dense[0];
    for (let i = 1; i < this.busyCount; i++) if (free[this.dense[i]] < free[best]) best = this.dense[i];
    this.cursor = bucketOf[best];
    return best;
  }

  /** Releases by a full scan (when the clock jumped more than a lap of buckets). */
  private releaseByScan(t: number): void {
    for (let i = this.busyCount - 1; i >= 0; i--) {
      const s = this.dense[i];
      if (this.free[s] <= t) {
        this.removeBusySlot(s);
        this.idle++;
      }
    }
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
