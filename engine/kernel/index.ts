export * from './serverPool.ts';
export * from './timeHeap.ts';
export * from './eventHeap.ts';
