import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportFiles, exportSqlite, toTables } from '../../src/ledger/export.js';
import type { Ledger } from '../../src/ledger/merge.js';
import { runBatch } from '../../src/run.js';
import { CORPUS, DEFAULT_PIPELINE, ROOT } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'event-ledger-export-'));
const committed = JSON.parse(readFileSync(join(ROOT, 'output', 'ledger.json'), 'utf8')) as Ledger;

/** Every table of a SQLite database, rows as objects in primary-key order. */
function dump(file: string) {
  const db = new Database(file, { readonly: true });
  const out: Record<string, unknown[]> = {};
  for (const t of ['documents', 'entities', 'aliases', 'events', 'participants', 'mentions', 'conflicts']) {
    out[t] = db.prepare(`SELECT * FROM "${t}"`).all();
  }
  db.close();
  return out;
}

const sorted = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) =>
    JSON.stringify(Object.values(a).slice(0, 3)).localeCompare(JSON.stringify(Object.values(b).slice(0, 3))),
  );

describe('export', () => {
  it('writes NDJSON and CSV tables that read back to the same rows', () => {
    const dir = tmp();
    exportFiles(committed, dir, 'ndjson');
    exportFiles(committed, dir, 'csv');
    const tables = toTables(committed);
    const ndjson = readFileSync(join(dir, 'events.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ndjson).toEqual(tables.events);
    const csv = parse(readFileSync(join(dir, 'mentions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(tables.mentions.length);
    expect(csv[0]?.text).toBe(tables.mentions[0]?.text);
  });

  it('loads two successive runs into SQLite and ends with exactly the second, nothing duplicated', async () => {
    const corpus = tmp();
    cpSync(CORPUS, corpus, { recursive: true });
    rmSync(join(corpus, '002_107a682af53bfd50.txt'));
    const first = await runBatch({ inputs: [corpus], out: tmp(), pipeline: DEFAULT_PIPELINE, maxBytes: 5_000_000 });
    const db = join(tmp(), 'ledger.sqlite');
    exportSqlite(first.ledger, db);
    exportSqlite(committed, db);
    exportSqlite(committed, db); // idempotent
    const got = dump(db);
    const want = toTables(committed);
    for (const [t, rows] of Object.entries(want)) {
      expect(sorted(got[t] as Record<string, unknown>[]), t).toEqual(sorted(rows as Record<string, unknown>[]));
    }
  });
});
