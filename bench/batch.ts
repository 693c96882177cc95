/**
 * Batch benchmark (part of `npm run bench`): a synthetic corpus built deterministically from the default
 * corpus — articles recombining its sentences in each language, with years shifted and paragraphs
 * reordered — processed with --jobs 1 and --jobs 2 (full runs), then an incremental re-run after adding
 * 10 articles. Reports articles/s, MB/s and words/s, the jobs-2/jobs-1 ratio, the incremental run's share
 * of a full run, and peak RSS; writes bench/results/batch.json.
 *
 * Options: --articles N (default 10000), --keep (keep the generated corpus in bench/corpus-N).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../src/stages/index.js';
import { createDocument } from '../src/core/document.js';
import { buildPipeline, loadPipelineConfig } from '../src/core/pipeline.js';
import { sha256 } from '../src/io/inputs.js';
import { runBatch } from '../src/run.js';

const ROOT = join(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('--articles', 10_000);
const PIPELINE = join(ROOT, 'pipelines', 'default.json');

/** A small deterministic PRNG (mulberry32), so the corpus is the same on every machine. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Body sentences of the default corpus, per language. */
function sentencePools(): Map<string, string[]> {
  const pipeline = buildPipeline(loadPipelineConfig(PIPELINE));
  const pools = new Map<string, string[]>();
  for (const name of readdirSync(join(ROOT, 'corpus')).sort()) {
    const text = readFileSync(join(ROOT, 'corpus', name), 'utf8');
    const doc = pipeline.run(createDocument({ id: name, source: name, sha256: sha256(text), text }));
    const pool = pools.get(doc.language) ?? [];
    pool.push(...doc.sentences.map((s) => doc.text.slice(s.start, s.end)));
    pools.set(doc.language, pool);
  }
  return pools;
}

function generate(dir: string, from: number, count: number, pools: Map<string, string[]>) {
  const langs = [...pools.keys()].sort();
  for (let i = from; i < from + count; i++) {
    const rand = prng(i + 1);
    const lang = langs[i % langs.length] as string;
    const pool = pools.get(lang) as string[];
    const shift = Math.floor(rand() * 20) - 10;
    const paragraphs: string[] = [];
    const n = 8 + Math.floor(rand() * 8);
    for (let p = 0; p < n; p += 3) {
      const sentences: string[] = [];
      for (let k = 0; k < 3; k++)
        sentences.push(
          (pool[Math.floor(rand() * pool.length)] as string).replace(/\b(19|20)(\d{2})\b/g, (y) =>
            String(Number(y) + shift),
          ),
        );
      paragraphs.push(sentences.join(' '));
    }
    writeFileSync(join(dir, `art${String(i).padStart(6, '0')}.txt`), `${paragraphs.join('\n\n')}\n`);
  }
}

function corpusSize(dir: string): { bytes: number; words: number; articles: number } {
  let bytes = 0;
  let words = 0;
  const names = readdirSync(dir);
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8');
    bytes += statSync(join(dir, name)).size;
    words += text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  }
  return { bytes, words, articles: names.length };
}

async function timed(jobs: number, corpus: string, out: string, full: boolean) {
  const t0 = performance.now();
  const { report } = await runBatch({ inputs: [corpus], out, pipeline: PIPELINE, maxBytes: 5_000_000, jobs, full });
  return { seconds: (performance.now() - t0) / 1000, report };
}

const base = join(tmpdir(), `event-ledger-bench-${N}`);
rmSync(base, { recursive: true, force: true });
const corpus = join(base, 'corpus');
mkdirSync(corpus, { recursive: true });
const pools = sentencePools();
generate(corpus, 0, N, pools);
const size = corpusSize(corpus);
console.log(`synthetic corpus: ${size.articles} articles, ${(size.bytes / 1e6).toFixed(1)} MB, ${size.words} words`);

const rows: Record<string, number | string>[] = [];
const row = (label: string, seconds: number, articles: number, bytes: number, words: number) => {
  const r = {
    run: label,
    seconds: Math.round(seconds * 10) / 10,
    articlesPerSec: Math.round(articles / seconds),
    mbPerSec: Math.round((bytes / 1e6 / seconds) * 100) / 100,
    wordsPerSec: Math.round(words / seconds),
  };
  rows.push(r);
  console.log(
    `${label.padEnd(24)} ${String(r.seconds).padStart(8)} s ${String(r.articlesPerSec).padStart(7)} art/s ${r.mbPerSec.toFixed(2).padStart(7)} MB/s ${String(r.wordsPerSec).padStart(9)} words/s`,
  );
  return r;
};

const j1 = await timed(1, corpus, join(base, 'out1'), true);
row('full, --jobs 1', j1.seconds, size.articles, size.bytes, size.words);
const j2 = await timed(2, corpus, join(base, 'out2'), true);
row('full, --jobs 2', j2.seconds, size.articles, size.bytes, size.words);
generate(corpus, N, 10, pools);
const inc = await timed(2, corpus, join(base, 'out2'), false);
row('incremental, +10 articles', inc.seconds, 10, 0, 0);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const summary = {
  articles: size.articles,
  speedupJobs2: Math.round((j1.seconds / j2.seconds) * 100) / 100,
  incrementalShareOfFull: Math.round((inc.seconds / j2.seconds) * 1000) / 10,
  incrementalCached: inc.report.counts.cached,
  peakRssMb,
  stageMsJobs1: j1.report.timings,
};
console.log(
  `--jobs 2 / --jobs 1: ${summary.speedupJobs2}×; incremental re-run: ${summary.incrementalShareOfFull}% of a full run (${summary.incrementalCached} cached); peak RSS ${peakRssMb} MB`,
);
console.log('stage time with --jobs 1 (ms):', j1.report.timings.map((t) => `${t.stage} ${t.ms}`).join(', '));
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'batch.json'), `${JSON.stringify({ rows, summary }, null, 1)}\n`);
if (!process.argv.includes('--keep')) rmSync(base, { recursive: true, force: true });
