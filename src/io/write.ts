import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writes through a temporary file and a rename (write-file-atomic), so a crash or Ctrl-C leaves either
 * the old file or the new one, never half of one. `fsync: false` for files that may be lost on a power
 * cut (caches): the rename still keeps them whole.
 */
export function writeAtomic(path: string, data: string | Buffer, options: { fsync?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic.sync(path, data, { fsync: options.fsync ?? true });
}

/**
 * The same guarantee for a file written piece by piece (documents.jsonl of a large batch, which is
 * never held whole in memory): pieces go to a temporary file beside the target, `commit` syncs and
 * renames it over the target, `abort` removes it. write-file-atomic takes only whole contents.
 */
export class AtomicFileWriter {
  private readonly tmp: string;
  private fd: number | undefined;
  private buffer: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  /** The SHA-256 of everything written, for a manifest naming the file's exact contents. */
  private readonly hash = createHash('sha256');

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  write(chunk: string | Buffer): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(bytes);
    this.buffer.push(bytes);
    this.buffered += bytes.length;
    if (this.buffered > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined) throw new Error(`${this.path}: write after commit or abort`);
    if (this.buffer.length) writeSync(this.fd, Buffer.concat(this.buffer, this.buffered));
    this.buffer = [];
    this.buffered = 0;
  }

  commit(): void {
    renameSync(this.close(), this.path);
  }

  /**
   * Writes out, syncs and closes the temporary file without renaming it, for a caller that renames
   * several files together (batch/outputs). Returns the temporary file's path.
   */
  close(): string {
    this.flush();
    const fd = this.fd as number;
    fsyncSync(fd);
    closeSync(fd);
    this.fd = undefined;
    return this.tmp;
  }

  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
  }
}
