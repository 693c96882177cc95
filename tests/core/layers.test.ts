import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/**
 * The run module in layers, each importing only the ones below it: one document's processing, the
 * batch (cache, members, pool, the worker thread), the merge and the writers, then `run` on top. The
 * report's types sit beside the bottom layer. Queue workers and the CLI use the layers, not run.ts.
 */
const LAYER: Record<string, number> = {
  'src/batch/process.ts': 0,
  'src/batch/report.ts': 0,
  'src/batch/fingerprint.ts': 0,
  'src/batch/cache.ts': 1,
  'src/batch/members.ts': 1,
  'src/batch/outputs.ts': 1,
  'src/batch/pool.ts': 1,
  'src/batch/worker.ts': 1,
  'src/batch/finish.ts': 2,
  'src/run.ts': 3,
};

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The project files a source file imports (static and dynamic imports, type-only ones too). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] as string);
  return specs.map((s) => relative(ROOT, resolve(join(ROOT, file, '..'), s)).replace(/\.js$/, '.ts'));
}

describe('the run module in layers', () => {
  it('has every layer import only its own layer and those below it', () => {
    const bad: string[] = [];
    for (const [file, layer] of Object.entries(LAYER))
      for (const dep of importsOf(file))
        if (dep in LAYER && (LAYER[dep] as number) > layer) bad.push(`${file} -> ${dep}`);
    expect(bad).toEqual([]);
  });

  it('is used through its layers: only the library entry and the run command import run.ts', () => {
    const users = files('src').filter((f) => importsOf(f).includes('src/run.ts'));
    expect(users.sort()).toEqual(['src/cli/commands/run.ts', 'src/index.ts']);
  });

  it('has one small file per CLI command', () => {
    const commands = files('src/cli/commands');
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const f of commands) expect(readFileSync(join(ROOT, f), 'utf8').split('\n').length, f).toBeLessThan(120);
  });
});
