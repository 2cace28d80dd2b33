// Seeded random streams, one per purpose, so that changing one part of a scenario
// (say, head count) leaves the other sample paths unchanged (common random numbers).
import seedrandom from 'seedrandom';

/** A uniform generator on [0, 1). */
export type Uniform = () => number;

export const STREAM_PURPOSES = ['arrivals', 'talk', 'wrapUp', 'patience', 'roster', 'redial'] as const;
export type StreamPurpose = (typeof STREAM_PURPOSES)[number];
export type Streams = Record<StreamPurpose, Uniform>;

/**
 * Independent streams for one replication. Alea is used rather than seedrandom's
 * default ARC4: it is about 8x faster and plenty for simulation.
 */
export function createStreams(seed: number | string, replication: number): Streams {
  const streams = {} as Streams;
  for (const purpose of STREAM_PURPOSES) {
    streams[purpose] = seedrandom.alea(`hotline-sim|${seed}|rep${replication}|${purpose}`);
  }
  return streams;
}
