// Preloaded into a measured node process (node --import) when GNU time is not installed:
// writes the process's peak resident set size (KB) to $BENCH_RSS_FILE at exit.
import fs from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS) + '\n');
    } catch {
      /* the figure is optional */
    }
  });
}
