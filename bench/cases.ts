// Benchmark cases: scenario files written inline so the figures are reproducible from this file alone.


/** 24 hourly weights of a government hotline's day (the Liaocheng scenario's assumption). */
const DAY_SHAPE = [0.8, 0.5, 0.4, 0.3, 0.3, 0.4, 0.8, 2.0, 4.5, 7.0, 7.5, 6.5, 4.5, 5.0, 6.8, 7.0, 6.3, 5.0, 3.5, 3.0, 2.6, 2.0, 1.5, 1.1];

function realisticYaml(): string {
  // 0.711 calls/s on average, shaped by the hour; agents sized to a 90% offered load in each half-hour.
  const meanPerHour = 0.711 * 3600;
  const total = DAY_SHAPE.reduce((s, w) => s + w, 0);
  const rates = DAY_SHAPE.flatMap((w) => [w, w]).map((w) => (meanPerHour * 24 * w) / total);
  const handle = 240 + 30;
  const agents = rates.map((r) => Math.max(1, Math.ceil((r * handle) / 3600 / 0.9)));
  return `
name: Realistic year (benchmark)
horizon: { days: 365 }
arrivals: { callsPerHour: [${rates.map((r) => r.toFixed(3)).join(', ')}] }
talkTime: { distribution: lognormal, mean: 240, cv: 1.0 }
wrapUpTime: { distribution: deterministic, value: 30 }
patience: { distribution: exponential, mean: 120 }
agents: [${agents.join(', ')}]
replications: 1
seed: 1
`;
}

function workloadYaml(): string {
  // The realistic year plus a 12345 operator's other work: 30% of answered calls owe a return
  // visit (Changzhou's outbound is ≈ 23% of all calls), and online requests at 17% of the calls.
  // Agents are sized for all of it (inbound 270 s + 0.3 × 205 s outbound + 0.17 × 240 s online
  // per call, at 90% load), so the backlog stays bounded.
  const perDay = 0.711 * 3600 * 24;
  const weights = DAY_SHAPE.flatMap((w) => [w, w]);
  const total = DAY_SHAPE.reduce((s, w) => s + w, 0);
  const workPerCall = 270 + 0.3 * 205 + 0.17 * 240;
  const agents = weights.map((w) => Math.max(2, Math.ceil((perDay * w) / total / 3600 * workPerCall / 0.9)));
  return (
    realisticYaml()
      .replace('Realistic year (benchmark)', 'Realistic year with outbound and online work (benchmark)')
      .replace(/agents: \[[^\]]*\]/, `agents: [${agents.join(', ')}]`) +
    `
outbound:
  fromAnswered: { share: 0.3, deadline: "24 h" }
  talkTime: { distribution: lognormal, mean: 175, cv: 0.8 }
  wrapUpTime: { distribution: deterministic, value: 30 }
  window: { from: "09:00", to: "21:00" }
  answerProbability: 0.8
  reserve: 2
online:
  arrivals: { dailyCalls: ${Math.round(perDay * 0.17)}, intradayShape: [${weights.join(', ')}] }
  handleTime: { distribution: gamma, mean: 240, cv: 0.8 }
  agents: shared
  reserve: 1
`
  );
}

export const BENCH_CASES: Record<string, { description: string; yaml: () => string; path?: 'events' }> = {
  standard: {
    description: 'Standard year: 237 agents 7x24, 0.711 calls/s (90% load), exp talk 300 s, no wrap-up, exp patience 120 s, 365 days, 1 replication',
    yaml: () => `
name: Standard year (benchmark)
horizon: { days: 365 }
arrivals: { callsPerHour: ${0.711 * 3600} }
talkTime: { distribution: exponential, mean: 300 }
patience: { distribution: exponential, mean: 120 }
agents: 237
replications: 1
seed: 1
`,
  },
  'standard-events': {
    description: 'The standard year through the event-driven path (the same model and counts; target ≤ 2× the fast path)',
    yaml: () => BENCH_CASES.standard.yaml(),
    path: 'events',
  },
  realistic: {
    description: 'Realistic year: same volume, lognormal talk (240 s, cv 1), 30 s wrap-up, 48 half-hours a day with a day-shaped rate and matching agents',
    yaml: realisticYaml,
  },
  'realistic-workload': {
    description: 'The realistic year plus outbound return visits (30% of answered calls) and an online channel (17% of calls) on shared agents',
    yaml: workloadYaml,
  },
  guangzhou: {
    description: 'Guangzhou scale: 41M calls in a year (1.30 calls/s), exp talk 300 s, exp patience 120 s, 434 agents (90% load)',
    yaml: () => `
name: Guangzhou scale (benchmark)
horizon: { days: 365 }
arrivals: { annualCalls: 41000000 }
talkTime: { distribution: exponential, mean: 300 }
patience: { distribution: exponential, mean: 120 }
agents: 434
replications: 1
seed: 1
`,
  },
};
