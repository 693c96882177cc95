import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffLedgers, formatDiffHtml, formatDiffText } from '../../src/ledger/diff.js';
import type { Ledger, LedgerEvent } from '../../src/ledger/merge.js';
import { runBatch } from '../../src/run.js';
import { CORPUS, DEFAULT_PIPELINE, ROOT } from '../helpers.js';

const base = JSON.parse(readFileSync(join(ROOT, 'output', 'ledger.json'), 'utf8')) as Ledger;
const copy = (): Ledger => JSON.parse(JSON.stringify(base));
const find = (l: Ledger, pred: (e: LedgerEvent) => boolean) => l.events.find(pred) as LedgerEvent;
const multi = (l: Ledger) => find(l, (e) => e.type === 'diplomatic_relations' && e.mentions.length >= 3);

/** Debian's Chromium, or undefined (with a warning) where it is not installed. */
function findChromium(): string | undefined {
  const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!found) console.warn("skipped: no Chromium at /usr/bin/chromium (.ci/run installs Debian's chromium package)");
  return found;
}

/** Headless flags for a machine whose network is closed (see the env notes), with a fresh profile. */
const chromiumFlags = () => [
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
    const chromium = findChromium();
    if (!chromium) return;
    const flags = chromiumFlags();
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

describe('a one-date edit, as a reviewer sees it', async () => {
  // The default corpus with one date changed in one article, against the committed output.
  const corpus = mkdtempSync(join(tmpdir(), 'event-ledger-edit-'));
  cpSync(CORPUS, corpus, { recursive: true });
  const file = join(corpus, '000_f0915fb445e54b2e.txt');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('on August 22-23, 2023, the Agreement', 'on September 2, 2023, the Agreement'),
  );
  const edited = (
    await runBatch({
      inputs: [corpus],
      out: mkdtempSync(join(tmpdir(), 'event-ledger-edit-out-')),
      pipeline: DEFAULT_PIPELINE,
      maxBytes: 5_000_000,
    })
  ).ledger;
  const d = diffLedgers(base, edited);
  const html = formatDiffHtml(d, 'output', 'edited');

  it('lists events whose reports only moved apart from those that changed', () => {
    expect(d.moved.length).toBeGreaterThan(0);
    for (const m of d.moved) {
      expect(d.changed.map((c) => c.id)).not.toContain(m.id);
      expect(m.moves.every((x) => x.document === '000_f0915fb445e54b2e' && x.old !== x.new)).toBe(true);
    }
    // Nothing that only moved is counted as changed: every change names a field that differs in content.
    for (const c of d.changed) expect(c.changes.every((f) => f.old !== f.new)).toBe(true);
    expect(formatDiffText(d, false)).toMatch(/^↕ .* moved: 000_f0915fb445e54b2e \d+→\d+$/m);
  });

  it('labels events by type, date and participant names, and shows a split with its new events', () => {
    const dated = d.changed.find((c) => c.changes.some((f) => f.field === 'date' && f.new === '2023-09-02'));
    expect(dated?.label).toMatch(/^agreement 2023-09-02: party Azerbaijan, party Uzbekistan$/);
    const split = d.split[0];
    expect(split?.was.label).toBe('visit 2023-08-22/2023-08-23: destination Azerbaijan, visitor Shavkat Mirziyoyev');
    expect(split?.events.map((e) => e.date)).toEqual(expect.arrayContaining(['2023-09-02']));
    expect(html).toContain('now 2 events');
    expect(html).toMatch(/<span class="date">2023-09-02<\/span>.*?visitor Shavkat Mirziyoyev/s);
  });

  it('highlights the changed part inside the cell, not the whole cell', () => {
    // 2023-08-22/2023-08-23 → 2023-09-02: the year stays plain, month and days are marked.
    expect(html).toContain(
      '<td>date</td><td class="old">2023-<del>08</del>-<del>22/2023-08-23</del></td><td class="new">2023-<ins>09</ins>-<ins>02</ins></td>',
    );
    expect(html).toContain('<td class="old">2023</td><td class="new">2023<ins>-08</ins></td>');
  });

  it('fits a 1280 px wide window without horizontal scrolling (headless Chromium)', () => {
    const chromium = findChromium();
    if (!chromium) return;
    const dir = mkdtempSync(join(tmpdir(), 'event-ledger-diff-width-'));
    // The report has no scripts; this copy measures itself once laid out.
    const probe = html.replace(
      '</body>',
      `<script>document.body.dataset.overflow = String(document.documentElement.scrollWidth - window.innerWidth); document.body.dataset.width = String(window.innerWidth);</script></body>`,
    );
    writeFileSync(join(dir, 'probe.html'), probe);
    writeFileSync(join(dir, 'report.html'), html);
    const flags = [...chromiumFlags(), '--hide-scrollbars', '--window-size=1280,900'];
    const dom = execFileSync(chromium, [...flags, '--dump-dom', `file://${join(dir, 'probe.html')}`], {
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(dom).toMatch(/data-width="1280"/);
    expect(dom).toMatch(/data-overflow="(-?\d+)"/);
    expect(Number(/data-overflow="(-?\d+)"/.exec(dom)?.[1])).toBeLessThanOrEqual(0);
    const png = join(dir, 'report.png');
    execFileSync(chromium, [...flags, `--screenshot=${png}`, `file://${join(dir, 'report.html')}`], {
      timeout: 60_000,
      stdio: 'ignore',
    });
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(1280); // the screenshot's width, from its IHDR chunk
  });
});
