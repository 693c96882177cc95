// Loaded with `node --import` into a benchmarked run: at exit, writes the process's peak resident set
// (every thread's, in KB, as getrusage reports it) to the file BENCH_PEAK_RSS_FILE names. The run
// report's own figure is taken before the report is written, so it misses whatever comes after.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
