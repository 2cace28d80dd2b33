// The simulation kernel: servers that are idle, and a calendar of when each busy server
// becomes free. It knows nothing about calls.
//
// With one FIFO queue, a job's start time is max(arrival, earliest free time), so the model
// settles each job on arrival instead of scheduling arrival, start, completion and abandonment
// events (they still happen in time order, implicitly). Jobs arrive in time order, so the pool
// keeps a clock: `releaseThrough(t)` moves every server free by t onto the idle stack, and an
// arriving job takes an idle server (they are interchangeable) without a search.
//
// Busy servers sit in a calendar queue (Brown 1988): free times hashed into a ring of time
// buckets, each a singly linked list in typed arrays. Releasing walks the ring forward with the
// clock, touching each bucket once a lap; an insertion is O(1). The ordered search for the
// earliest free time is needed only when no server is idle. With buckets about one mean
// inter-completion time wide, a job costs a few memory operations, where a binary heap of 237
// servers sifts through eight levels with unpredictable branches.

export interface ServerPoolOptions {
  /** Bucket width in seconds; about (mean service time / servers) is best. */
  bucketSeconds?: number;
  /** Number of buckets (rounded up to a power of two, at least 1024). */
  buckets?: number;
}

const NONE = -1;

export class ServerPool {
  /** Servers free now (at the clock). */
  idle = 0;
  private idleSlots: Int32Array; // stack of idle slot ids
  private free: Float64Array; // free time per slot (busy slots only)
  private bucketOf: Float64Array; // virtual bucket floor(free / width) per busy slot
  private isBusy: Uint8Array;
  private next: Int32Array;
  private head: Int32Array;
  private readonly mask: number;
  private readonly invWidth: number;
  private busyCount = 0;
  private slots = 0;
  /** Virtual bucket at or before every busy server's free time. */
  private cursor = 0;
  /** The clock: no query will come for an earlier time. */
  private now = -Infinity;

  constructor(capacity = 64, options: ServerPoolOptions = {}) {
    const cap = Math.max(1, capacity);
    this.idleSlots = new Int32Array(cap);
    this.free = new Float64Array(cap);
    this.bucketOf = new Float64Array(cap);
    this.isBusy = new Uint8Array(cap);
    this.next = new Int32Array(cap);
    let b = 1024;
    while (b < (options.buckets ?? 16 * cap)) b *= 2;
    this.head = new Int32Array(b).fill(NONE);
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
    const target = Math.floor(t * this.invWidth);
    if (this.busyCount === 0) {
      this.cursor = target;
      return;
    }
    if (target - this.cursor > this.mask) {
      this.releaseByScan(t);
      this.cursor = target;
      return;
    }
    const head = this.head;
    const next = this.next;
    const free = this.free;
    const bucketOf = this.bucketOf;
    const mask = this.mask;
    for (let vb = this.cursor; vb <= target; vb++) {
      const b = (vb >>> 0) & mask;
      // Rebuild the bucket's list without the servers free by t (of this lap).
      let s = head[b];
      let kept = NONE;
      let last = NONE;
      while (s !== NONE) {
        const nx = next[s];
        if (bucketOf[s] === vb && free[s] <= t) {
          this.isBusy[s] = 0;
          this.busyCount--;
          this.idleSlots[this.idle++] = s;
        } else {
          if (last === NONE) kept = s;
          else next[last] = s;
          last = s;
        }
        s = nx;
      }
      if (last !== NONE) next[last] = NONE;
      head[b] = kept;
    }
    this.cursor = target;
  }

  /** Makes an idle server busy until `until` (later than the clock). */
  seize(until: number): void {
    this.link(this.idleSlots[--this.idle], until);
  }

  /** Adds a server free from time t: idle if t is not after the clock, else busy until t. */
  add(t: number): void {
    if (this.slots === this.free.length) this.grow();
    const s = this.slots++;
    if (t <= this.now) this.idleSlots[this.idle++] = s;
    else this.link(s, t);
  }

  /** Earliest free time among busy servers (Infinity if none). */
  earliestBusy(): number {
    const s = this.findMinSlot();
    return s === NONE ? Infinity : this.free[s];
  }

  /** Gives the earliest-free busy server a new free time (later than its old one). */
  replaceEarliestBusy(until: number): void {
    const s = this.findMinSlot();
    this.unlink(s);
    this.link(s, until);
  }

  /** Removes one idle server. */
  removeIdle(): void {
    this.retire(this.idleSlots[--this.idle]);
  }

  /** Removes the i-th busy server (0 <= i < busy, in slot order) and returns its free time. */
  removeBusyAt(i: number): number {
    for (let s = 0; s < this.slots; s++) {
      if (this.isBusy[s] && i-- === 0) {
        const t = this.free[s];
        this.unlink(s);
        this.retire(s);
        return t;
      }
    }
    throw new RangeError('no such busy server');
  }

  /** Free time of the i-th busy server (0 <= i < busy), in slot order. */
  busyAt(i: number): number {
    for (let s = 0; s < this.slots; s++) if (this.isBusy[s] && i-- === 0) return this.free[s];
    throw new RangeError('no such busy server');
  }

  /** A removed server's slot is reused: swap it with the last slot (an idle or busy server). */
  private retire(s: number): void {
    const last = --this.slots;
    if (s === last) return;
    if (this.isBusy[last]) {
      const t = this.free[last];
      this.unlink(last);
      this.link(s, t);
    } else {
      const k = this.idleSlots.lastIndexOf(last, this.idle - 1);
      this.idleSlots[k] = s;
    }
  }

  private link(s: number, t: number): void {
    const vb = Math.floor(t * this.invWidth);
    const b = (vb >>> 0) & this.mask;
    this.free[s] = t;
    this.bucketOf[s] = vb;
    this.isBusy[s] = 1;
    this.busyCount++;
    this.next[s] = this.head[b];
    this.head[b] = s;
    if (vb < this.cursor) this.cursor = vb;
  }

  private unlink(s: number): void {
    const b = (this.bucketOf[s] >>> 0) & this.mask;
    let p = this.head[b];
    if (p === s) this.head[b] = this.next[s];
    else {
      while (this.next[p] !== s) p = this.next[p];
      this.next[p] = this.next[s];
    }
    this.isBusy[s] = 0;
    this.busyCount--;
  }

  /** The busy slot with the earliest free time, walking the ring from the cursor; -1 if none. */
  private findMinSlot(): number {
    if (this.busyCount === 0) return NONE;
    const free = this.free;
    const bucketOf = this.bucketOf;
    let vb = this.cursor;
    for (let scanned = 0; scanned <= this.mask; scanned++, vb++) {
      let s = this.head[(vb >>> 0) & this.mask];
      let best = NONE;
      let bestT = Infinity;
      while (s !== NONE) {
        if (bucketOf[s] === vb && free[s] < bestT) {
          bestT = free[s];
          best = s;
        }
        s = this.next[s];
      }
      if (best !== NONE) {
        this.cursor = vb; // nothing busy is earlier than this bucket
        return best;
      }
    }
    let best = NONE;
    for (let s = 0; s < this.slots; s++) if (this.isBusy[s] && (best === NONE || free[s] < free[best])) best = s;
    this.cursor = bucketOf[best];
    return best;
  }

  /** Releases by a full scan (when the clock jumped more than a lap of buckets). */
  private releaseByScan(t: number): void {
    for (let s = 0; s < this.slots; s++) {
      if (this.isBusy[s] && this.free[s] <= t) {
        this.unlink(s);
        this.idleSlots[this.idle++] = s;
      }
    }
  }

  private grow(): void {
    const cap = this.free.length * 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.idleSlots = g(this.idleSlots);
    this.free = g(this.free);
    this.bucketOf = g(this.bucketOf);
    this.isBusy = g(this.isBusy);
    this.next = g(this.next);
  }
}
