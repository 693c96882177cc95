import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import type { RunReport } from '../batch/report.js';
import { UsageError } from '../core/errors.js';
import { LANGUAGE_CODE } from '../io/inputs.js';
import type { Ledger } from '../ledger/merge.js';
import { LEDGER_SCHEMA } from '../ledger/schema.js';
import type { BatchProgress } from '../queue/batch.js';
import { defaultPipelinePath } from '../version.js';

/** What the commands share: option parsers, progress and report printing, reading a ledger. */

/**
 * Progress on stderr: a bar (cli-progress) with documents done/total, rate and ETA on a terminal;
 * a plain line every few seconds otherwise (CI logs, pipes).
 */
export function progressReporter(): {
  update: (done: number, total: number, cached: number) => void;
  stop: () => void;
} {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: 'documents {bar} {value}/{total} | {rate}/s | ETA {eta_formatted} | {cached} from cache',
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    const t0 = Date.now();
    let started = false;
    return {
      update(done, total, cached) {
        if (!started) {
          bar.start(total, done, { rate: 0, cached });
          started = true;
        }
        const secs = (Date.now() - t0) / 1000;
        bar.update(done, { rate: secs > 0 ? Math.round((done - cached) / secs) : 0, cached });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (done === total || now - last > 5000) {
        last = now;
        process.stderr.write(`${done}/${total} documents\n`);
      }
    },
    stop() {},
  };
}

/** The end of a run or collect on stderr: counts, failures, warnings; exit code 1 when any failed. */
export function printReport(report: RunReport, opts: { out: string; quiet?: boolean; verbose?: boolean }) {
  if (!opts.quiet) {
    const c = report.counts;
    process.stderr.write(
      `${c.processed} documents processed (${c.cached} from cache), ${c.failed} failed; ${c.events} events, ${c.entities} entities → ${opts.out}/ (${report.totalMs} ms, ${report.jobs} jobs)\n`,
    );
  }
  for (const f of report.failures)
    process.stderr.write(`error: ${f.source}${f.line ? `:${f.line}` : ''}: ${f.message} [${f.code}]\n`);
  if (!opts.quiet) {
    const shown = report.warnings.filter((x) => x.severity === 'warning' || (opts.verbose && x.severity === 'info'));
    for (const w of shown) process.stderr.write(`${w.severity}: ${w.document}: ${w.message} [${w.code}]\n`);
  }
  process.exitCode = report.counts.failed > 0 ? 1 : 0;
}

/** One line on a queued batch; `pending` is the count of documents not yet done or failed. */
export function formatProgress(batch: string, p: BatchProgress, pending: number): string {
  const c = p.counts;
  const parts = [`${c.done} done`, `${c.active} active`, `${c.queued} queued`];
  if (c.retrying) parts.push(`${c.retrying} retrying`);
  parts.push(`${c.failed} failed`);
  if (c.missing) parts.push(`${c.missing} missing`);
  const idle =
    p.workers === 0 && pending > 0
      ? ' (start one: workers take only jobs enqueued by the same version of event-ledger)'
      : '';
  return `batch ${batch}: ${p.total} documents: ${parts.join(', ')}; ${p.workers} workers connected${idle}`;
}

const DEFAULT_REDIS = process.env.EVENT_LEDGER_REDIS ?? 'redis://127.0.0.1:6379';

/** The options of the queue commands: the Redis URL, and (with its description) the batch name. */
export function queueOptions(command: Command, batch?: string): Command {
  command.option('--redis <url>', 'Redis URL (or EVENT_LEDGER_REDIS)', DEFAULT_REDIS);
  return batch ? command.option('-b, --batch <name>', batch, 'default') : command;
}

/** The ledger of an output folder, or of a ledger.json file given directly, of the schema this version reads. */
export function readLedger(path: string): Ledger {
  const file = path.endsWith('.json') ? path : join(path, 'ledger.json');
  if (!existsSync(file)) throw new UsageError(`no ledger at ${file}; run "event-ledger run --out ${path}" first`);
  let ledger: Ledger;
  try {
    ledger = JSON.parse(readFileSync(file, 'utf8')) as Ledger;
  } catch (e) {
    throw new UsageError(`${file} is not a ledger (${(e as Error).message})`);
  }
  const schema = (ledger as { schema?: unknown } | null)?.schema;
  if (schema !== LEDGER_SCHEMA || !Array.isArray(ledger.events) || !Array.isArray(ledger.documents))
    throw new UsageError(
      `${file} is a ledger of schema ${JSON.stringify(schema)}, not "${LEDGER_SCHEMA}"; convert it, or compare ledgers of one schema`,
    );
  return ledger;
}

export const languageCode = (v: string) => {
  const code = v.trim().toLowerCase();
  if (!LANGUAGE_CODE.test(code))
    throw new InvalidArgumentError('expected an ISO 639-1 code such as en, ru or az (two letters)');
  return code;
};

export const positiveNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
};

export const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
};

/** The options of commands that read inputs (run, enqueue): the pipeline, the size limit, a given language. */
export function inputOptions(command: Command): Command {
  return command
    .option(
      '-p, --pipeline <file>',
      'pipeline configuration (JSON; default: $EVENT_LEDGER_PIPELINE, else pipelines/default.json)',
      process.env.EVENT_LEDGER_PIPELINE ?? defaultPipelinePath,
    )
    .option('--max-bytes <n>', 'refuse input files larger than this', positiveInt, 5_000_000)
    .option(
      '-l, --language <code>',
      'the language of every input (ISO 639-1: en, ru, az) instead of detecting it; a JSONL record\'s own "language" wins',
      languageCode,
    );
}
