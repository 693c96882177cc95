/**
 * Throughput benchmark: `npm run bench`.
 *
 * Runs the default pipeline over the default corpus, repeated, and reports per stage and per language
 * articles/s, MB/s and words/s (the median of several rounds: the machines are shared and noisy), and
 * the peak RSS. Prints a table and writes bench/results/bench.json.
 *
 * For the English path it also times compromise on its own over the same sentences — `nlp(text)` with
 * people, places and organisations, its usual use — in the same rounds, so the two figures see the same
 * machine load; the ratio is printed.
 *
 * The name tagger gets rows of its own, in tokens/s per language over the corpus's sentences: the
 * whole tagger (tokens, scores with the language's hook, Viterbi) and the Viterbi decoding alone.
 *
 * Options: --rounds N (default 7), --repeat N (documents processed per round per article, default 20).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import '../src/stages/index.js';
import { createDocument } from '../src/core/document.js';
import { buildPipeline, loadPipelineConfig } from '../src/core/pipeline.js';
import { sha256 } from '../src/io/inputs.js';
import { getLanguage } from '../src/languages/index.js';
import { decode } from '../src/ner/perceptron.js';
import { loadModel, sentenceScores } from '../src/ner/tagger.js';
import { tokenize } from '../src/ner/tokens.js';
import { median, numberArg } from './args.js';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = numberArg('--rounds', 7);
const REPEAT = numberArg('--repeat', 20);

const pipeline = buildPipeline(loadPipelineConfig(join(ROOT, 'pipelines', 'default.json')));
const articles = readdirSync(join(ROOT, 'corpus'))
  .sort()
  .map((name) => readFileSync(join(ROOT, 'corpus', name), 'utf8'));

interface Totals {
  docs: number;
  bytes: number;
  words: number;
  ms: Map<string, number>;
}

const BASELINE = 'compromise alone';

/** compromise by itself over a text, as the English entity stage would use it: ms taken. */
function compromiseAlone(text: string): number {
  const t0 = performance.now();
  const d = nlp(text);
  d.people().json({ offset: true });
  d.places().json({ offset: true });
  d.organizations().json({ offset: true });
  return performance.now() - t0;
}

/** One round: every article REPEAT times; stage times attributed to the document's language. */
function round(): Map<string, Totals> {
  const byLang = new Map<string, Totals>();
  for (let r = 0; r < REPEAT; r++) {
    for (const [i, text] of articles.entries()) {
      const doc = createDocument({ id: `a${i}`, source: `a${i}.txt`, sha256: sha256(text), text });
      const timings = new Map<string, number>();
      const t0 = performance.now();
      pipeline.run(doc, timings);
      timings.set('total', performance.now() - t0);
      const body = doc.sentences.map((s) => doc.view.slice(s.start, s.end)).join(' ');
      const t = byLang.get(doc.language) ?? { docs: 0, bytes: 0, words: 0, ms: new Map() };
      t.docs++;
      t.bytes += Buffer.byteLength(text);
      t.words += body.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
      if (doc.language === 'en') timings.set(BASELINE, compromiseAlone(body));
      for (const [stage, ms] of timings) t.ms.set(stage, (t.ms.get(stage) ?? 0) + ms);
      byLang.set(doc.language, t);
    }
  }
  return byLang;
}

round(); // warm-up: JIT, lazy model and lexicon loading
const rounds = Array.from({ length: ROUNDS }, round);
const rows: { language: string; stage: string; articlesPerSec: number; mbPerSec: number; wordsPerSec: number }[] = [];
for (const language of [...(rounds[0]?.keys() ?? [])].sort()) {
  const first = rounds[0]?.get(language) as Totals;
  for (const stage of [...first.ms.keys()]) {
    const ms = median(rounds.map((r) => r.get(language)?.ms.get(stage) ?? 0));
    const sec = ms / 1000;
    rows.push({
      language,
      stage,
      articlesPerSec: Math.round(first.docs / sec),
      mbPerSec: Math.round((first.bytes / 1e6 / sec) * 100) / 100,
      wordsPerSec: Math.round(first.words / sec),
    });
  }
}
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

console.log(`median of ${ROUNDS} rounds, ${REPEAT}× the default corpus per round; peak RSS ${peakRssMb} MB`);
console.log('lang stage              articles/s      MB/s     words/s');
for (const r of rows) {
  console.log(
    `${r.language.padEnd(4)} ${r.stage.padEnd(18)} ${String(r.articlesPerSec).padStart(10)} ${r.mbPerSec.toFixed(2).padStart(9)} ${String(r.wordsPerSec).padStart(11)}`,
  );
}
const words = (stage: string) => rows.find((r) => r.language === 'en' && r.stage === stage)?.wordsPerSec ?? 0;
const englishVsCompromise = Math.round((words('total') / words(BASELINE)) * 1000) / 10;
console.log(
  `English path: ${words('total')} words/s = ${englishVsCompromise}% of compromise alone (${words(BASELINE)} words/s)`,
);

// The tagger alone, per language: sentences of one processed pass over the corpus.
const sentencesByLang = new Map<string, string[]>();
for (const [i, text] of articles.entries()) {
  const doc = pipeline.run(createDocument({ id: `a${i}`, source: `a${i}.txt`, sha256: sha256(text), text }));
  for (const s of doc.sentences) {
    const list = sentencesByLang.get(s.language) ?? [];
    list.push(doc.view.slice(s.start, s.end));
    sentencesByLang.set(s.language, list);
  }
}
const taggerRows: { language: string; tokensPerSec: number; decodeTokensPerSec: number }[] = [];
for (const [language, sentences] of [...sentencesByLang].sort()) {
  const hook = getLanguage(language)?.ner;
  if (!hook) continue;
  const model = loadModel(hook.model);
  const timeRound = () => {
    let tokens = 0;
    let decoding = 0;
    const t0 = performance.now();
    for (let r = 0; r < REPEAT; r++) {
      for (const text of sentences) {
        const toks = tokenize(text);
        tokens += toks.length;
        const scores = sentenceScores(model, hook, text, toks);
        const t1 = performance.now();
        decode(model, scores);
        decoding += performance.now() - t1;
      }
    }
    return { tokens, ms: performance.now() - t0, decode: decoding };
  };
  timeRound();
  const runs = Array.from({ length: ROUNDS }, timeRound);
  const tokens = runs[0]?.tokens ?? 0;
  taggerRows.push({
    language,
    tokensPerSec: Math.round(tokens / (median(runs.map((x) => x.ms)) / 1000)),
    decodeTokensPerSec: Math.round(tokens / (median(runs.map((x) => x.decode)) / 1000)),
  });
}
console.log('lang tagger            tokens/s   of which decoding alone, tokens/s');
for (const r of taggerRows)
  console.log(
    `${r.language.padEnd(4)} ${'ner tagger'.padEnd(15)} ${String(r.tokensPerSec).padStart(11)} ${String(r.decodeTokensPerSec).padStart(11)}`,
  );

mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'results', 'bench.json'),
  `${JSON.stringify({ rounds: ROUNDS, repeat: REPEAT, peakRssMb, englishVsCompromise, rows, taggerRows }, null, 1)}\n`,
);
