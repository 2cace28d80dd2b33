export * from './schema.ts';
export * from './errors.ts';
export * from './resolve.ts';
export * from './load.ts';
export * from './calendar.ts';
export * from './units.ts';
export { LIMITS, estimateWork, checkRunLimits, type WorkEstimate } from './limits.ts';
