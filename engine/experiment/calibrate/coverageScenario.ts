// The scenario of the calibration coverage experiment (coverage.test.ts, fast; bench/coverage.ts,
// full): a small line whose agents on seat follow demand, so the connection rate is a staircase in
// the share of the payroll on the phones.
const DAY = [0.8, 0.5, 0.4, 0.3, 0.3, 0.4, 0.8, 2.0, 4.5, 7.0, 7.5, 6.5, 4.5, 5.0, 6.8, 7.0, 6.3, 5.0, 3.5, 3.0, 2.6, 2.0, 1.5, 1.1];

export function coverageScenario(phoneShare: number, seed: number, replications: number, days = 1, dailyCalls = 1500): string {
  return `
name: coverage experiment
startDate: 2024-03-04
horizon: { days: ${days} }
arrivals: { dailyCalls: ${dailyCalls}, intradayShape: [${DAY.join(', ')}] }
talkTime: { distribution: lognormal, mean: 150, cv: 1 }
wrapUpTime: { distribution: gamma, mean: 120, cv: 0.5 }
patience: { distribution: exponential, mean: 120 }
agents: { headcount: 90, peoplePerSeat: 6, profile: demand, minOnSeat: 1 }
payroll: { phoneShare: ${phoneShare} }
seed: ${seed}
replications: ${replications}
`;
}
