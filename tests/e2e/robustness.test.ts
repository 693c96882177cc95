import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/ledger/merge.js';
import { runBatch } from '../../src/run.js';
import { CORPUS, DEFAULT_PIPELINE, ROOT, seed } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'event-ledger-robust-'));
const run = (inputs: string[], out: string, extra: Partial<Parameters<typeof runBatch>[0]> = {}) =>
  runBatch({ inputs, out, pipeline: DEFAULT_PIPELINE, maxBytes: 5_000_000, ...extra });
const ledgerOf = (out: string) => JSON.parse(readFileSync(join(out, 'ledger.json'), 'utf8')) as Ledger;

/** The CLI in a child process: exit status and stderr. */
function cli(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** Every file of a folder with its bytes, to tell that a command changed nothing. */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = join(prefix, e.name);
    if (e.isDirectory()) Object.assign(out, snapshot(dir, rel));
    else out[rel] = readFileSync(join(dir, rel)).toString('base64');
  }
  return out;
}

const STACK = /^\s+at .+\(|^\s+at .+:\d+:\d+$/m;

describe('a run adds to the ledger in its output folder', () => {
  it('keeps every earlier event when new articles are added, and a missing path changes no byte', async () => {
    const out = tmp();
    const first = await run([CORPUS], out);
    const fresh = tmp();
    writeFileSync(join(fresh, 'extra.txt'), seed('001').replace(/Uzbekistan/g, 'Kazakhstan'));
    const second = await run([fresh], out);
    expect(second.report.counts).toMatchObject({ kept: 5, inputs: 1, processed: 6 });
    const ids = new Set(second.ledger.events.flatMap((e) => e.mentions.map((m) => `${m.document}:${m.start}`)));
    for (const e of first.ledger.events)
      for (const m of e.mentions) expect(ids.has(`${m.document}:${m.start}`)).toBe(true);
    expect(second.ledger.documents.map((d) => d.id)).toContain('extra');
    // The run report names the exact pair of outputs it was written with.
    for (const [file, sha] of Object.entries(second.report.outputs ?? {}))
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, file)))
          .digest('hex'),
      ).toBe(sha);
    expect(Object.keys(second.report.outputs ?? {}).sort()).toEqual(['documents.jsonl', 'ledger.json']);

    const before = snapshot(out);
    const r = await cli('run', join(fresh, 'missing'), '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(r.stderr).not.toMatch(STACK);
    expect(snapshot(out)).toEqual(before);
  });

  it('with --prune keeps exactly the inputs, and refuses to drop more than half without --force', async () => {
    const out = tmp();
    await run([CORPUS], out);
    const one = tmp();
    cpSync(join(CORPUS, '001_73bb838e4968436b.txt'), join(one, '001_73bb838e4968436b.txt'));
    await expect(run([one], out, { prune: true })).rejects.toThrow(/would drop 4 of the 5 documents/);
    expect(ledgerOf(out).documents).toHaveLength(5);
    const pruned = await run([one], out, { prune: true, force: true });
    expect(pruned.report.counts).toMatchObject({ dropped: 4, processed: 1, kept: 0 });
    expect(ledgerOf(out).documents.map((d) => d.id)).toEqual(['001_73bb838e4968436b']);
  });
});

describe('the store is checked, not trusted', () => {
  it('processes again, with a warning, a cached result cut short or of the wrong shape', async () => {
    const out = tmp();
    await run([CORPUS], out);
    const good = readFileSync(join(out, 'documents.jsonl'), 'utf8');
    // Three entries of the result pack damaged in place: one altered, two of the wrong shape (with a
    // checksum that matches, as a faulty writer would leave them).
    const cache = join(out, '.cache');
    const index = JSON.parse(readFileSync(join(cache, 'index.json'), 'utf8')) as {
      packs: string[];
      entries: Record<string, [number, number, number]>;
    };
    const [a, b, c] = Object.values(index.entries) as [
      [number, number, number],
      [number, number, number],
      [number, number, number],
    ];
    const pack = join(cache, index.packs[0] as string);
    const bytes = readFileSync(pack);
    const rewrite = ([, offset, length]: [number, number, number], body: string) => {
      const padded = body.padEnd(length - 68, ' ');
      bytes.write(`v2 ${createHash('sha256').update(padded).digest('hex')}\n${padded}`, offset, 'latin1');
    };
    bytes.fill(0x20, a[1] + a[2] - 200, a[1] + a[2]);
    rewrite(b, '{}');
    rewrite(c, '{"merge":{}}');
    writeFileSync(pack, bytes);
    const again = await run([CORPUS], out);
    expect(again.report.counts).toMatchObject({ cached: 2, failed: 0, processed: 5 });
    expect(again.report.warnings.filter((w) => w.code === 'damaged-cache')).toHaveLength(3);
    expect(readFileSync(join(out, 'documents.jsonl'), 'utf8')).toBe(good);
    for (const line of good.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('no input stalls or crashes the batch', () => {
  it('fails a document over its time budget with the reason, and goes on', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), seed('001'));
    writeFileSync(join(dir, 'b.txt'), seed('002'));
    const { report } = await run([dir], tmp(), { timeBudget: 0.00001 });
    expect(report.counts.failed).toBe(2);
    expect(report.failures.map((f) => f.code)).toEqual(['time-budget', 'time-budget']);
    expect(report.failures[0]?.message).toMatch(/over its budget .* raise --time-budget/);
  });

  it('takes no event date from an impossible publication date', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'r.jsonl'), `${JSON.stringify({ id: 'x', text: seed('002'), published: '9999-99-99' })}\n`);
    const { ledger, report } = await run([dir], tmp());
    expect(ledger.events.every((e) => !e.date?.value.startsWith('9999'))).toBe(true);
    expect(report.warnings.some((w) => w.code === 'bad-published')).toBe(true);
  });
});

describe('exit codes that mean one thing', () => {
  it('exits 2 with one line and no stack for usage and environment errors', async () => {
    const dir = tmp();
    const out = tmp();
    await run([CORPUS], out);
    writeFileSync(join(dir, 'a-file'), 'x');
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'ledger.json'), JSON.stringify({ ...ledgerOf(out), schema: 'event-ledger/0' }));
    const cases: [string[], RegExp][] = [
      [['eval', '--gold', join(dir, 'missing.json'), '--out', out], /no gold file/],
      [['eval', '--gold', join(ROOT, 'tests/gold/seeds.gold.json'), '--out', join(dir, 'nothing')], /no ledger in/],
      [['run', CORPUS, '--out', join(dir, 'a-file')], /is a file; give a folder/],
      [['export', '--format', 'sqlite', '--from', out, '--db', join(dir, 'no', 'such', 'x.sqlite')], /does not exist/],
      [['diff', out, other], /schema "event-ledger\/0"/],
      [['enqueue', CORPUS, '--redis', 'redis://127.0.0.1:99999'], /not a Redis URL/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(...args)));
    results.forEach((r, i) => {
      const [args, message] = cases[i] as [string[], RegExp];
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  });

  it('lets one run at a time write an output folder', async () => {
    const dir = tmp();
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `a${i}.txt`), `${seed('001')}\n\nArticle ${i}.\n`);
    const out = tmp();
    // Both start together: whichever takes the folder first writes it; the other is refused at once.
    const [a, b] = await Promise.all([
      cli('run', dir, '--out', out, '--jobs', '1', '--quiet'),
      cli('run', dir, '--out', out, '--jobs', '1', '--quiet'),
    ]);
    expect([a.status, b.status].sort()).toEqual([0, 2]);
    expect([a.stderr, b.stderr].join('')).toMatch(/another run \(pid \d+\) is writing to/);
    expect(ledgerOf(out).documents).toHaveLength(30);
  });
});
