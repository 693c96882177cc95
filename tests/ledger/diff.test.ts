import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffLedgers, formatDiffHtml, formatDiffText } from '../../src/ledger/diff.js';
import type { Ledger, LedgerEvent } from '../../src/ledger/merge.js';
import { ROOT } from '../helpers.js';

const base = JSON.parse(readFileSync(join(ROOT, 'output', 'ledger.json'), 'utf8')) as Ledger;
const copy = (): Ledger => JSON.parse(JSON.stringify(base));
const find = (l: Ledger, pred: (e: LedgerEvent) => boolean) => l.events.find(pred) as LedgerEvent;
const multi = (l: Ledger) => find(l, (e) => e.type === 'diplomatic_relations' && e.mentions.length >= 3);

describe('diffLedgers', () => {
  it('finds two equal ledgers equal', () => {
    const d = diffLedgers(base, copy());
    expect(d.equal).toBe(true);
    expect(formatDiffText(d, false)).toBe('The ledgers are equal.\n');
  });

  it('reports added, removed and changed events, field by field', () => {
    const next = copy();
    const removed = next.events.splice(5, 1)[0] as LedgerEvent;
    const changed = next.events[0] as LedgerEvent;
    changed.date = { value: '1990', precision: 'year' };
    next.events.push({
      ...removed,
      id: 'ev-000000000000',
      mentions: [{ ...(removed.mentions[0] as LedgerEvent['mentions'][number]), document: 'new-doc', start: 1 }],
    });
    const d = diffLedgers(base, next);
    expect(d.equal).toBe(false);
    expect(d.removed.map((e) => e.id)).toEqual([removed.id]);
    expect(d.added.map((e) => e.id)).toEqual(['ev-000000000000']);
    expect(d.changed.find((c) => c.id === changed.id)?.changes.map((f) => f.field)).toEqual(['date']);
  });

  it('follows an event whose id changed through the reports it keeps', () => {
    const next = copy();
    const e = multi(next);
    const oldId = e.id;
    e.id = 'ev-111111111111';
    const d = diffLedgers(base, next);
    expect(d.changed).toEqual([expect.objectContaining({ id: 'ev-111111111111', oldId })]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('reports a split when one event became two, and a merge when two became one', () => {
    const next = copy();
    const e = multi(next);
    const half = { ...e, id: 'ev-222222222222', mentions: e.mentions.slice(1) };
    e.mentions = e.mentions.slice(0, 1);
    e.id = 'ev-333333333333';
    next.events.push(half);
    const split = diffLedgers(base, next);
    expect(split.split).toEqual([
      expect.objectContaining({ from: multi(base).id, into: ['ev-222222222222', 'ev-333333333333'] }),
    ]);
    const merged = diffLedgers(next, base);
    expect(merged.merged).toEqual([
      expect.objectContaining({ into: multi(base).id, from: ['ev-222222222222', 'ev-333333333333'] }),
    ]);
  });
});

describe('the diff CLI and its HTML report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-ledger-diff-'));
  const next = copy();
  next.events.splice(2, 1);
  writeFileSync(join(dir, 'new.json'), JSON.stringify(next));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('exits 0 for equal ledgers and 1 for different ones, with JSON on request', () => {
    expect(cli('diff', 'output', 'output/ledger.json').status).toBe(0);
    const r = cli('diff', 'output', join(dir, 'new.json'), '--format', 'json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).removed).toHaveLength(1);
  });

  it('renders in headless Chromium', () => {
    const html = join(dir, 'report.html');
    writeFileSync(html, formatDiffHtml(diffLedgers(base, next), 'output', 'new.json'));
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
    if (!chromium) {
      console.warn("skipped: no Chromium at /usr/bin/chromium (.ci/run installs Debian's chromium package)");
      return;
    }
    const flags = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`,
    ];
    const dom = execFileSync(chromium, [...flags, '--dump-dom', `file://${html}`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(dom).toContain('0 added, 1 removed');
    const png = join(dir, 'report.png');
    execFileSync(chromium, [...flags, `--screenshot=${png}`, '--window-size=1200,900', `file://${html}`], {
      timeout: 60_000,
      stdio: 'ignore',
    });
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // A blank page compresses to a few hundred bytes; the rendered report is far larger.
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });
});
