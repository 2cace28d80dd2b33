export * from './format.ts';
export * from './runReport.ts';
export * from './output.ts';
export * from './csv.ts';
