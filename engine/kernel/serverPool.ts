// The simulation kernel: servers that are idle, and a calendar of when each busy server
// becomes free. It knows nothing about calls.
//
// With one FIFO queue, a job's start time is max(arrival, earliest free time), so the model
// settles each job on arrival instead of scheduling arrival, start, completion and abandonment
// events (they still happen in time order, implicitly). Jobs arrive in time order, so the pool
// keeps a clock: `releaseThrough(t)` makes every server free by t idle, and an arriving job
// takes an idle server without a search.
//
// Servers are interchangeable, so the pool keeps no identities: idle servers are a count, busy
// ones a multiset of free times in a calendar queue (Brown 1988): hashed into a ring of time
// buckets, each an unsorted linked list in typed arrays. An insertion is O(1) and branch-free;
// releasing walks the ring forward with the clock, and every test is on a time itself (a bucket
// may also hold times of later laps, which simply stay). The ordered search for the earliest free
// time is needed only when no server is idle. The model releases only when it runs out of idle
// servers, so buckets are passed in long runs and can be a few completions wide; a binary heap
// of 237 servers would sift through eight levels with unpredictable branches on every job.

export interface ServerPoolOptions {
  /** Bucket width in seconds; one or two mean times between completions (service time / servers). */
  bucketSeconds?: number;
  /** Number of buckets (rounded up to a power of two, at least 1024). */
  buckets?: number;
}

const NONE = -1;

/**
 * Bucket width for servers whose mean service time is `meanServiceSeconds`: about two mean
 * inter-completion times (service time / servers; 1x, 2x and 4x measured alike, 2x a little the
 * best), at least a millisecond, since narrower buckets (a service time of 1e-300 s) make the
 * clock's walk endless; 1 s when service takes no time.
 */
export function bucketSecondsFor(meanServiceSeconds: number, servers: number): number {
  return meanServiceSeconds > 0 ? Math.max(1e-3, (2 * meanServiceSeconds) / servers) : 1;
}

export class ServerPool {
  /** Servers free now (at the clock). */
  idle = 0;
  private busyCount = 0;
  private time: Float64Array; // free time per node
  private next: Int32Array; // next node in the bucket's list
  private spare: Int32Array; // stack of unused nodes
  private spareCount = 0;
  private readonly head: Int32Array;
  private readonly mask: number;
  private readonly invWidth: number;
  /** Virtual bucket (floor(time / width)) at or before every busy server's free time. */
  private cursor = 0;
  /** The clock: no query will come for an earlier time. */
  private now = -Infinity;

  /** A pool of up to `servers` servers, its buckets sized for the mean service time (see bucketSecondsFor). */
  static forService(servers: number, meanServiceSeconds: number): ServerPool {
    return new ServerPool(servers, { bucketSeconds: bucketSecondsFor(meanServiceSeconds, servers) });
  }

  constructor(capacity = 64, options: ServerPoolOptions = {}) {
    const cap = Math.max(1, capacity);
    this.time = new Float64Array(cap);
    this.next = new Int32Array(cap);
    this.spare = new Int32Array(cap);
    for (let n = cap - 1; n >= 0; n--) this.spare[this.spareCount++] = n;
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
    // One lap at most: each bucket is walked once, keeping the times after t.
    const last = Math.min(target, this.cursor + this.mask);
    const head = this.head;
    const time = this.time;
    const next = this.next;
    const spare = this.spare;
    const mask = this.mask;
    let freed = 0;
    let top = this.spareCount;
    for (let vb = this.cursor; vb <= last; vb++) {
      const b = (vb >>> 0) & mask;
      let s = head[b];
      let kept = NONE;
      while (s !== NONE) {
        const nx = next[s];
        if (time[s] <= t) {
          spare[top++] = s;
          freed++;
        } else {
          next[s] = kept;
          kept = s;
        }
        s = nx;
      }
      head[b] = kept;
    }
    this.spareCount = top;
    this.idle += freed;
    this.busyCount -= freed;
    if (target > this.cursor) this.cursor = target;
  }

  /** Makes an idle server busy until `until`; work that ends by the clock (zero-length) leaves it idle. */
  seize(until: number): void {
    // A server busy until the clock itself would never be released (releaseThrough only moves
    // the clock forward), and a loop waiting for it would spin for ever.
    if (until <= this.now) return;
    this.idle--;
    this.insert(until);
  }

  /** Adds a server free from time t: idle if t is not after the clock, else busy until t. */
  add(t: number): void {
    if (t <= this.now) this.idle++;
    else this.insert(t);
  }

  /** Earliest free time among busy servers (Infinity if none). */
  earliestBusy(): number {
    const s = this.findMin();
    return s === NONE ? Infinity : this.time[s];
  }

  /** Gives the earliest-free busy server a new free time (later than its old one). */
  replaceEarliestBusy(until: number): void {
    const s = this.findMin();
    this.unlink(s);
    this.insert(until);
  }

  /** Removes one idle server. */
  removeIdle(): void {
    this.idle--;
  }

  /**
   * Removes `count` busy servers chosen uniformly at random (without replacement, by `u`) and
   * returns their free times. One pass over the calendar, however many are removed.
   */
  removeRandomBusy(count: number, u: () => number): number[] {
    const nodes: number[] = [];
    for (let b = 0; b <= this.mask; b++) for (let s = this.head[b]; s !== NONE; s = this.next[s]) nodes.push(s);
    const times: number[] = [];
    for (let j = 0; j < count && j < nodes.length; j++) {
      // Partial Fisher-Yates: nodes[j] becomes a uniform pick among those not yet taken.
      const r = j + Math.floor(u() * (nodes.length - j));
      const s = nodes[r];
      nodes[r] = nodes[j];
      nodes[j] = s;
      this.unlink(s);
      times.push(this.time[s]);
    }
    return times;
  }

  /** The busy servers' free times, in no particular order. */
  busyTimes(): number[] {
    const out: number[] = [];
    for (let b = 0; b <= this.mask; b++) for (let s = this.head[b]; s !== NONE; s = this.next[s]) out.push(this.time[s]);
    return out;
  }

  /** Puts a busy server free at t at the head of its bucket's list. */
  private insert(t: number): void {
    if (this.spareCount === 0) this.grow();
    const s = this.spare[--this.spareCount];
    const x = t * this.invWidth;
    // ToUint32 truncates: floor(x) mod 2^32 for x >= 0, so no Math.floor on the common path.
    const b = (x >>> 0) & this.mask;
    this.time[s] = t;
    this.next[s] = this.head[b];
    this.head[b] = s;
    this.busyCount++;
    if (x < this.cursor) this.cursor = Math.floor(x);
  }

  /** Takes a busy node out of its list and returns it to the spares. */
  private unlink(s: number): void {
    const b = ((this.time[s] * this.invWidth) >>> 0) & this.mask;
    let p = this.head[b];
    if (p === s) this.head[b] = this.next[s];
    else {
      while (this.next[p] !== s) p = this.next[p];
      this.next[p] = this.next[s];
    }
    this.spare[this.spareCount++] = s;
    this.busyCount--;
  }

  /** The busy node with the earliest free time, walking the ring from the cursor; -1 if none. */
  private findMin(): number {
    if (this.busyCount === 0) return NONE;
    const head = this.head;
    const time = this.time;
    const next = this.next;
    const mask = this.mask;
    const invWidth = this.invWidth;
    let vb = this.cursor;
    for (let scanned = 0; scanned <= mask; scanned++, vb++) {
      let best = NONE;
      // Only times of this lap count (the same product as in insert, so a time's bucket is never in doubt).
      for (let s = head[(vb >>> 0) & mask]; s !== NONE; s = next[s]) {
        if (time[s] * invWidth < vb + 1 && (best === NONE || time[s] < time[best])) best = s;
      }
      if (best !== NONE) {
        this.cursor = vb; // nothing busy is earlier than this bucket
        return best;
      }
    }
    // Every busy server is a lap or more ahead: the smallest of all.
    let best = NONE;
    for (let b = 0; b <= mask; b++) for (let s = head[b]; s !== NONE; s = next[s]) if (best === NONE || time[s] < time[best]) best = s;
    this.cursor = Math.floor(time[best] * invWidth);
    return best;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap);
    time.set(this.time);
    const next = new Int32Array(cap);
    next.set(this.next);
    this.time = time;
    this.next = next;
    this.spare = new Int32Array(cap);
    for (let n = cap - 1; n >= cap / 2; n--) this.spare[this.spareCount++] = n;
  }
}
