import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/ledger/merge.js';
import { runBatch } from '../../src/run.js';
import { CORPUS, DEFAULT_PIPELINE, ROOT } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'event-ledger-batch-'));
const run = (inputs: string[], out: string, extra: { jobs?: number; full?: boolean; prune?: boolean } = {}) =>
  runBatch({ inputs, out, pipeline: DEFAULT_PIPELINE, maxBytes: 5_000_000, ...extra });
/** The results stored in a cache folder's packs so far (each entry starts with a key line). */
const storedEntries = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.pack'))
    .reduce((n, f) => n + (readFileSync(join(dir, f), 'latin1').match(/^[0-9a-f]{32} \d+\nv2 /gm)?.length ?? 0), 0);
const ledgerOf = (out: string) => readFileSync(join(out, 'ledger.json'), 'utf8');

/** A corpus of n articles: the seeds repeated under distinct names, with a varying sentence added. */
function bigCorpus(n: number): string {
  const dir = tmp();
  const seeds = readdirSync(CORPUS).sort();
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length] as string;
    const text = readFileSync(join(CORPUS, seed), 'utf8');
    writeFileSync(join(dir, `a${String(i).padStart(4, '0')}.txt`), `${text}\n\nArticle number ${i} of the archive.\n`);
  }
  return dir;
}

describe('incremental runs', () => {
  it('reuses cached results, reprocesses changed articles and, with prune, drops removed ones', async () => {
    const corpus = tmp();
    cpSync(CORPUS, corpus, { recursive: true });
    const out = tmp();
    const first = await run([corpus], out);
    expect(first.report.counts.cached).toBe(0);
    const second = await run([corpus], out);
    expect(second.report.counts.cached).toBe(5);
    expect(second.ledger).toEqual(first.ledger);

    // Changing one article reprocesses it alone.
    const changed = join(corpus, '001_73bb838e4968436b.txt');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nThe sides met again in Baku on 5 May 2026.\n`);
    const third = await run([corpus], out);
    expect(third.report.counts.cached).toBe(4);

    // Removing an article removes its mentions, and events left without mentions leave the ledger.
    rmSync(join(corpus, '002_107a682af53bfd50.txt'));
    const fourth = await run([corpus], out, { prune: true });
    const docs = new Set(fourth.ledger.events.flatMap((e) => e.mentions.map((m) => m.document)));
    expect(docs.has('002_107a682af53bfd50')).toBe(false);
    expect(fourth.ledger.documents.map((d) => d.id)).not.toContain('002_107a682af53bfd50');
    const full = await run([corpus], tmp(), { full: true });
    expect(fourth.ledger).toEqual(full.ledger);
  });

  it('writes over a grown corpus the bytes a full run writes, and trusts no edited documents.jsonl', async () => {
    const seeds = readdirSync(CORPUS).sort();
    const corpus = tmp();
    for (const name of seeds.slice(0, 3)) cpSync(join(CORPUS, name), join(corpus, name));
    const out = tmp();
    await run([corpus], out);
    const same = async () => {
      const full = tmp();
      await run([corpus], full, { full: true });
      expect(readFileSync(join(out, 'documents.jsonl'), 'utf8')).toBe(
        readFileSync(join(full, 'documents.jsonl'), 'utf8'),
      );
      expect(ledgerOf(out)).toBe(ledgerOf(full));
    };
    // Grown: the unchanged documents' lines are copied forward, with the event ids the merge now gives.
    cpSync(join(CORPUS, seeds[3] as string), join(corpus, seeds[3] as string));
    await run([corpus], out);
    await same();
    // An edited documents.jsonl (here one line of an unchanged document, still valid JSON) is not
    // copied from: its lines are written from the stored results again.
    const path = join(out, 'documents.jsonl');
    const edited = readFileSync(path, 'utf8').replace('"language":"', '"language": "');
    writeFileSync(path, edited);
    cpSync(join(CORPUS, seeds[4] as string), join(corpus, seeds[4] as string));
    await run([corpus], out);
    await same();
  });

  it('gives the same ledger with worker threads as in-process', async () => {
    const corpus = bigCorpus(20);
    const a = tmp();
    const b = tmp();
    await run([corpus], a, { jobs: 1 });
    const threaded = await run([corpus], b, { jobs: 2 });
    expect(threaded.report.jobs).toBe(2);
    expect(ledgerOf(b)).toBe(ledgerOf(a));
    expect(readFileSync(join(b, 'documents.jsonl'), 'utf8')).toBe(readFileSync(join(a, 'documents.jsonl'), 'utf8'));
  });
});

describe('a run killed midway', () => {
  it('leaves the previous outputs intact, and the next run resumes from the cache', async () => {
    const corpus = bigCorpus(60);
    const out = tmp();
    // A previous, complete run over the first article only.
    const small = tmp();
    cpSync(join(corpus, 'a0000.txt'), join(small, 'a0000.txt'));
    await run([small], out);
    const before = ledgerOf(out);

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'run', corpus, '--out', out, '--jobs', '1', '--quiet'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    // Kill it once some documents are cached but long before all 60 are done.
    const cacheDir = join(out, '.cache');
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const n = existsSync(cacheDir) ? storedEntries(cacheDir) : 0;
        if (n >= 6) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the run finished before it could be killed'));
      });
    });
    await new Promise((r) => child.once('close', r));
    expect(ledgerOf(out)).toBe(before);
    expect(() => JSON.parse(readFileSync(join(out, 'documents.jsonl'), 'utf8').split('\n')[0] as string)).not.toThrow();

    const resumed = await run([corpus], out);
    expect(resumed.report.counts.cached).toBeGreaterThanOrEqual(6);
    const fresh = await run([corpus], tmp(), { full: true });
    expect(resumed.ledger).toEqual(fresh.ledger);
    expect(JSON.parse(ledgerOf(out)) as Ledger).toEqual(fresh.ledger);
  });
});
