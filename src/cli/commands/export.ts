import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { exportFiles, exportSqlite } from '../../ledger/export.js';
import { readLedger } from '../shared.js';

/** `event-ledger export`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write the ledger as relational tables (docs/export.md): NDJSON or CSV files with schema.sql, one SQL script (DDL and data) for SQLite, DuckDB or PostgreSQL, or an idempotent upsert into SQLite',
    )
    .requiredOption('-f, --format <format>', 'ndjson, csv, sql or sqlite')
    .option('--from <dir>', 'output folder holding ledger.json', 'output')
    .option('--dir <dir>', 'folder for ndjson, csv and sql files', 'export')
    .option('--db <file>', 'SQLite database file (created if missing)', 'ledger.sqlite')
    .action((opts: { format: string; from: string; dir: string; db: string }) => {
      const ledger = readLedger(opts.from);
      if (opts.format === 'sqlite') {
        const folder = dirname(resolve(opts.db));
        if (!existsSync(folder))
          throw new UsageError(
            `the folder of --db ${opts.db} (${folder}) does not exist; create it or choose another path`,
          );
        const counts = exportSqlite(ledger, opts.db);
        process.stderr.write(
          `${opts.db}: ${Object.entries(counts)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}\n`,
        );
      } else if (opts.format === 'ndjson' || opts.format === 'csv' || opts.format === 'sql') {
        for (const f of exportFiles(ledger, opts.dir, opts.format)) process.stderr.write(`${f}\n`);
      } else {
        throw new UsageError(`unknown export format "${opts.format}"; use ndjson, csv, sql or sqlite`);
      }
    });
}
