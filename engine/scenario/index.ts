export * from './schema.ts';
export * from './errors.ts';
export * from './resolve.ts';
export * from './load.ts';
export * from './calendar.ts';
export * from './units.ts';
export { LIMITS } from '../limits.ts';
export { estimateWork, checkRunLimits, type WorkEstimate } from './workEstimate.ts';
