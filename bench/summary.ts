/**
 * The last step of `npm run bench`: the figures the project tracks, in one table, from the results the
 * stage and batch benchmarks just wrote (bench/results/bench.json and batch.json), each beside its
 * target, with the machine's load average (the machines are shared: a figure means little without it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const RESULTS = join(import.meta.dirname, 'results');
const read = <T>(name: string): T | undefined =>
  existsSync(join(RESULTS, name)) ? (JSON.parse(readFileSync(join(RESULTS, name), 'utf8')) as T) : undefined;

const stages = read<{
  rounds: number;
  englishVsCompromise: number;
  rows: { language: string; stage: string; wordsPerSec: number }[];
}>('bench.json');
const batch = read<{
  summary: {
    articles: number;
    rounds: number;
    speedupJobs2: number;
    speedupJobs2ByRound: number[];
    incrementalShareOfFull: number;
    peakRssMbByRun: { jobs2: number };
    loadAverage: number[];
  };
}>('batch.json');

const total = (language: string) =>
  stages?.rows.find((r) => r.language === language && r.stage === 'total')?.wordsPerSec ?? Number.NaN;
const lines: [string, string, string][] = [];
if (stages) {
  lines.push(['English path, share of compromise alone', `${stages.englishVsCompromise}%`, '>= 80%']);
  lines.push(['Russian path, words/s (one core)', String(total('ru')), '>= 150000']);
  lines.push(['Azerbaijani path, words/s (one core)', String(total('az')), '>= 150000']);
}
if (batch) {
  const s = batch.summary;
  lines.push([
    `--jobs 2 over --jobs 1, ${s.articles} articles`,
    `${s.speedupJobs2}x (min ${Math.min(...s.speedupJobs2ByRound)}x)`,
    '>= 1.7x every round',
  ]);
  lines.push([`re-run after +10 of ${s.articles}, share of a full run`, `${s.incrementalShareOfFull}%`, '<= 3%']);
  lines.push([`peak RSS, ${s.articles} articles, --jobs 2`, `${s.peakRssMbByRun.jobs2} MB`, '< 600 MB']);
}
console.log(
  `\nsummary (medians: stages ${stages?.rounds ?? '-'} rounds, batch ${batch?.summary.rounds ?? '-'} rounds; load average now ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')})`,
);
const w0 = Math.max(...lines.map((l) => l[0].length));
const w1 = Math.max(...lines.map((l) => l[1].length));
for (const [what, value, target] of lines) console.log(`${what.padEnd(w0)}  ${value.padStart(w1)}  target ${target}`);
