import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { aleaStream, createStreams, STREAM_PURPOSES } from './streams.ts';

describe('random streams', () => {
  it('draws exactly the numbers of seedrandom.alea for the same seed', () => {
    const ours = aleaStream('hotline-sim|check');
    const theirs = seedrandom.alea('hotline-sim|check');
    for (let i = 0; i < 100_000; i++) expect(ours()).toBe(theirs());
  });

  it('gives each purpose and each replication its own stream', () => {
    const a = createStreams(1, 0);
    const b = createStreams(1, 1);
    const firsts = new Set(STREAM_PURPOSES.flatMap((p) => [a[p](), b[p]()]));
    expect(firsts.size).toBe(STREAM_PURPOSES.length * 2);
  });
});
