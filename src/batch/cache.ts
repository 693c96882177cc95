import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFailure, RawInput } from '../io/inputs.js';
import { writeAtomic } from '../io/write.js';
import type { DocumentResult } from '../ledger/records.js';

/**
 * Per-document results kept between runs in `<out>/.cache/`, one file per document keyed by the
 * document id, its content hash, the pipeline configuration's hash and the code fingerprint. Each file
 * is written atomically as soon as its document is done, so an interrupted run resumes where it
 * stopped; the ledger is always re-merged from the current inputs, so removed articles drop out.
 */
export type CachedOutcome = { result: DocumentResult } | { failure: InputFailure };

export class ResultCache {
  private readonly dir: string;
  private readonly used = new Set<string>();

  constructor(
    out: string,
    private readonly salt: string,
  ) {
    this.dir = join(out, '.cache');
    mkdirSync(this.dir, { recursive: true });
  }

  private key(input: RawInput): string {
    return createHash('sha256')
      .update(`${input.id}\0${input.source}\0${input.sha256}\0${this.salt}`)
      .digest('hex')
      .slice(0, 32);
  }

  get(input: RawInput): CachedOutcome | undefined {
    const k = this.key(input);
    this.used.add(k);
    try {
      return JSON.parse(readFileSync(join(this.dir, `${k}.json`), 'utf8')) as CachedOutcome;
    } catch {
      return undefined;
    }
  }

  set(input: RawInput, outcome: CachedOutcome): void {
    const k = this.key(input);
    this.used.add(k);
    writeAtomic(join(this.dir, `${k}.json`), JSON.stringify(outcome));
  }

  /** Removes entries no input of this run used (removed or changed articles, older configurations). */
  prune(): number {
    let n = 0;
    for (const name of readdirSync(this.dir)) {
      if (!this.used.has(name.replace(/\.json$/, ''))) {
        rmSync(join(this.dir, name), { force: true });
        n++;
      }
    }
    return n;
  }
}
