/**
 * A large synthetic corpus, built deterministically from the default corpus: articles recombining its
 * body sentences in each language, with years shifted and sentences drawn by a seeded PRNG, so every
 * machine builds the same files. Used by the benchmarks and by the tests that need a few hundred
 * articles.
 *
 * As a command: `tsx bench/synthetic.ts DIR COUNT [FROM]` writes articles FROM..FROM+COUNT-1 to DIR.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import '../src/stages/index.js';
import { createDocument } from '../src/core/document.js';
import { buildPipeline, loadPipelineConfig } from '../src/core/pipeline.js';
import { sha256 } from '../src/io/inputs.js';

const ROOT = join(import.meta.dirname, '..');
const DEFAULT_PIPELINE = join(ROOT, 'pipelines', 'default.json');

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
export function sentencePools(pipelineFile = DEFAULT_PIPELINE): Map<string, string[]> {
  const pipeline = buildPipeline(loadPipelineConfig(pipelineFile));
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

export function generate(dir: string, from: number, count: number, pools: Map<string, string[]>) {
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

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [dir, count, from] = process.argv.slice(2);
  if (!dir || !count) throw new Error('usage: tsx bench/synthetic.ts DIR COUNT [FROM]');
  mkdirSync(dir, { recursive: true });
  generate(dir, Number(from ?? 0), Number(count), sentencePools());
}
