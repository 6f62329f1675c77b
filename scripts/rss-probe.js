// Preloaded into a benchmarked exitkit process: records its peak resident memory (max RSS) at exit.
import { writeFileSync } from 'node:fs';

const out = process.env.EXITKIT_RSS_OUT;
if (out) {
  process.on('exit', () => {
    writeFileSync(out, String(process.resourceUsage().maxRSS * 1024));
  });
}
