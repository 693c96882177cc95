import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { describeEnvironmentError, isEnvironmentError, UsageError } from '../core/errors.js';
import { PipelineError } from '../core/pipeline.js';
import { formatScore, scoreRun } from '../eval/score.js';
import { LANGUAGE_CODE } from '../io/inputs.js';
import { writeAtomic } from '../io/write.js';
import { diffLedgers, formatDiffHtml, formatDiffText } from '../ledger/diff.js';
import { exportFiles, exportSqlite } from '../ledger/export.js';
import type { Ledger } from '../ledger/merge.js';
import { type BatchProgress, QueueUsageError } from '../queue/batch.js';
import { batchStatus, collectBatch, pendingCount } from '../queue/collect.js';
import { enqueueBatch } from '../queue/enqueue.js';
import { startWorker } from '../queue/worker.js';
import { DEFAULT_TIME_BUDGET, type RunReport, runBatch } from '../run.js';
import { defaultPipelinePath, toolVersion } from '../version.js';

interface RunCliOptions {
  prune?: boolean;
  force?: boolean;
  timeBudget: number;
  out: string;
  pipeline: string;
  maxBytes: number;
  language?: string;
  jobs: number;
  full?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/**
 * Progress on stderr: a bar (cli-progress) with documents done/total, rate and ETA on a terminal;
 * a plain line every few seconds otherwise (CI logs, pipes).
 */
function progressReporter(): { update: (done: number, total: number, cached: number) => void; stop: () => void } {
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
function printReport(report: RunReport, opts: { out: string; quiet?: boolean; verbose?: boolean }) {
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

function formatProgress(batch: string, p: BatchProgress): string {
  const c = p.counts;
  const parts = [`${c.done} done`, `${c.active} active`, `${c.queued} queued`];
  if (c.retrying) parts.push(`${c.retrying} retrying`);
  parts.push(`${c.failed} failed`);
  if (c.missing) parts.push(`${c.missing} missing`);
  const idle =
    p.workers === 0 && pendingCount(p) > 0
      ? ' (start one: workers take only jobs enqueued by the same version of event-ledger)'
      : '';
  return `batch ${batch}: ${p.total} documents: ${parts.join(', ')}; ${p.workers} workers connected${idle}`;
}

const DEFAULT_REDIS = process.env.EVENT_LEDGER_REDIS ?? 'redis://127.0.0.1:6379';

/** The ledger schema this version reads and writes. */
const LEDGER_SCHEMA = 'event-ledger/1';

/** The ledger of an output folder, or of a ledger.json file given directly, of the schema this version reads. */
function readLedger(path: string): Ledger {
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

const languageCode = (v: string) => {
  const code = v.trim().toLowerCase();
  if (!LANGUAGE_CODE.test(code))
    throw new InvalidArgumentError('expected an ISO 639-1 code such as en, ru or az (two letters)');
  return code;
};

const positiveNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
};

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
};

export function buildCli(): Command {
  const program = new Command('event-ledger')
    .description('Turns news articles in English, Russian and Azerbaijani into a deduplicated event ledger (JSON).')
    .version(toolVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('run')
    .description('extract events from articles and write documents.jsonl, ledger.json and run-report.json')
    .argument(
      '[inputs...]',
      'files or folders (.txt, .md, .html, .htm, .jsonl), or - for JSONL on standard input; default: corpus/',
    )
    .option('-o, --out <dir>', 'output folder', 'output')
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
    )
    .option('-j, --jobs <n>', 'documents processed in parallel (worker threads)', positiveInt, availableParallelism())
    .option('--full', 'process every document again instead of reusing cached results')
    .option(
      '--prune',
      'make the ledger of exactly these inputs: drop documents of earlier runs not among them (refused above half of them without --force)',
    )
    .option('--force', 'with --prune: drop even more than half of the documents')
    .option(
      '--time-budget <seconds>',
      'seconds a document may take per 100 KB (and as much again for any document); over it the document fails and the rest go on',
      positiveNumber,
      DEFAULT_TIME_BUDGET,
    )
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'also list info messages and cache use')
    .addHelpText(
      'after',
      `
A run adds its inputs to the ledger already in --out: new and changed documents are processed, the
documents of earlier runs are kept (their results come from the store in --out/.store and .cache).
Use --prune to make the ledger of exactly the inputs given. A missing input path changes nothing
and exits 2. Exit codes: 0 done, 1 some documents failed, 2 usage or environment error.`,
    )
    .action(async (inputs: string[], opts: RunCliOptions) => {
      const progress = opts.quiet ? undefined : progressReporter();
      const { report } = await runBatch({
        inputs: inputs.length ? inputs : ['corpus'],
        out: opts.out,
        pipeline: opts.pipeline,
        maxBytes: opts.maxBytes,
        ...(opts.language ? { language: opts.language } : {}),
        jobs: opts.jobs,
        full: !!opts.full,
        prune: !!opts.prune,
        force: !!opts.force,
        timeBudget: opts.timeBudget,
        ...(progress ? { progress: progress.update } : {}),
      });
      progress?.stop();
      printReport(report, opts);
    });

  program
    .command('enqueue')
    .description('put one job per article on the Redis queue (BullMQ) for workers on any machine')
    .argument('[inputs...]', 'files or folders, as for run; default: corpus/')
    .option('--redis <url>', 'Redis URL (or EVENT_LEDGER_REDIS)', DEFAULT_REDIS)
    .option('-b, --batch <name>', 'batch name, for status and collect', 'default')
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
    )
    .option('--attempts <n>', 'attempts per article before it counts as failed', positiveInt, 3)
    .option('--backoff-ms <n>', 'delay before the first retry; doubled for each later one', positiveInt, 2000)
    .action(
      async (
        inputs: string[],
        opts: {
          redis: string;
          batch: string;
          pipeline: string;
          maxBytes: number;
          language?: string;
          attempts: number;
          backoffMs: number;
        },
      ) => {
        const r = await enqueueBatch({ ...opts, inputs: inputs.length ? inputs : ['corpus'] });
        process.stderr.write(
          `batch ${opts.batch}: ${r.manifest.inputs.length} documents, ${r.queued} jobs queued, ${r.reused} already stored, ${r.retried} failed jobs retried, ${r.manifest.failures.length} unreadable → queue ${r.manifest.queue}\n`,
        );
        for (const f of r.manifest.failures) process.stderr.write(`error: ${f.source}: ${f.message.message}\n`);
      },
    );

  program
    .command('worker')
    .description('process queued articles until stopped (Ctrl-C or SIGTERM finish the jobs in hand first)')
    .option('--redis <url>', 'Redis URL (or EVENT_LEDGER_REDIS)', DEFAULT_REDIS)
    .option('-c, --concurrency <n>', 'articles processed at once (worker threads)', positiveInt, availableParallelism())
    .option('--lock-ms <n>', 'a job whose worker is silent this long goes to another worker', positiveInt, 60_000)
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (opts: { redis: string; concurrency: number; lockMs: number; quiet?: boolean }) => {
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const worker = await startWorker({
        ...opts,
        ...(opts.quiet ? {} : { log }),
        onLost: (reason) => {
          process.stderr.write(`error: ${reason}\n`);
          process.exit(2);
        },
      });
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = () => {
          if (stopping) return; // Ctrl-C reaches both a respawned worker and its launcher
          stopping = true;
          if (!opts.quiet) log(`stopping after the jobs in hand (${worker.processed()} done)`);
          // Should Redis be gone, closing would wait for it forever; by then the job locks have expired
          // and other workers take the jobs over.
          setTimeout(() => process.exit(1), opts.lockMs).unref();
          worker.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });

  program
    .command('status')
    .description('where a batch stands: done, active, queued, retrying and failed documents, with reasons')
    .option('--redis <url>', 'Redis URL (or EVENT_LEDGER_REDIS)', DEFAULT_REDIS)
    .option('-b, --batch <name>', 'batch name', 'default')
    .option('--json', 'print the counts and failures as JSON')
    .action(async (opts: { redis: string; batch: string; json?: boolean }) => {
      const p = await batchStatus(opts);
      if (opts.json) {
        const { states: _states, ...rest } = p;
        process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatProgress(opts.batch, p)}\n`);
        for (const f of p.failures) process.stdout.write(`failed: ${f.source}: ${f.message.message}\n`);
      }
    });

  program
    .command('collect')
    .description('merge a queued batch into documents.jsonl and ledger.json, exactly as run would')
    .option('--redis <url>', 'Redis URL (or EVENT_LEDGER_REDIS)', DEFAULT_REDIS)
    .option('-b, --batch <name>', 'batch name', 'default')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--wait', 'wait until no document is queued or active')
    .option('--timeout <seconds>', 'with --wait: give up after this long', positiveInt)
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'also list info messages')
    .action(
      async (opts: {
        redis: string;
        batch: string;
        out: string;
        wait?: boolean;
        timeout?: number;
        quiet?: boolean;
        verbose?: boolean;
      }) => {
        let last = 0;
        const { report } = await collectBatch({
          ...opts,
          wait: !!opts.wait,
          ...(opts.timeout ? { timeoutMs: opts.timeout * 1000 } : {}),
          progress: (p) => {
            if (opts.quiet || Date.now() - last < 5000 || pendingCount(p) === 0) return;
            last = Date.now();
            process.stderr.write(`${formatProgress(opts.batch, p)}\n`);
          },
        });
        printReport(report, opts);
      },
    );

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

  program
    .command('diff')
    .description('compare two ledgers (files or output folders): added, removed, changed, merged and split events')
    .argument('<old>', 'the earlier ledger.json or output folder')
    .argument('<new>', 'the later ledger.json or output folder')
    .option('--format <format>', 'text, json or html', 'text')
    .option('--report <file>', 'write the report to a file instead of stdout')
    .action((oldPath: string, newPath: string, opts: { format: string; report?: string }) => {
      const d = diffLedgers(readLedger(oldPath), readLedger(newPath));
      let body: string;
      if (opts.format === 'json') body = `${JSON.stringify(d, null, 2)}\n`;
      else if (opts.format === 'html') body = formatDiffHtml(d, oldPath, newPath);
      else if (opts.format === 'text')
        body = formatDiffText(d, !opts.report && process.stdout.isTTY && !process.env.NO_COLOR);
      else throw new UsageError(`unknown diff format "${opts.format}"; use text, json or html`);
      if (opts.report) {
        writeAtomic(opts.report, body);
        process.stderr.write(`${opts.report}\n`);
      } else process.stdout.write(body);
      process.exitCode = d.equal ? 0 : 1;
    });

  program
    .command('eval')
    .description('score an output folder against a gold file (the format of tests/gold/seeds.gold.json)')
    .requiredOption('-g, --gold <file>', 'gold file')
    .option('-o, --out <dir>', 'output folder to score', 'output')
    .option('--json', 'print the scores as JSON')
    .option('-v, --verbose', 'list misses and extras per document and event')
    .action((opts: { gold: string; out: string; json?: boolean; verbose?: boolean }) => {
      if (!existsSync(opts.gold)) throw new UsageError(`no gold file at ${opts.gold}; check the path`);
      if (!existsSync(join(opts.out, 'ledger.json')))
        throw new UsageError(`no ledger in ${opts.out}; run "event-ledger run --out ${opts.out}" first`);
      const score = scoreRun(opts.gold, opts.out);
      process.stdout.write(opts.json ? `${JSON.stringify(score, null, 1)}\n` : formatScore(score, !!opts.verbose));
    });
  return program;
}

/** Parses the command line and runs the command; usage errors exit 2 with a message. */
export async function main() {
  const program = buildCli();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
    if (e instanceof PipelineError || e instanceof UsageError || e instanceof QueueUsageError) {
      process.stderr.write(`error: ${e.message}\n`);
    } else if (isEnvironmentError(e)) {
      process.stderr.write(`error: ${describeEnvironmentError(e)}\n`);
    } else {
      process.stderr.write(
        `error: ${(e as Error).message ?? e} (an unexpected error${verbose ? '' : '; run with --verbose for the stack trace'})\n`,
      );
    }
    if (verbose && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 2;
    // A connection being retried or a timer of a failed command must not hold the process open: once
    // the message is out, this is the end.
    process.stderr.write('', () => process.exit(2));
  }
}
