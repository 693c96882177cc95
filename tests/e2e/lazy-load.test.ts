import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/**
 * The NLP libraries and dictionaries load with the first text of their language, not at import: the
 * main thread of a run with worker threads, a merge, or a batch without English or Russian never holds
 * them (compromise ~45 MB, wink's model ~60 MB, the Russian dictionaries ~60 MB).
 */
function loadedAfter(body: string): { packages: string[]; result: string } {
  const script = `
import { createRequire } from 'node:module';
import './src/stages/index.js';
import { createDocument } from './src/core/document.js';
import { buildPipeline, loadPipelineConfig } from './src/core/pipeline.js';
const pipeline = buildPipeline(loadPipelineConfig('pipelines/default.json'));
const run = (id, text) => pipeline.run(createDocument({ id, source: id + '.txt', sha256: id, text }));
${body}
const cache = Object.keys(createRequire(import.meta.url).cache);
const packages = ['compromise', 'wink-eng-lite-web-model', 'az'].filter((p) => cache.some((f) => f.includes('/node_modules/' + p + '/')));
console.log(JSON.stringify({ packages, result: globalThis.result ?? '' }));
`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout.trim().split('\n').pop() as string);
}

describe('heavy libraries load on first use', () => {
  it('are not loaded by importing and building the pipeline', () => {
    expect(loadedAfter('').packages).toEqual([]);
  });

  it('load the Russian dictionaries for Russian text only, and they work when loaded so', () => {
    const { packages, result } = loadedAfter(`
const doc = run('ru', 'В понедельник президент Ильхам Алиев встретился в Ташкенте с Шавкатом Мирзиёевым.');
globalThis.result = [...doc.entityRecords.keys()].sort().join(' ');`);
    expect(packages).toEqual(['az']);
    expect(result).toContain('person:shavkat-mirziyoyev');
  });

  it('load compromise and wink for English text', () => {
    const { packages, result } = loadedAfter(`
const doc = run('en', 'President Ilham Aliyev met Shavkat Mirziyoyev in Tashkent on Monday. They signed an agreement.');
globalThis.result = String(doc.sentences.length);`);
    expect(packages).toEqual(['compromise', 'wink-eng-lite-web-model']);
    expect(result).toBe('2');
  });
});
