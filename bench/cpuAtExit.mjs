// Preloaded (node --import) into a command the bench times: at exit, this process's CPU seconds
// (all its threads, workers included) and peak RSS, as one JSON line on stderr. A child's CPU time
// is not otherwise visible to Node, and CPU time, unlike wall time, is not inflated by neighbours.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\nCPU-AT-EXIT ${JSON.stringify({ cpuSeconds: (u.user + u.system) / 1e6, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
});
