// hotline-sim's public API: the core (engine/core.ts, runs in a browser too) and the Node layer
// on top of it (reading scenario files, the replication pool, studies, reports and output folders).
export * from './core.ts';
export * from './scenario/load.ts';
export * from './experiment/studies/run.ts';
export * from './experiment/pool/pool.ts';
export * from './experiment/pool/nodeThreads.ts';
export * from './experiment/studies/sweep.ts';
export * from './report/index.ts';
export * from './experiment/studies/budgetStudy.ts';
export * from './experiment/search/requirement.ts';
export * from './experiment/search/staffing.ts';
export * from './experiment/search/rosterSolver.ts';
export * from './api.ts';
export * from './experiment/calibrate/calibrate.ts';
export * from './experiment/calibrate/priceFit.ts';
export { calibratedNotes, calibratedYaml, type CalibratedNote } from './experiment/calibrate/calibratedYaml.ts';
export { CalibrationError } from './experiment/calibrate/solve.ts';
export * from './experiment/calibrate/plausible.ts';
export * from './experiment/calibrate/alternatives.ts';
export * from './experiment/calibrate/publishedFits.ts';
export * from './experiment/calibrate/analyticRange.ts';
export * from './experiment/calibrate/answers.ts';
export * from './experiment/calibrate/sensitivity.ts';
export * from './experiment/search/headcountAnswer.ts';
