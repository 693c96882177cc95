import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/run.js';
import { DEFAULT_PIPELINE } from '../helpers.js';

const records = (out: string) =>
  readFileSync(join(out, 'documents.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('a language stated by the caller', () => {
  it('takes a JSONL record\'s "language" over detection, a run\'s --language for the rest, and says which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-lang-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      [
        { id: 'stated', text: '7 января 2019 года', language: 'ru' },
        { id: 'default', text: 'Cümə axşamı, 14 mart 2024-cü il' },
        { id: 'bad', text: 'Some text', language: 'English' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const out = join(dir, 'out');
    const { report } = await runBatch({
      inputs: [input],
      out,
      pipeline: DEFAULT_PIPELINE,
      maxBytes: 1e6,
      language: 'az',
    });
    const byId = Object.fromEntries(records(out).map((r) => [r.id, r]));
    expect(byId.stated).toMatchObject({ language: 'ru', languageSource: 'given' });
    expect(byId.stated.dates.map((d: { value: string }) => d.value)).toEqual(['2019-01-07']);
    expect(byId.default).toMatchObject({ language: 'az', languageSource: 'given' });
    expect(byId.bad).toBeUndefined();
    const bad = report.failures.find((f) => f.source.endsWith(':3'));
    expect(bad?.code).toBe('malformed-jsonl');
    expect(bad?.message).toMatch(/ISO 639-1/);
  });

  it('re-runs a document whose stated language changed instead of reusing its cached result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-lang-'));
    const input = join(dir, 'in.jsonl');
    const out = join(dir, 'out');
    writeFileSync(input, `${JSON.stringify({ id: 'x', text: 'Prezident Bakıya gəlib.' })}\n`);
    await runBatch({ inputs: [input], out, pipeline: DEFAULT_PIPELINE, maxBytes: 1e6 });
    expect(records(out)[0]).toMatchObject({ language: 'az', languageSource: 'detected' });
    const { report } = await runBatch({
      inputs: [input],
      out,
      pipeline: DEFAULT_PIPELINE,
      maxBytes: 1e6,
      language: 'tr',
    });
    expect(report.counts.cached).toBe(0);
    expect(records(out)[0]).toMatchObject({ language: 'tr', languageSource: 'given' });
  });
});
