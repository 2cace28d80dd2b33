// The engine core: everything below the I/O edge, and nothing of Node (no node: module, no
// Node-only package), so that it runs in a browser (engine/core.test.ts bundles it for one).
// A scenario comes in as text (parseScenario) with its referenced CSVs by name (filesFromMap);
// reading files, worker threads, output folders and PNGs are the Node layer (engine/index.ts
// exports both). See ARCHITECTURE.md.
export * from './kernel/index.ts';
export * from './random/index.ts';
export * from './stats/index.ts';
export * from './analytic/index.ts';
export * from './text/numbers.ts';
export * from './text/fieldNames.ts';
export * from './callcenter/model.ts';
export * from './callcenter/metrics.ts';
export * from './callcenter/simulate.ts';
export * from './callcenter/errors.ts';
export * from './callcenter/staffingChange.ts';
export * from './callcenter/callerDraws.ts';
export * from './workforce/index.ts';
export * from './cost/index.ts';
export * from './scenario/schema.ts';
export * from './scenario/errors.ts';
export * from './scenario/resolve.ts';
export * from './scenario/parse.ts';
export * from './scenario/files.ts';
export * from './scenario/calendar.ts';
export * from './scenario/units.ts';
export * from './scenario/published.ts';
export { LIMITS } from './limits.ts';
export { estimateWork, checkRunLimits, type WorkEstimate } from './scenario/workEstimate.ts';
export * from './report/format.ts';
export * from './report/json.ts';
export * from './experiment/search/target.ts';
export * from './experiment/search/analyticBracket.ts';
export * from './experiment/search/headcountAgents.ts';
export * from './experiment/studies/model.ts';
export * from './experiment/studies/readingNotes.ts';
