import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, seed } from '../helpers.js';

/**
 * The package as a user gets it: `npm pack`, unpacked into another project's node_modules (its
 * dependencies linked from this checkout, so no network is needed), then imported by name from
 * JavaScript and type-checked from TypeScript.
 */
function installPacked(): string {
  if (!existsSync(join(ROOT, 'dist', 'index.d.ts'))) execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT });
  const dir = mkdtempSync(join(tmpdir(), 'event-ledger-pack-'));
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const tarball = join(dir, (JSON.parse(out) as { filename: string }[])[0]?.filename as string);
  const app = join(dir, 'app');
  const pkg = join(app, 'node_modules', 'event-ledger');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1']);
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  writeFileSync(join(app, 'package.json'), '{"name": "app", "type": "module", "private": true}\n');
  return app;
}

describe('the packed package', () => {
  const app = installPacked();

  it('imports by name and extracts events from an article, and runs a batch', () => {
    writeFileSync(join(app, 'article.txt'), seed('001'));
    writeFileSync(
      join(app, 'use.mjs'),
      `import { extract, runBatch, mergeLedger, toolVersion, defaultPipelinePath } from 'event-ledger';
const r = extract(process.argv[2], { id: 'a', published: '2025-11-13' });
const { ledger } = mergeLedger([r]);
const batch = await runBatch({ inputs: ['article.txt'], out: 'out', pipeline: defaultPipelinePath, maxBytes: 5e6 });
console.log(JSON.stringify({ version: toolVersion(), language: r.record.language, events: r.events.length,
  types: [...new Set(ledger.events.map((e) => e.type))].sort(), batchEvents: batch.ledger.events.length }));
`,
    );
    const r = spawnSync(process.execPath, ['use.mjs', seed('001')], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as {
      version: string;
      language: string;
      events: number;
      types: string[];
      batchEvents: number;
    };
    expect(got.language).toBe('en');
    expect(got.events).toBeGreaterThan(0);
    expect(got.types).toContain('visit');
    expect(got.batchEvents).toBeGreaterThan(0);
    expect(got.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('ships type declarations that a strict TypeScript project compiles against', () => {
    writeFileSync(
      join(app, 'use.ts'),
      `import { extract, type Ledger, type LedgerEvent, type RunOptions } from 'event-ledger';
const r = extract('text', { language: 'en' });
const first: LedgerEvent | undefined = undefined as unknown as Ledger['events'][number];
const opts: RunOptions = { inputs: ['a'], out: 'o', pipeline: 'p.json', maxBytes: 1 };
const n: number = r.events.length + r.record.dates.length;
// @ts-expect-error: extract takes a string, not a number
extract(42);
export { first, n, opts };
`,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        '--types',
        'node',
        '--typeRoots',
        join(ROOT, 'node_modules', '@types'),
        'use.ts',
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
