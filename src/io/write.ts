import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writes through a temporary file and a rename (write-file-atomic), so a crash or Ctrl-C leaves either
 * the old file or the new one, never half of one.
 */
export function writeAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic.sync(path, data);
}
