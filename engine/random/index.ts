export * from './streams.ts';
export * from './distributions.ts';
