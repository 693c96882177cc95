import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreRun } from '../../src/eval/score.js';
import type { Ledger } from '../../src/ledger/merge.js';
import type { DocumentRecord } from '../../src/ledger/records.js';
import { runBatch } from '../../src/run.js';
import { CORPUS, DEFAULT_PIPELINE, ROOT } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'event-ledger-'));
const run = (inputs: string[], out: string) =>
  runBatch({ inputs, out, pipeline: DEFAULT_PIPELINE, maxBytes: 5_000_000 });
const read = (dir: string) => ({
  ledger: readFileSync(join(dir, 'ledger.json'), 'utf8'),
  documents: readFileSync(join(dir, 'documents.jsonl'), 'utf8'),
});
const records = (docs: string) =>
  docs
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as DocumentRecord);

describe('the default corpus end to end', () => {
  const outA = tmp();
  const outB = tmp();
  beforeAll(async () => {
    await run([CORPUS], outA);
    await run([CORPUS], outB);
  });

  it('is deterministic: two runs write byte-identical outputs', () => {
    expect(read(outA)).toEqual(read(outB));
  });

  it('matches the committed output/ (run `npm start` and review the diff when extraction changes)', () => {
    expect(read(outA)).toEqual(read(join(ROOT, 'output')));
  });

  it('validates against the published JSON Schemas', () => {
    const ajv = new Ajv({ allErrors: true });
    const validateDoc = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/documents.schema.json'), 'utf8')));
    const validateLedger = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/ledger.schema.json'), 'utf8')));
    for (const r of records(read(outA).documents))
      expect(validateDoc(r), JSON.stringify(validateDoc.errors)).toBe(true);
    const ledger = JSON.parse(read(outA).ledger);
    expect(validateLedger(ledger), JSON.stringify(validateLedger.errors)).toBe(true);
  });

  it('reports only spans that slice the original text to their surface string', () => {
    const texts = new Map<string, string>();
    for (const r of records(read(outA).documents)) {
      const text = readFileSync(join(CORPUS, r.source), 'utf8').replace(/^\uFEFF/, '');
      texts.set(r.id, text);
      for (const d of r.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
      for (const e of r.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
      for (const s of [...r.body, ...r.removed]) expect(s.end).toBeLessThanOrEqual(text.length);
    }
    const ledger = JSON.parse(read(outA).ledger) as Ledger;
    for (const e of ledger.events) {
      for (const m of e.mentions) expect(texts.get(m.document)?.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('keeps every unrelated id when an article is added to the corpus', async () => {
    const corpus = tmp();
    cpSync(CORPUS, corpus, { recursive: true });
    writeFileSync(
      join(corpus, 'zz_new.txt'),
      'TBILISI, Georgia. The President of Georgia met the Prime Minister of Armenia Nikol Pashinyan in Tbilisi on 4 May 2024 to discuss transport links.\n',
    );
    const out = tmp();
    await run([corpus], out);
    const before = JSON.parse(read(outA).ledger) as Ledger;
    const after = JSON.parse(read(out).ledger) as Ledger;
    const afterIds = new Set([...after.documents, ...after.entities, ...after.events].map((x) => x.id));
    for (const x of [...before.documents, ...before.entities, ...before.events])
      expect(afterIds.has(x.id), x.id).toBe(true);
  });

  it('keeps an event id when another article reports the same event', async () => {
    const corpus = tmp();
    cpSync(CORPUS, corpus, { recursive: true });
    writeFileSync(
      join(corpus, 'zz_same.txt'),
      'Diplomatic relations between Azerbaijan and Uzbekistan were established on 2 October 1995, the ministry recalled.\n',
    );
    const out = tmp();
    await run([corpus], out);
    const find = (l: Ledger) =>
      l.events.find(
        (e) => e.type === 'diplomatic_relations' && e.participants.some((p) => p.entity === 'place:uzbekistan'),
      );
    const a = find(JSON.parse(read(outA).ledger));
    const b = find(JSON.parse(read(out).ledger));
    expect(b?.id).toBe(a?.id);
    expect(b?.mentions.length).toBe((a?.mentions.length ?? 0) + 1);
  });

  it('scores the committed output with the same figures as the team scorer', () => {
    const score = scoreRun(join(ROOT, 'tests/gold/seeds.gold.json'), join(ROOT, 'output'));
    expect(score.summary.documents).toEqual({ found: 5, total: 5 });
    expect(score.summary.language.correct).toBe(5);
    const shared = join(ROOT, '..', 'shared', 'eval', 'score.mjs');
    if (existsSync(shared)) {
      const theirs = execFileSync(
        'node',
        [shared, '--gold', join(ROOT, 'tests/gold/seeds.gold.json'), '--out', join(ROOT, 'output')],
        { encoding: 'utf8' },
      );
      expect(score.summaryLine).toBe(theirs.trim().split('\n').pop());
    }
  });
});

describe('JSONL input', () => {
  it('runs on records with published dates and resolves relative dates against them', async () => {
    const dir = tmp();
    const file = join(dir, 'batch.jsonl');
    writeFileSync(
      file,
      [
        {
          id: 'a1',
          text: 'The President of Uzbekistan Shavkat Mirziyoyev made a state visit to Azerbaijan in July of this year, and documents were signed.',
          published: '2025-11-13',
        },
        {
          id: 'a2',
          html: '<html><head><title>Visit</title><script>var x=1;</script></head><body><p>Президент Ильхам Алиев посетил Ташкент 21 июня 2022 года с государственным визитом.</p></body></html>',
          published: '2022-06-22',
        },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const out = tmp();
    const { report } = await run([file], out);
    expect(report.counts).toMatchObject({ processed: 2, failed: 0 });
    const recs = records(read(out).documents);
    expect(recs.map((r) => [r.id, r.source, r.published, r.language])).toEqual([
      ['a1', 'batch.jsonl#a1', '2025-11-13', 'en'],
      ['a2', 'batch.jsonl#a2', '2022-06-22', 'ru'],
    ]);
    expect(recs[0]?.dates.map((d) => d.value)).toEqual(['2025-07']);
    // HTML: offsets refer to the extracted text, which the record carries; the script is gone.
    const a2 = recs[1] as DocumentRecord;
    expect(a2.text).not.toContain('var x');
    for (const d of a2.dates) expect(a2.text?.slice(d.start, d.end)).toBe(d.text);
  });
});
