import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../src/stages/index.js';
import { createDocument, type Document } from '../src/core/document.js';
import { buildPipeline, loadPipelineConfig } from '../src/core/pipeline.js';
import { sha256 } from '../src/io/inputs.js';

export const ROOT = join(import.meta.dirname, '..');
export const CORPUS = join(ROOT, 'corpus');
export const DEFAULT_PIPELINE = join(ROOT, 'pipelines', 'default.json');

const pipeline = buildPipeline(loadPipelineConfig(DEFAULT_PIPELINE));

/** Runs the default per-document pipeline over a text, as `run` would for a file with this content. */
export function processText(text: string, opts: { id?: string; published?: string; language?: string } = {}): Document {
  const doc = createDocument({
    id: opts.id ?? 'test',
    source: `${opts.id ?? 'test'}.txt`,
    sha256: sha256(text),
    text,
    meta: {
      ...(opts.published ? { publishedGiven: opts.published } : {}),
      ...(opts.language ? { languageGiven: opts.language } : {}),
    },
  });
  return pipeline.run(doc);
}

export function seed(prefix: string): string {
  const names = [
    '000_f0915fb445e54b2e.txt',
    '001_73bb838e4968436b.txt',
    '002_107a682af53bfd50.txt',
    '003_229985a0bfa493f7.txt',
    '004_83205e02681364cb.txt',
  ];
  const name = names.find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(CORPUS, name), 'utf8');
}

/** Values of the date mentions found in a sentence processed on its own. */
export function dateValues(text: string, published?: string): string[] {
  return processText(text, published ? { published } : {}).dates.map((d) => (d.mod ? `${d.value}~${d.mod}` : d.value));
}
