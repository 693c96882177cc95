import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { writeAtomic } from '../io/write.js';
import type { Ledger } from './merge.js';

/**
 * The ledger as normalised tables for databases (schema in docs/export.md):
 * documents, entities, aliases, events, participants, mentions, conflicts.
 * Rows are in a stable order, so two exports of the same ledger are identical.
 */
export type Row = Record<string, string | number | null>;
export type Tables = Record<TableName, Row[]>;
export type TableName = 'documents' | 'entities' | 'aliases' | 'events' | 'participants' | 'mentions' | 'conflicts';

/** Column names and SQLite types per table; the first `key` columns form the primary key. */
export const SCHEMA: Record<TableName, { columns: [string, string][]; key: number; parent?: string }> = {
  documents: {
    columns: [
      ['id', 'TEXT'],
      ['source', 'TEXT'],
      ['sha256', 'TEXT'],
      ['url', 'TEXT'],
      ['title', 'TEXT'],
      ['language', 'TEXT'],
      ['published', 'TEXT'],
    ],
    key: 1,
  },
  entities: {
    columns: [
      ['id', 'TEXT'],
      ['type', 'TEXT'],
      ['name', 'TEXT'],
      ['qid', 'TEXT'],
      ['country', 'TEXT'],
    ],
    key: 1,
  },
  aliases: {
    columns: [
      ['entity_id', 'TEXT'],
      ['alias', 'TEXT'],
    ],
    key: 2,
    parent: 'entity_id',
  },
  events: {
    columns: [
      ['id', 'TEXT'],
      ['type', 'TEXT'],
      ['status', 'TEXT'],
      ['date_value', 'TEXT'],
      ['date_precision', 'TEXT'],
      ['date_mod', 'TEXT'],
      ['confidence', 'REAL'],
      ['attributes', 'TEXT'],
    ],
    key: 1,
  },
  participants: {
    columns: [
      ['event_id', 'TEXT'],
      ['role', 'TEXT'],
      ['entity_id', 'TEXT'],
    ],
    key: 3,
    parent: 'event_id',
  },
  mentions: {
    columns: [
      ['event_id', 'TEXT'],
      ['document_id', 'TEXT'],
      ['start', 'INTEGER'],
      ['end', 'INTEGER'],
      ['text', 'TEXT'],
      ['trigger', 'TEXT'],
      ['date_value', 'TEXT'],
    ],
    key: 3,
    parent: 'event_id',
  },
  conflicts: {
    columns: [
      ['event_id', 'TEXT'],
      ['field', 'TEXT'],
      ['value_list', 'TEXT'],
    ],
    key: 2,
    parent: 'event_id',
  },
};

export function toTables(ledger: Ledger): Tables {
  return {
    documents: ledger.documents.map((d) => ({
      id: d.id,
      source: d.source,
      sha256: d.sha256,
      url: d.url ?? null,
      title: d.title ?? null,
      language: d.language,
      published: d.published,
    })),
    entities: ledger.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      qid: e.qid ?? null,
      country: e.country ?? null,
    })),
    aliases: ledger.entities.flatMap((e) => e.aliases.map((alias) => ({ entity_id: e.id, alias }))),
    events: ledger.events.map((e) => ({
      id: e.id,
      type: e.type,
      status: e.status,
      date_value: e.date?.value ?? null,
      date_precision: e.date?.precision ?? null,
      date_mod: e.date?.mod ?? null,
      confidence: e.confidence,
      attributes: JSON.stringify(e.attributes),
    })),
    participants: ledger.events.flatMap((e) =>
      e.participants.map((p) => ({ event_id: e.id, role: p.role, entity_id: p.entity })),
    ),
    mentions: ledger.events.flatMap((e) =>
      e.mentions.map((m) => ({
        event_id: e.id,
        document_id: m.document,
        start: m.start,
        end: m.end,
        text: m.text,
        trigger: m.trigger,
        date_value: m.date?.value ?? null,
      })),
    ),
    conflicts: ledger.events.flatMap((e) =>
      e.conflicts.map((c) => ({ event_id: e.id, field: c.field, value_list: JSON.stringify(c.values) })),
    ),
  };
}

const TABLES = Object.keys(SCHEMA) as TableName[];

export function exportFiles(ledger: Ledger, dir: string, format: 'ndjson' | 'csv'): string[] {
  mkdirSync(dir, { recursive: true });
  const tables = toTables(ledger);
  return TABLES.map((t) => {
    const columns = SCHEMA[t].columns.map(([c]) => c);
    const rows = tables[t];
    const path = join(dir, `${t}.${format}`);
    const body =
      format === 'ndjson'
        ? rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '')
        : stringify(rows, { header: true, columns, cast: { number: (n) => String(n) } });
    writeAtomic(path, body);
    return path;
  });
}

/**
 * Loads the ledger into a SQLite database idempotently, in one transaction: top-level rows (documents,
 * entities, events) are upserted by id and rows no longer in the ledger are deleted; the rows that
 * hang off an entity or event (aliases, participants, mentions, conflicts) are replaced. Loading the
 * same ledger twice changes nothing; loading a newer one leaves exactly the newer one.
 */
export function exportSqlite(ledger: Ledger, file: string): Record<TableName, number> {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    for (const t of TABLES) {
      const { columns, key } = SCHEMA[t];
      const cols = columns.map(([c, type]) => `"${c}" ${type}`).join(', ');
      const pk = columns
        .slice(0, key)
        .map(([c]) => `"${c}"`)
        .join(', ');
      db.exec(`CREATE TABLE IF NOT EXISTS "${t}" (${cols}, PRIMARY KEY (${pk}))`);
    }
    const tables = toTables(ledger);
    const counts = {} as Record<TableName, number>;
    db.transaction(() => {
      for (const t of TABLES) {
        const { columns, key, parent } = SCHEMA[t];
        const names = columns.map(([c]) => c);
        if (parent) db.exec(`DELETE FROM "${t}"`);
        else {
          // Rows whose id is gone from the ledger leave the database.
          db.exec('CREATE TEMP TABLE IF NOT EXISTS keep (id TEXT PRIMARY KEY)');
          db.exec('DELETE FROM keep');
          const add = db.prepare('INSERT OR IGNORE INTO keep (id) VALUES (?)');
          for (const r of tables[t]) add.run(r.id);
          db.exec(`DELETE FROM "${t}" WHERE id NOT IN (SELECT id FROM keep)`);
        }
        const keyCols = names
          .slice(0, key)
          .map((c) => `"${c}"`)
          .join(', ');
        const updates = names
          .slice(key)
          .map((c) => `"${c}" = excluded."${c}"`)
          .join(', ');
        const insert = db.prepare(
          `INSERT INTO "${t}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map((c) => `@${c}`).join(', ')})` +
            (updates ? ` ON CONFLICT (${keyCols}) DO UPDATE SET ${updates}` : ' ON CONFLICT DO NOTHING'),
        );
        for (const r of tables[t]) insert.run(r);
        counts[t] = (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;
      }
    })();
    return counts;
  } finally {
    db.close();
  }
}
