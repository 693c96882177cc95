import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dateBounds, exportFiles, exportSqlite, toTables } from '../../src/ledger/export.js';
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
      // JSON columns are stored as their text.
      const asStored = (rows as Record<string, unknown>[]).map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]),
        ),
      );
      expect(sorted(got[t] as Record<string, unknown>[]), t).toEqual(sorted(asStored));
    }
    const check = new Database(db, { readonly: true });
    expect(check.pragma('foreign_key_check')).toEqual([]);
    check.close();
  });

  it('refuses to load into a database of an older export schema, naming it', () => {
    const file = join(tmp(), 'old.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE events (id TEXT PRIMARY KEY, type TEXT)');
    db.close();
    expect(() => exportSqlite(committed, file)).toThrow(/export schema 1, not 2/);
  });

  it('writes one SQL script that DuckDB loads, with its keys, and answers a join across events, participants and entities', async () => {
    const dir = tmp();
    const [script] = exportFiles(committed, dir, 'sql');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    await db.run(readFileSync(script as string, 'utf8'));
    const rows = (
      await db.runAndReadAll(`
        SELECT e.type, CAST(e.date_start AS VARCHAR) AS day, en.name, e.attributes->>'kind' AS kind
        FROM events e
        JOIN participants p ON p.event_id = e.id
        JOIN entities en ON en.id = p.entity_id
        WHERE e.type = 'visit' AND p.role = 'destination'
        ORDER BY e.date_start, en.name`)
    ).getRowObjects();
    const visits = committed.events.filter((e) => e.type === 'visit');
    expect(rows).toHaveLength(visits.flatMap((e) => e.participants.filter((p) => p.role === 'destination')).length);
    expect(rows.some((r) => r.name === 'Azerbaijan' && typeof r.day === 'string')).toBe(true);
    // Keys hold: a participant of an unknown event, or a second row with the same key, is refused.
    await expect(db.run(`INSERT INTO participants VALUES ('no-such-event', 'visitor', 'place:baku')`)).rejects.toThrow(
      /foreign key/i,
    );
    const first = toTables(committed).participants[0] as Record<string, string>;
    await expect(
      db.run(`INSERT INTO participants VALUES ('${first.event_id}', '${first.role}', '${first.entity_id}')`),
    ).rejects.toThrow(/primary key|duplicate/i);
    // Dates as intervals a database can compare: a month covers its first to its last day.
    const month = (
      await db.runAndReadAll(`SELECT count(*) AS n FROM events WHERE date_start > date_end`)
    ).getRowObjects();
    expect(Number(month[0]?.n)).toBe(0);
  });
});

describe('dateBounds', () => {
  it('gives the first and last day an ISO value covers, and nothing for an unknown year', () => {
    expect(dateBounds('2025-11-13')).toEqual({ start: '2025-11-13', end: '2025-11-13' });
    expect(dateBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(dateBounds('1997')).toEqual({ start: '1997-01-01', end: '1997-12-31' });
    expect(dateBounds('2025-11-13/2025-11-15')).toEqual({ start: '2025-11-13', end: '2025-11-15' });
    expect(dateBounds('199X')).toEqual({ start: '1990-01-01', end: '1999-12-31' });
    expect(dateBounds('XXXX-09')).toBeNull();
    expect(dateBounds(null)).toBeNull();
  });
});
