// The yardstick of issue #19's fast-path target: a bare event-calendar simulation of the standard
// year (bench/cases.ts: 0.711 calls/s Poisson, exponential talk 300 s, exponential patience 120 s,
// 237 agents around the clock, 365 days), written as a competent engineer would in an hour: a
// binary heap of events in typed arrays, a ring buffer for the FIFO queue, a small fast generator,
// inverse-transform exponentials, and no statistics beyond answered and abandoned counts.
// It shares no code with the engine, so it measures what the engine's structure costs.
// Prints one JSON line (seconds, CPU seconds, counts) like bench/case.ts.

const ARRIVAL = 0;
const DEPARTURE = 1;
const ABANDON = 2;

/** sfc32: 128 bits of state, 32-bit operations only (fast in V8); uniform on (0, 1). */
function generator(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return ((t >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/**
 * The standard year on an event calendar. The heap lives in two typed arrays held in locals
 * (times, and kind + 4 × caller packed in one integer), with its push and sift-down inlined; when
 * an event schedules another (the next arrival, the next service on a freed agent), the new event
 * replaces the heap's top in one sift-down instead of a pop and a push.
 */
export function simulatePrototype(seed: number) {
  const rate = 0.711; // calls per second
  const talkMean = 300;
  const patienceMean = 120;
  const agents = 237;
  const horizon = 365 * 86400;
  const u = generator(seed);
  const CAP = 1 << 16;
  const time = new Float64Array(CAP);
  const tag = new Int32Array(CAP); // kind + 4 × caller
  let size = 0;
  // Waiting callers by sequence number q (slot q & mask): an abandoned one is marked gone and
  // skipped when it reaches the head; an abandonment of a caller already served (q < head) is stale.
  const RING = 1 << 16;
  const mask = RING - 1;
  const gone = new Uint8Array(RING);
  let head = 0;
  let tail = 0;
  let idle = agents;
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let events = 0;

  const push = (t: number, g: number) => {
    if (size === CAP) throw new Error('event heap overflow');
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p] <= t) break;
      time[i] = time[p];
      tag[i] = tag[p];
      i = p;
    }
    time[i] = t;
    tag[i] = g;
  };
  /** Puts (t, g) in place of the top and sifts it down (a pop and a push in one). */
  const replaceTop = (t: number, g: number) => {
    const n = size;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && time[c + 1] < time[c]) c++;
      if (time[c] >= t) break;
      time[i] = time[c];
      tag[i] = tag[c];
      i = c;
    }
    time[i] = t;
    tag[i] = g;
  };
  const pop = () => {
    const n = --size;
    if (n > 0) replaceTop(time[n], tag[n]);
  };

  push(-Math.log(u()) / rate, ARRIVAL);
  while (size > 0) {
    const t = time[0];
    const g = tag[0];
    const kind = g & 3;
    events++;
    if (kind === ARRIVAL) {
      if (t >= horizon) {
        pop(); // arrivals stop; the calendar drains
        continue;
      }
      offered++;
      replaceTop(t - Math.log(u()) / rate, ARRIVAL);
      if (idle > 0) {
        idle--;
        answered++;
        push(t - Math.log(u()) * talkMean, DEPARTURE);
      } else {
        // (Sequence numbers stay below 2^29, so a caller packs into the event's integer.)
        if (tail - head >= RING || tail >= 1 << 29) throw new Error('queue ring overflow');
        const q = tail++;
        gone[q & mask] = 0;
        push(t - Math.log(u()) * patienceMean, ABANDON + 4 * (q & 0x1fffffff));
      }
    } else if (kind === DEPARTURE) {
      while (head < tail && gone[head & mask]) head++;
      if (head < tail) {
        head++;
        answered++;
        replaceTop(t - Math.log(u()) * talkMean, DEPARTURE);
      } else {
        idle++;
        pop();
      }
    } else {
      pop();
      const q = g >>> 2;
      if (q >= head) {
        gone[q & mask] = 1;
        abandoned++;
      }
    }
  }
  if (offered !== answered + abandoned) throw new Error('calls not conserved');
  return { offered, answered, abandoned, events };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const r = simulatePrototype(1);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    JSON.stringify({ name: 'prototype', seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, calls: r.offered, events: r.events, connectionRate: r.answered / r.offered }) + '\n',
  );
}
