import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { formatScore, scoreRun } from '../../eval/score.js';

/** `event-ledger eval`. */
export function registerEval(program: Command): void {
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
}
