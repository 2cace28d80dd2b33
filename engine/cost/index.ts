/** Cost model of a 12345 hotline: pure functions of plain data. See README.md. */
export * from './schema.ts';
export * from './holidays.ts';
export * from './socialInsurance.ts';
export * from './labour.ts';
export * from './seats.ts';
export * from './tax.ts';
export * from './budget.ts';
export * from './inversions.ts';
export * from './risk.ts';
export * from './staff.ts';
export * from './onSeat.ts';
export * from './inhouse.ts';
export * from './parameters/index.ts';
export * from './rules.ts';
export * from './bid.ts';
