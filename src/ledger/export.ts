import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import type { DateValue } from '../core/document.js';
import { UsageError } from '../core/errors.js';
import { writeAtomic } from '../io/write.js';
import type { Ledger } from './merge.js';

/**
 * The ledger as normalised relational tables (docs/export.md): documents, entities, aliases, events,
 * participants, mentions, conflicts, with primary and foreign keys, NOT NULL where the ledger always
 * has a value, and indexes on the columns joins use. The DDL is portable: the same statements load
 * in SQLite, DuckDB and PostgreSQL (TEXT, INTEGER, DOUBLE PRECISION, DATE, JSON; no reserved words as
 * column names). Rows are in a stable order, so two exports of the same ledger are identical.
 */
export type Value = string | number | null | Record<string, unknown> | unknown[];
export type Row = Record<string, Value>;
export type TableName = 'documents' | 'entities' | 'aliases' | 'events' | 'participants' | 'mentions' | 'conflicts';
export type Tables = Record<TableName, Row[]>;

type SqlType = 'TEXT' | 'INTEGER' | 'DOUBLE PRECISION' | 'DATE' | 'JSON';

export interface Column {
  name: string;
  type: SqlType;
  notNull?: boolean;
  /** The table whose `id` this column refers to. */
  references?: TableName;
}

export interface Table {
  columns: Column[];
  /** The primary key's columns. */
  key: string[];
  /** Secondary indexes (the first columns of the key are indexed by the key itself). */
  indexes?: string[][];
}

/** The version of this relational schema, recorded in the `ledger_export` table of a database. */
export const EXPORT_SCHEMA_VERSION = 2;

const col = (name: string, type: SqlType, more: Partial<Column> = {}): Column => ({ name, type, ...more });
const req = (name: string, type: SqlType, more: Partial<Column> = {}): Column =>
  col(name, type, { notNull: true, ...more });

/** Tables in the order they are created and loaded: every table after those it refers to. */
export const SCHEMA: Record<TableName, Table> = {
  documents: {
    columns: [
      req('id', 'TEXT'),
      req('source', 'TEXT'),
      req('sha256', 'TEXT'),
      col('url', 'TEXT'),
      col('title', 'TEXT'),
      req('language', 'TEXT'),
      col('published', 'DATE'),
    ],
    key: ['id'],
  },
  entities: {
    columns: [
      req('id', 'TEXT'),
      req('type', 'TEXT'),
      req('name', 'TEXT'),
      col('qid', 'TEXT'),
      // A country entity's id; not a foreign key: the country need not be among the ledger's entities.
      col('country', 'TEXT'),
    ],
    key: ['id'],
    indexes: [['type'], ['qid']],
  },
  aliases: {
    columns: [req('entity_id', 'TEXT', { references: 'entities' }), req('alias', 'TEXT')],
    key: ['entity_id', 'alias'],
    indexes: [['alias']],
  },
  events: {
    columns: [
      req('id', 'TEXT'),
      req('type', 'TEXT'),
      req('status', 'TEXT'),
      col('date_value', 'TEXT'),
      col('date_start', 'DATE'),
      col('date_end', 'DATE'),
      col('date_precision', 'TEXT'),
      col('date_mod', 'TEXT'),
      col('date_source', 'TEXT'),
      req('confidence', 'DOUBLE PRECISION'),
      req('attributes', 'JSON'),
    ],
    key: ['id'],
    indexes: [['type'], ['date_start']],
  },
  participants: {
    columns: [
      req('event_id', 'TEXT', { references: 'events' }),
      req('role', 'TEXT'),
      req('entity_id', 'TEXT', { references: 'entities' }),
    ],
    key: ['event_id', 'role', 'entity_id'],
    indexes: [['entity_id']],
  },
  mentions: {
    columns: [
      req('event_id', 'TEXT', { references: 'events' }),
      req('document_id', 'TEXT', { references: 'documents' }),
      req('start_offset', 'INTEGER'),
      req('end_offset', 'INTEGER'),
      req('sentence', 'TEXT'),
      col('trigger_text', 'TEXT'),
      col('date_value', 'TEXT'),
      col('date_start', 'DATE'),
      col('date_end', 'DATE'),
      col('date_precision', 'TEXT'),
    ],
    key: ['event_id', 'document_id', 'start_offset'],
    indexes: [['document_id']],
  },
  conflicts: {
    columns: [
      req('event_id', 'TEXT', { references: 'events' }),
      req('field', 'TEXT'),
      req('value_list', 'JSON'),
      req('reports', 'JSON'),
    ],
    key: ['event_id', 'field'],
  },
};

export const TABLES = Object.keys(SCHEMA) as TableName[];

/**
 * The first and last day an ISO 8601 date value covers: a day, a month, a year, a decade ("199X"), a
 * century ("19XX") or an interval of them ("2025-11-13/2025-11-15"). Null when the year is unknown
 * ("XXXX-09").
 */
export function dateBounds(value: string | null | undefined): { start: string; end: string } | null {
  if (!value) return null;
  const parts = value.split('/');
  const lo = bound(parts[0] as string, false);
  const hi = bound(parts[parts.length - 1] as string, true);
  return lo && hi ? { start: lo, end: hi } : null;
}

function bound(s: string, upper: boolean): string | null {
  const day = s.replace(/T.*$/, '').trim();
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (m) return day;
  m = /^(\d{4})-(\d{2})$/.exec(day);
  if (m) return upper ? `${m[1]}-${m[2]}-${pad(lastDay(Number(m[1]), Number(m[2])))}` : `${day}-01`;
  // A season or quarter ("2025-SU", "2025-Q3") or a year with an unknown month: the year.
  m = /^(\d{4})(?:-[A-Z]{1,2}\d?|-XX(?:-XX)?)?$/.exec(day);
  if (m) return upper ? `${m[1]}-12-31` : `${m[1]}-01-01`;
  m = /^(\d{3})X$/.exec(day);
  if (m) return upper ? `${m[1]}9-12-31` : `${m[1]}0-01-01`;
  m = /^(\d{2})XX$/.exec(day);
  if (m) return upper ? `${m[1]}99-12-31` : `${m[1]}00-01-01`;
  return null;
}

/** A date as its columns: the ISO value, the first and last day it covers, its precision. */
function dateColumns(date: DateValue | null | undefined): Row {
  const bounds = dateBounds(date?.value);
  return {
    date_value: date?.value ?? null,
    date_start: bounds?.start ?? null,
    date_end: bounds?.end ?? null,
    date_precision: date?.precision ?? null,
  };
}

export function toTables(ledger: Ledger): Tables {
  return {
    documents: ledger.documents.map((d) => ({
      id: d.id,
      source: d.source,
      sha256: d.sha256,
      url: d.url ?? null,
      title: d.title ?? null,
      language: d.language,
      published: d.published ? d.published.slice(0, 10) : null,
    })),
    entities: ledger.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      qid: e.qid ?? null,
      country: e.country ?? null,
    })),
    aliases: ledger.entities.flatMap((e) => [...new Set(e.aliases)].map((alias) => ({ entity_id: e.id, alias }))),
    events: ledger.events.map((e) => ({
      id: e.id,
      type: e.type,
      status: e.status,
      ...dateColumns(e.date),
      date_mod: e.date?.mod ?? null,
      date_source: e.date?.source ?? null,
      confidence: e.confidence,
      attributes: e.attributes as Record<string, unknown>,
    })),
    participants: ledger.events.flatMap((e) =>
      e.participants.map((p) => ({ event_id: e.id, role: p.role, entity_id: p.entity })),
    ),
    mentions: ledger.events.flatMap((e) =>
      e.mentions.map((m) => ({
        event_id: e.id,
        document_id: m.document,
        start_offset: m.start,
        end_offset: m.end,
        sentence: m.text,
        trigger_text: m.trigger,
        ...dateColumns(m.date),
      })),
    ),
    conflicts: ledger.events.flatMap((e) =>
      e.conflicts.map((c) => ({ event_id: e.id, field: c.field, value_list: c.values, reports: c.reports })),
    ),
  };
}

const quoteName = (n: string) => `"${n}"`;

/** The portable DDL of the tables, their keys and indexes, and the schema version table. */
export function schemaDdl(): string {
  const out: string[] = [`CREATE TABLE IF NOT EXISTS ledger_export (version INTEGER NOT NULL);`];
  for (const t of TABLES) {
    const { columns, key, indexes } = SCHEMA[t];
    const lines = columns.map(
      (c) =>
        `  ${quoteName(c.name)} ${c.type}${c.notNull ? ' NOT NULL' : ''}${c.references ? ` REFERENCES ${c.references} (id)` : ''}`,
    );
    lines.push(`  PRIMARY KEY (${key.map(quoteName).join(', ')})`);
    out.push(`CREATE TABLE IF NOT EXISTS ${t} (\n${lines.join(',\n')}\n);`);
    for (const ix of indexes ?? [])
      out.push(`CREATE INDEX IF NOT EXISTS ${t}_${ix.join('_')} ON ${t} (${ix.map(quoteName).join(', ')});`);
  }
  return `${out.join('\n')}\n`;
}

/** A value as a portable SQL literal: strings quoted (quotes doubled), JSON as its text, NULL. */
function literal(v: Value): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return `'${s.replaceAll("'", "''")}'`;
}

/** A column's value as stored: JSON columns as their text. */
const stored = (c: Column, v: Value) => (c.type === 'JSON' && v !== null ? JSON.stringify(v) : v);

/**
 * The whole export as one SQL script: the DDL, then the rows as multi-row INSERTs, in a transaction.
 * Loads into an empty SQLite, DuckDB or PostgreSQL database (`sqlite3 db < ledger.sql`, `duckdb db <
 * ledger.sql`, `psql -f ledger.sql`).
 */
export function toSql(ledger: Ledger): string {
  const tables = toTables(ledger);
  const out = [
    'BEGIN;',
    schemaDdl().trimEnd(),
    `INSERT INTO ledger_export (version) VALUES (${EXPORT_SCHEMA_VERSION});`,
  ];
  for (const t of TABLES) {
    const { columns } = SCHEMA[t];
    const rows = tables[t];
    for (let i = 0; i < rows.length; i += 200) {
      const values = rows
        .slice(i, i + 200)
        .map((r) => `(${columns.map((c) => literal(r[c.name] ?? null)).join(', ')})`)
        .join(',\n  ');
      out.push(`INSERT INTO ${t} (${columns.map((c) => quoteName(c.name)).join(', ')}) VALUES\n  ${values};`);
    }
  }
  out.push('COMMIT;');
  return `${out.join('\n')}\n`;
}

export function exportFiles(ledger: Ledger, dir: string, format: 'ndjson' | 'csv' | 'sql'): string[] {
  mkdirSync(dir, { recursive: true });
  if (format === 'sql') {
    const path = join(dir, 'ledger.sql');
    writeAtomic(path, toSql(ledger));
    return [path];
  }
  const tables = toTables(ledger);
  const written = TABLES.map((t) => {
    const columns = SCHEMA[t].columns;
    const rows = tables[t];
    const path = join(dir, `${t}.${format}`);
    // NDJSON keeps JSON columns as objects and arrays; CSV cells hold their JSON text.
    const body =
      format === 'ndjson'
        ? rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '')
        : stringify(
            rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, stored(c, r[c.name] ?? null)]))),
            { header: true, columns: columns.map((c) => c.name), cast: { number: (n) => String(n) } },
          );
    writeAtomic(path, body);
    return path;
  });
  const ddl = join(dir, 'schema.sql');
  writeAtomic(ddl, schemaDdl());
  return [...written, ddl];
}

/**
 * Loads the ledger into a SQLite database idempotently, in one transaction, with foreign keys
 * enforced: the rows that hang off entities, events and documents (aliases, participants, mentions,
 * conflicts) are removed, the top-level rows upserted by id (those no longer in the ledger deleted),
 * and the dependent rows inserted again. Loading the same ledger twice changes nothing; loading a
 * newer one leaves exactly the newer one.
 */
export function exportSqlite(ledger: Ledger, file: string): Record<TableName, number> {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    const existing = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ledger_export'")
      .get() as { name: string } | undefined;
    const version = existing
      ? (db.prepare('SELECT MAX(version) AS v FROM ledger_export').get() as { v: number | null }).v
      : db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'events'").get()
        ? 1
        : null;
    if (version !== null && version !== EXPORT_SCHEMA_VERSION)
      throw new UsageError(
        `${file} holds the tables of export schema ${version}, not ${EXPORT_SCHEMA_VERSION}; export into a new database, or drop its tables first`,
      );
    db.exec(schemaDdl());
    const tables = toTables(ledger);
    const counts = {} as Record<TableName, number>;
    const dependent = TABLES.filter((t) => SCHEMA[t].key.length > 1);
    const topLevel = TABLES.filter((t) => SCHEMA[t].key.length === 1);
    db.transaction(() => {
      if (version === null) db.exec(`INSERT INTO ledger_export (version) VALUES (${EXPORT_SCHEMA_VERSION})`);
      for (const t of [...dependent].reverse()) db.exec(`DELETE FROM ${t}`);
      for (const t of [...topLevel].reverse()) {
        // Rows whose id is gone from the ledger leave the database.
        db.exec('CREATE TEMP TABLE IF NOT EXISTS keep (id TEXT PRIMARY KEY)');
        db.exec('DELETE FROM keep');
        const add = db.prepare('INSERT OR IGNORE INTO keep (id) VALUES (?)');
        for (const r of tables[t]) add.run(r.id);
        db.exec(`DELETE FROM ${t} WHERE id NOT IN (SELECT id FROM keep)`);
      }
      for (const t of TABLES) {
        const { columns, key } = SCHEMA[t];
        const names = columns.map((c) => c.name);
        const updates = names
          .filter((n) => !key.includes(n))
          .map((c) => `"${c}" = excluded."${c}"`)
          .join(', ');
        const insert = db.prepare(
          `INSERT INTO ${t} (${names.map(quoteName).join(', ')}) VALUES (${names.map((c) => `@${c}`).join(', ')})` +
            (updates
              ? ` ON CONFLICT (${key.map(quoteName).join(', ')}) DO UPDATE SET ${updates}`
              : ' ON CONFLICT DO NOTHING'),
        );
        for (const r of tables[t])
          insert.run(Object.fromEntries(columns.map((c) => [c.name, stored(c, r[c.name] ?? null)])));
        counts[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
      }
    })();
    return counts;
  } finally {
    db.close();
  }
}
