// A progress bar on stderr for runs that take more than a couple of seconds; silent when
// stderr is not a terminal or with --quiet.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string, quiet: boolean, unit = 'replications'): Progress {
  if (quiet || !process.stderr.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(done, total) {
      const elapsed = Date.now() - started;
      // Show the bar only when the whole run is projected to take more than 2 s.
      if (!bar && done < total && (elapsed / done) * total > 2000) {
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} [{bar}] {value}/{total} ${unit} | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
