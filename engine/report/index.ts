export * from './format.ts';
export * from './runReport.ts';
export * from './output.ts';
export * from './csv.ts';
export * from './budgetReport.ts';
export * from './html.ts';
export * from './staffReport.ts';
export * from './json.ts';
