import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A hash of the code that produces per-document results (every source and data file under src/), so
 * cached and queued results are reused only by the code that made them: an upgrade or a local edit
 * invalidates the cache without anyone remembering to pass --full.
 *
 * A build records the hash of the sources it was compiled from in dist/fingerprint.json, so the built
 * tool and `tsx src/…` share one fingerprint: results cached by one are reused by the other, and queue
 * workers of either kind serve the same batches. Without that file (a build made by plain tsc) the
 * built files themselves are hashed.
 */
export const FINGERPRINT_FILE = 'fingerprint.json';

let cached: string | undefined;

export function codeFingerprint(): string {
  if (cached) return cached;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const stamp = join(root, FINGERPRINT_FILE);
  if (existsSync(stamp)) {
    cached = (JSON.parse(readFileSync(stamp, 'utf8')) as { fingerprint: string }).fingerprint;
    return cached;
  }
  cached = hashTree(root);
  return cached;
}

/** The hash of every .ts, .js and .json file below a folder, by relative path and content. */
export function hashTree(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|js|json)$/.test(name) && name !== FINGERPRINT_FILE)
        h.update(p.slice(root.length)).update(readFileSync(p));
    }
  };
  if (existsSync(root)) walk(root);
  return h.digest('hex').slice(0, 16);
}
