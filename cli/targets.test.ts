import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.ts';
import { parseTarget } from './targets.ts';

describe('--target', () => {
  it.each([
    ['connection=0.95', { kind: 'connectionRate', value: 0.95 }],
    ['connection=95%', { kind: 'connectionRate', value: 0.95 }],
    ['sl=0.8@20', { kind: 'serviceLevel', value: 0.8, seconds: 20 }],
    ['sl=0.8', { kind: 'serviceLevel', value: 0.8, seconds: undefined }],
    ['sl=0.8@20/answered', { kind: 'serviceLevel', value: 0.8, seconds: 20, formula: 'answered' }],
    ['asa=30', { kind: 'asa', seconds: 30 }],
    ['abandon=0.05', { kind: 'abandonment', value: 0.05 }],
  ])('reads %s', (text, target) => expect(parseTarget(text)).toEqual(target));

  it.each(['connection=1.5', 'sl=0.8@20/fastest', 'asa=30/answered', 'speed=3', 'connection'])('refuses %s with a usage error', (text) => {
    expect(() => parseTarget(text)).toThrow(UsageError);
  });
});
