import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Below this share of live bytes a pack's live entries are copied forward and the pack dropped. */
const COMPACT_BELOW = 0.5;

/**
 * The append-only packs in `dir` (the kept inputs, the cached results) that are mostly dead entries,
 * given the live bytes in each: their live entries are worth copying into the current pack, so packs
 * do not grow with every edit. The current pack is never among them.
 */
export function packsToCompact(dir: string, live: Map<string, number>, current?: string): string[] {
  const out: string[] = [];
  for (const [pack, bytes] of live) {
    if (pack === current) continue;
    try {
      if (bytes < statSync(join(dir, pack)).size * COMPACT_BELOW) out.push(pack);
    } catch {
      // A pack already gone has nothing to copy.
    }
  }
  return out;
}
