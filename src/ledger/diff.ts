import { styleText } from 'node:util';
import type { Ledger, LedgerEvent } from './merge.js';

/**
 * What changed between two ledgers, for a reviewer: events added and removed, events changed field by
 * field (also when a change of content changed the id), events merged (several old events are now one)
 * and split (one old event is now several), each with the evidence sentences. Events are followed
 * across runs by id first, then by the reports (document and offset) they share.
 */
export interface EventBrief {
  id: string;
  type: string;
  date: string | null;
  participants: string[];
  evidence: string[];
}

export interface FieldChange {
  field: string;
  old: string;
  new: string;
}

export interface LedgerDiff {
  equal: boolean;
  documents: { added: string[]; removed: string[] };
  added: EventBrief[];
  removed: EventBrief[];
  changed: { id: string; oldId?: string; type: string; changes: FieldChange[]; evidence: string[] }[];
  merged: { into: string; from: string[]; evidence: string[] }[];
  split: { from: string; into: string[]; evidence: string[] }[];
}

const mentionKeys = (e: LedgerEvent) => e.mentions.map((m) => `${m.document}:${m.start}`);
const participantsOf = (e: LedgerEvent) => e.participants.map((p) => `${p.role}=${p.entity}`).sort();
const evidence = (e: LedgerEvent) =>
  e.mentions.slice(0, 3).map((m) => `${m.document}: ${m.text.replace(/\s+/g, ' ').trim()}`);

function brief(e: LedgerEvent): EventBrief {
  return {
    id: e.id,
    type: e.type,
    date: e.date?.value ?? null,
    participants: participantsOf(e),
    evidence: evidence(e),
  };
}

function fieldChanges(a: LedgerEvent, b: LedgerEvent): FieldChange[] {
  const fields: [string, (e: LedgerEvent) => unknown][] = [
    ['type', (e) => e.type],
    ['status', (e) => e.status],
    ['date', (e) => e.date?.value ?? null],
    ['date.mod', (e) => e.date?.mod ?? null],
    ['participants', participantsOf],
    ['attributes', (e) => e.attributes],
    ['conflicts', (e) => e.conflicts],
    ['mentions', (e) => mentionKeys(e).sort()],
    ['confidence', (e) => e.confidence],
  ];
  const out: FieldChange[] = [];
  for (const [field, get] of fields) {
    const x = JSON.stringify(get(a));
    const y = JSON.stringify(get(b));
    if (x !== y) out.push({ field, old: x, new: y });
  }
  return out;
}

export function diffLedgers(oldL: Ledger, newL: Ledger): LedgerDiff {
  const oldById = new Map(oldL.events.map((e) => [e.id, e]));
  const newById = new Map(newL.events.map((e) => [e.id, e]));
  const newByMention = new Map<string, LedgerEvent>();
  for (const e of newL.events) for (const k of mentionKeys(e)) newByMention.set(k, e);

  const diff: LedgerDiff = {
    equal: false,
    documents: {
      added: newL.documents.map((d) => d.id).filter((id) => !oldL.documents.some((d) => d.id === id)),
      removed: oldL.documents.map((d) => d.id).filter((id) => !newL.documents.some((d) => d.id === id)),
    },
    added: [],
    removed: [],
    changed: [],
    merged: [],
    split: [],
  };
  for (const [id, b] of newById) {
    const a = oldById.get(id);
    if (!a) continue;
    const changes = fieldChanges(a, b);
    if (changes.length) diff.changed.push({ id, type: b.type, changes, evidence: evidence(b) });
  }
  // Old events whose id is gone: follow their reports into the new ledger.
  const consumed = new Set<string>();
  const mergedInto = new Map<string, string[]>();
  for (const a of oldL.events) {
    if (newById.has(a.id)) continue;
    const targets = [
      ...new Set(
        mentionKeys(a)
          .map((k) => newByMention.get(k))
          .filter((e): e is LedgerEvent => !!e),
      ),
    ];
    if (!targets.length) diff.removed.push(brief(a));
    else if (targets.length > 1) {
      diff.split.push({ from: a.id, into: targets.map((t) => t.id).sort(), evidence: evidence(a) });
      for (const t of targets) consumed.add(t.id);
    } else {
      const t = targets[0] as LedgerEvent;
      mergedInto.set(t.id, [...(mergedInto.get(t.id) ?? []), a.id]);
    }
  }
  for (const [into, from] of mergedInto) {
    const t = newById.get(into) as LedgerEvent;
    consumed.add(into);
    if (from.length === 1 && !oldById.has(into)) {
      // One old event became one new event with another id: a change of identifying content.
      const a = oldById.get(from[0] as string) as LedgerEvent;
      diff.changed.push({ id: into, oldId: a.id, type: t.type, changes: fieldChanges(a, t), evidence: evidence(t) });
    } else {
      const sources = oldById.has(into) ? [into, ...from] : from;
      diff.merged.push({ into, from: sources.sort(), evidence: evidence(t) });
      diff.changed = diff.changed.filter((c) => c.id !== into);
    }
  }
  for (const b of newL.events) if (!oldById.has(b.id) && !consumed.has(b.id)) diff.added.push(brief(b));
  diff.changed.sort((x, y) => (x.id < y.id ? -1 : 1));
  diff.equal =
    !diff.added.length &&
    !diff.removed.length &&
    !diff.changed.length &&
    !diff.merged.length &&
    !diff.split.length &&
    !diff.documents.added.length &&
    !diff.documents.removed.length;
  return diff;
}

function summaryLine(d: LedgerDiff): string {
  return `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.merged.length} merged, ${d.split.length} split; documents +${d.documents.added.length} -${d.documents.removed.length}`;
}

const describe = (e: EventBrief) => `${e.type} ${e.date ?? 'undated'} ${e.participants.join(' ')}`;

/** Coloured text for a terminal (plain when colour is off: NO_COLOR, not a TTY). */
export function formatDiffText(d: LedgerDiff, colour: boolean): string {
  const c = (style: Parameters<typeof styleText>[0], s: string) => (colour ? styleText(style, s) : s);
  const lines: string[] = [d.equal ? 'The ledgers are equal.' : summaryLine(d)];
  for (const e of d.added)
    lines.push(c('green', `+ ${e.id} ${describe(e)}`), ...e.evidence.map((x) => c('dim', `    ${x}`)));
  for (const e of d.removed)
    lines.push(c('red', `- ${e.id} ${describe(e)}`), ...e.evidence.map((x) => c('dim', `    ${x}`)));
  for (const e of d.changed) {
    lines.push(c('yellow', `~ ${e.id}${e.oldId ? ` (was ${e.oldId})` : ''} ${e.type}`));
    for (const f of e.changes) lines.push(`    ${f.field}: ${c('red', f.old)} → ${c('green', f.new)}`);
    lines.push(...e.evidence.map((x) => c('dim', `    ${x}`)));
  }
  for (const m of d.merged)
    lines.push(
      c('cyan', `⇉ ${m.from.join(' + ')} merged into ${m.into}`),
      ...m.evidence.map((x) => c('dim', `    ${x}`)),
    );
  for (const s of d.split)
    lines.push(
      c('magenta', `⇶ ${s.from} split into ${s.into.join(' + ')}`),
      ...s.evidence.map((x) => c('dim', `    ${x}`)),
    );
  return `${lines.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A self-contained HTML report (inline styles, no scripts) a reviewer opens in a browser. */
export function formatDiffHtml(d: LedgerDiff, oldName: string, newName: string): string {
  const ev = (xs: string[]) => `<ul class="evidence">${xs.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
  const rows = (items: EventBrief[], cls: string) =>
    items
      .map(
        (e) =>
          `<tr class="${cls}"><td><code>${esc(e.id)}</code></td><td>${esc(e.type)}</td><td>${esc(e.date ?? 'undated')}</td><td>${esc(e.participants.join(', '))}</td><td>${ev(e.evidence)}</td></tr>`,
      )
      .join('');
  const table = (title: string, items: EventBrief[], cls: string) =>
    items.length
      ? `<h2>${title} (${items.length})</h2><table><tr><th>id</th><th>type</th><th>date</th><th>participants</th><th>evidence</th></tr>${rows(items, cls)}</table>`
      : '';
  const changed = d.changed.length
    ? `<h2>Changed (${d.changed.length})</h2>${d.changed
        .map(
          (e) =>
            `<section class="changed"><h3><code>${esc(e.id)}</code> ${esc(e.type)}${e.oldId ? ` <small>(was <code>${esc(e.oldId)}</code>)</small>` : ''}</h3><table><tr><th>field</th><th>old</th><th>new</th></tr>${e.changes
              .map(
                (f) =>
                  `<tr><td>${esc(f.field)}</td><td class="old">${esc(f.old)}</td><td class="new">${esc(f.new)}</td></tr>`,
              )
              .join('')}</table>${ev(e.evidence)}</section>`,
        )
        .join('')}`
    : '';
  const merges = d.merged.length
    ? `<h2>Merged (${d.merged.length})</h2>${d.merged.map((m) => `<p class="merged">${m.from.map((x) => `<code>${esc(x)}</code>`).join(' + ')} → <code>${esc(m.into)}</code></p>${ev(m.evidence)}`).join('')}`
    : '';
  const splits = d.split.length
    ? `<h2>Split (${d.split.length})</h2>${d.split.map((s) => `<p class="split"><code>${esc(s.from)}</code> → ${s.into.map((x) => `<code>${esc(x)}</code>`).join(' + ')}</p>${ev(s.evidence)}`).join('')}`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ledger diff</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f;background:#fff}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
tr.added td{background:#e8f7ec}tr.removed td{background:#fdecec}td.old{background:#fdecec}td.new{background:#e8f7ec}
.summary{font-size:1.1rem;padding:.6rem 1rem;background:#f2f4f8;border-radius:6px}
.evidence{color:#555;font-size:.9em;margin:.2rem 0 0 1rem}.merged,.split{font-weight:600}code{font-size:.95em}
</style></head><body>
<h1>Ledger diff</h1>
<p>Old: <code>${esc(oldName)}</code> · New: <code>${esc(newName)}</code></p>
<p class="summary" id="summary">${esc(d.equal ? 'The ledgers are equal.' : summaryLine(d))}</p>
${table('Added', d.added, 'added')}${table('Removed', d.removed, 'removed')}${changed}${merges}${splits}
</body></html>
`;
}
