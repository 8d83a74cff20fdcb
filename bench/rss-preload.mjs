// Preloaded into a measured node process (node --import) when GNU time is not installed:
// writes the process's peak resident set size (KB) to $BENCH_RSS_FILE at exit.
import fs from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      fs.writeFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
    } catch {
      /* the figure is optional */
    }
  });
}
