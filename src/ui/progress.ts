import type { IO } from '../cli/io.js';

export interface Progress {
  /** Sets the amount done (same unit as total). */
  update(done: number): void;
  stop(): void;
}

const NOOP: Progress = { update() {}, stop() {} };

/**
 * A progress bar on stderr, only when stderr is a terminal and not --quiet.
 * Redraws at most ~10 times a second so it never slows the work it reports on.
 */
export function startProgress(io: IO, label: string, total: number, unit = ''): Progress {
  if (!io.stderrIsTTY || io.quiet || total <= 0) return NOOP;
  let last = 0;
  const width = 30;
  const draw = (done: number) => {
    const ratio = Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    const pct = (ratio * 100).toFixed(0).padStart(3);
    io.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${unit}`);
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    stop() {
      io.stderr.write('\r\x1b[2K');
    },
  };
}
