import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeAtomic } from '../io/write.js';

/**
 * The output folder as one consistent set of files. A run writes every output (documents.jsonl,
 * ledger.json, run-report.json, the member list) to temporary files first, then names them in a
 * commit journal (`.commit.json`, written atomically) before renaming them into place one by one.
 * A run killed between two renames leaves the journal behind, and whichever run or reader comes
 * next finishes the renames before anything else: documents.jsonl and ledger.json are never from
 * two different runs once a run has started.
 */
const JOURNAL = '.commit.json';
const LOCK = '.lock';

interface Journal {
  files: [tmp: string, target: string][];
}

/** Renames prepared files into place through the journal (see above). Paths are relative to `out`. */
export function commitOutputs(out: string, files: [tmp: string, target: string][]): void {
  writeAtomic(join(out, JOURNAL), `${JSON.stringify({ files } satisfies Journal)}\n`);
  finishCommit(out);
}

/** Completes a commit whose journal a killed run left behind; nothing to do without one. */
export function finishCommit(out: string): boolean {
  const path = join(out, JOURNAL);
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  } catch {
    // No journal, or one cut short before its atomic rename (which cannot happen): nothing pending.
    rmSync(path, { force: true });
    return false;
  }
  for (const [tmp, target] of journal.files) {
    if (existsSync(join(out, tmp))) renameSync(join(out, tmp), join(out, target));
  }
  syncFolder(out);
  rmSync(path, { force: true });
  return true;
}

/** Makes the renames in a folder durable (where the platform allows opening a folder). */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported here (Windows): the renames are still atomic */
  }
}

// Temporary files of our own writers (`.<name>.<pid>.<time>.tmp`) and of write-file-atomic
// (`<name>.<number>`), which a killed run leaves behind.
const STALE = [/^\..+\.tmp$/u, /^(?:ledger\.json|documents\.jsonl|run-report\.json)\.\d+$/u];

/** Removes the temporary files killed runs left in the output folder and its stores. */
export function removeStaleTemps(out: string, stores: string[]): number {
  let n = 0;
  for (const dir of [out, ...stores]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const store = dir !== out;
      // In a store, every file but the entries themselves is a leftover.
      const stale = store ? /\.tmp$|\.\d+$/u.test(name) : STALE.some((re) => re.test(name));
      if (!stale) continue;
      rmSync(join(dir, name), { force: true });
      n++;
    }
  }
  return n;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the output folder for this process (`.lock` holding its pid) and gives a function that
 * releases it. A lock left by a process that is gone is taken over; a live holder is a usage error.
 */
export function lockOutput(out: string): () => void {
  const path = join(out, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return () => {
        process.removeListener('exit', release);
        release();
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder))
        throw new UsageError(
          `another run (pid ${holder}) is writing to ${out}; wait for it to finish, or use another --out`,
        );
      // A lock from a process that died (kill -9, power cut), or an unreadable one older than a minute.
      if (!Number.isInteger(holder) && Date.now() - statSync(path).mtimeMs < 60_000)
        throw new UsageError(`${path} is being created by another run; try again in a moment`);
      rmSync(path, { force: true });
    }
  }
  throw new UsageError(`cannot take ${path}; remove it if no run is writing to ${out}`);
}
