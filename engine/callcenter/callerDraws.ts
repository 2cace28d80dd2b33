// Callers' draws, a block at a time: patience, talk, handling time (talk + wrap-up) and call
// type: one implementation for both paths, so with no call types they see the same callers.
import { makeFiller, makePairFiller, type BlockFiller, type DurationDistribution } from '../random/distributions.ts';
import type { Streams, Uniform } from '../random/streams.ts';
import type { CallCentreModel } from './model.ts';

/** Callers drawn at a time. */
export const CALLER_BLOCK = 4096;

/**
 * Callers' draws for a block of callers: patience, talk, handle (talk + wrap-up) and call type.
 * Untyped, the i-th caller's from the i-th draw of each stream: talk and patience made together
 * (see makePairFiller), a deterministic wrap-up drawing nothing. A call-type mix needs `stream`
 * for its per-type streams.
 */
export function callerDraws(model: CallCentreModel, streams: Streams, stream?: (p: string) => Uniform) {
  const n = CALLER_BLOCK;
  const patience = new Float64Array(n);
  const talk = new Float64Array(n);
  const handle = new Float64Array(n);
  const type = new Int32Array(n);
  const types = model.callTypes;
  if (!types || types.length === 0) {
    const wrap = model.wrapUpTime;
    const wrapBlock = wrap.distribution === 'deterministic' ? null : new Float64Array(n);
    const fillWrap = wrapBlock ? makeFiller(wrap, streams.wrapUp) : null;
    const wrapValue = wrap.distribution === 'deterministic' ? wrap.value : 0;
    const fillTalk = model.patience ? null : makeFiller(model.talkTime, streams.talk);
    const fillBoth = model.patience ? makePairFiller(model.talkTime, streams.talk, model.patience, streams.patience) : null;
    if (!model.patience) patience.fill(Infinity);
    return {
      patience,
      talk,
      handle,
      type,
      fill() {
        if (fillBoth) fillBoth(talk, patience);
        else fillTalk!(talk);
        if (wrapBlock) {
          fillWrap!(wrapBlock);
          for (let i = 0; i < n; i++) handle[i] = talk[i] + wrapBlock[i];
        } else if (wrapValue !== 0) {
          for (let i = 0; i < n; i++) handle[i] = talk[i] + wrapValue;
        } else handle.set(talk);
      },
    };
  }
  // A mix: each caller's type from its own stream, then the next talk and wrap-up of that type.
  if (!stream) throw new Error('callerDraws: a call-type mix needs per-type streams');
  const total = types.reduce((s, t) => s + t.share, 0);
  const cumulative = types.map((_, j) => types.slice(0, j + 1).reduce((s, t) => s + t.share, 0) / total);
  const typeU = stream('callType');
  const perType = types.map((t, j) => new TypedDraws(t.talkTime, t.wrapUpTime, stream(`talk|type${j}`), stream(`wrapUp|type${j}`)));
  const fillPatience: BlockFiller | null = model.patience ? makeFiller(model.patience, streams.patience) : null;
  if (!fillPatience) patience.fill(Infinity);
  return {
    patience,
    talk,
    handle,
    type,
    fill() {
      if (fillPatience) fillPatience(patience);
      for (let i = 0; i < n; i++) {
        const u = typeU();
        let j = 0;
        while (j < cumulative.length - 1 && u >= cumulative[j]) j++;
        type[i] = j;
        const d = perType[j];
        const x = d.next();
        talk[i] = d.talk[x];
        handle[i] = d.talk[x] + d.wrap[x];
      }
    },
  };
}

/** One call type's talk and wrap-up draws, in blocks. */
class TypedDraws {
  readonly talk = new Float64Array(1024);
  readonly wrap = new Float64Array(1024);
  private at = 1024;
  private readonly fillTalk: BlockFiller;
  private readonly fillWrap: BlockFiller;
  constructor(talk: DurationDistribution, wrap: DurationDistribution, uTalk: Uniform, uWrap: Uniform) {
    this.fillTalk = makeFiller(talk, uTalk);
    this.fillWrap = makeFiller(wrap, uWrap);
  }
  next(): number {
    if (this.at === this.talk.length) {
      this.fillTalk(this.talk);
      this.fillWrap(this.wrap);
      this.at = 0;
    }
    return this.at++;
  }
}

