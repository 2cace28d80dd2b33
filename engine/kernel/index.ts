export * from './serverPool.ts';
export * from './timeHeap.ts';
