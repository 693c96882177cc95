import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A hash of the code that produces per-document results (every source and data file under src/, or
 * dist/ when running built), so cached results are reused only by the code that made them: an upgrade
 * or a local edit invalidates the cache without anyone remembering to pass --full.
 */
let cached: string | undefined;

export function codeFingerprint(): string {
  if (cached) return cached;
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, '..');
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|js|json)$/.test(name)) h.update(p.slice(root.length)).update(readFileSync(p));
    }
  };
  if (existsSync(root)) walk(root);
  cached = h.digest('hex').slice(0, 16);
  return cached;
}
