import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { writeAtomic } from '../../io/write.js';
import { diffLedgers, formatDiffHtml, formatDiffText } from '../../ledger/diff.js';
import { readLedger } from '../shared.js';

/** `event-ledger diff`. */
export function registerDiff(program: Command): void {
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
}
