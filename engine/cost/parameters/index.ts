export * from './sources.ts';
export * from './table.ts';
export * from './resolve.ts';
