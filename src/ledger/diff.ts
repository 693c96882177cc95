import { styleText } from 'node:util';
import { type Change, diffWords } from 'diff';
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
  /** `role=entity id`, sorted. */
  participants: string[];
  /** What a reviewer reads: type, date and the participants' names ("visit 2025-11-13: Ilham Aliyev → Uzbekistan"). */
  label: string;
  evidence: string[];
}

export interface FieldChange {
  field: string;
  old: string;
  new: string;
}

/** A report that stayed the same sentence of the same document but moved (text edited before it). */
export interface Move {
  document: string;
  old: number;
  new: number;
}

export interface LedgerDiff {
  equal: boolean;
  documents: { added: string[]; removed: string[] };
  added: EventBrief[];
  removed: EventBrief[];
  changed: { id: string; oldId?: string; type: string; label: string; changes: FieldChange[]; evidence: string[] }[];
  /** Events whose only difference is where their reports stand: nothing to review but the offsets. */
  moved: { id: string; label: string; moves: Move[] }[];
  merged: { into: string; from: string[]; event: EventBrief; was: EventBrief[]; evidence: string[] }[];
  split: { from: string; into: string[]; was: EventBrief; events: EventBrief[]; evidence: string[] }[];
}

type Mention = LedgerEvent['mentions'][number];
const offsetKey = (m: Mention) => `${m.document}:${m.start}`;
/** A report by its document and sentence: the same report whatever edits moved it. */
const textKey = (m: Mention) => `${m.document}\u0000${m.text.replace(/\s+/g, ' ').trim()}`;
const participantsOf = (e: LedgerEvent) => e.participants.map((p) => `${p.role}=${p.entity}`).sort();
const evidence = (e: LedgerEvent) =>
  e.mentions.slice(0, 3).map((m) => `${m.document}: ${m.text.replace(/\s+/g, ' ').trim()}`);

/** Entity names by id, from both ledgers (the newer name wins). */
type Names = Map<string, string>;
const nameOf = (names: Names, id: string) => names.get(id) ?? id.replace(/^[a-z]+:/, '');

function labelOf(e: LedgerEvent, names: Names): string {
  const who = e.participants.map((p) => `${p.role} ${nameOf(names, p.entity)}`).join(', ');
  return `${e.type} ${e.date?.value ?? 'undated'}${who ? `: ${who}` : ''}`;
}

function brief(e: LedgerEvent, names: Names): EventBrief {
  return {
    id: e.id,
    type: e.type,
    date: e.date?.value ?? null,
    participants: participantsOf(e),
    label: labelOf(e, names),
    evidence: evidence(e),
  };
}

function fieldChanges(a: LedgerEvent, b: LedgerEvent, names: Names): FieldChange[] {
  const named = (e: LedgerEvent) => e.participants.map((p) => `${p.role}: ${nameOf(names, p.entity)}`).sort();
  const fields: [string, (e: LedgerEvent) => unknown][] = [
    ['type', (e) => e.type],
    ['status', (e) => e.status],
    ['date', (e) => e.date?.value ?? null],
    ['date.mod', (e) => e.date?.mod ?? null],
    ['participants', named],
    ['attributes', (e) => e.attributes],
    ['conflicts', (e) => e.conflicts.map((c) => ({ field: c.field, reports: c.reports }))],
    // Reports by document and sentence: a report that only moved is listed under "moved".
    ['reports', (e) => [...new Set(e.mentions.map(textKey))].sort().map((k) => k.replace('\u0000', ': '))],
    ['confidence', (e) => e.confidence],
  ];
  const out: FieldChange[] = [];
  for (const [field, get] of fields) {
    const x = get(a);
    const y = get(b);
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ field, old: show(x), new: show(y) });
  }
  return out;
}

/** A field's value as a reviewer reads it: lists one item per line, objects as compact JSON. */
function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Reports of the same sentence whose offsets moved. */
function movesOf(a: LedgerEvent, b: LedgerEvent): Move[] {
  const before = new Map(a.mentions.map((m) => [textKey(m), m]));
  const out: Move[] = [];
  for (const m of b.mentions) {
    const o = before.get(textKey(m));
    if (o && o.start !== m.start) out.push({ document: m.document, old: o.start, new: m.start });
  }
  return out;
}

export function diffLedgers(oldL: Ledger, newL: Ledger): LedgerDiff {
  const names: Names = new Map([...oldL.entities, ...newL.entities].map((e) => [e.id, e.name]));
  const oldById = new Map(oldL.events.map((e) => [e.id, e]));
  const newById = new Map(newL.events.map((e) => [e.id, e]));
  // New events by their reports: by offset, then by sentence (an edit earlier in a document moves them).
  const newByReport = new Map<string, LedgerEvent>();
  for (const e of newL.events) for (const m of e.mentions) newByReport.set(offsetKey(m), e);
  for (const e of newL.events)
    for (const m of e.mentions) if (!newByReport.has(textKey(m))) newByReport.set(textKey(m), e);
  const followed = (m: Mention) => newByReport.get(offsetKey(m)) ?? newByReport.get(textKey(m));

  const diff: LedgerDiff = {
    equal: false,
    documents: {
      added: newL.documents.map((d) => d.id).filter((id) => !oldL.documents.some((d) => d.id === id)),
      removed: oldL.documents.map((d) => d.id).filter((id) => !newL.documents.some((d) => d.id === id)),
    },
    added: [],
    removed: [],
    changed: [],
    moved: [],
    merged: [],
    split: [],
  };
  const compare = (a: LedgerEvent, b: LedgerEvent, oldId?: string) => {
    const changes = fieldChanges(a, b, names);
    if (oldId && !changes.length) changes.push({ field: 'id', old: oldId, new: b.id });
    if (changes.length)
      diff.changed.push({
        id: b.id,
        ...(oldId ? { oldId } : {}),
        type: b.type,
        label: labelOf(b, names),
        changes,
        evidence: evidence(b),
      });
    else {
      const moves = movesOf(a, b);
      if (moves.length) diff.moved.push({ id: b.id, label: labelOf(b, names), moves });
    }
  };
  for (const [id, b] of newById) {
    const a = oldById.get(id);
    if (a) compare(a, b);
  }
  // Old events whose id is gone: follow their reports into the new ledger.
  const consumed = new Set<string>();
  const mergedInto = new Map<string, string[]>();
  for (const a of oldL.events) {
    if (newById.has(a.id)) continue;
    const targets = [...new Set(a.mentions.map(followed).filter((e): e is LedgerEvent => !!e))];
    if (!targets.length) diff.removed.push(brief(a, names));
    else if (targets.length > 1) {
      const sorted = [...targets].sort((x, y) => (x.id < y.id ? -1 : 1));
      diff.split.push({
        from: a.id,
        into: sorted.map((t) => t.id),
        was: brief(a, names),
        events: sorted.map((t) => brief(t, names)),
        evidence: evidence(a),
      });
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
      compare(oldById.get(from[0] as string) as LedgerEvent, t, from[0]);
    } else {
      const sources = (oldById.has(into) ? [into, ...from] : from).sort();
      diff.merged.push({
        into,
        from: sources,
        event: brief(t, names),
        was: sources.map((id) => brief(oldById.get(id) as LedgerEvent, names)),
        evidence: evidence(t),
      });
      diff.changed = diff.changed.filter((c) => c.id !== into);
      diff.moved = diff.moved.filter((c) => c.id !== into);
    }
  }
  for (const b of newL.events) if (!oldById.has(b.id) && !consumed.has(b.id)) diff.added.push(brief(b, names));
  diff.changed.sort((x, y) => (x.id < y.id ? -1 : 1));
  diff.moved.sort((x, y) => (x.id < y.id ? -1 : 1));
  diff.equal =
    !diff.added.length &&
    !diff.removed.length &&
    !diff.changed.length &&
    !diff.moved.length &&
    !diff.merged.length &&
    !diff.split.length &&
    !diff.documents.added.length &&
    !diff.documents.removed.length;
  return diff;
}

function summaryLine(d: LedgerDiff): string {
  return `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.moved.length} moved, ${d.merged.length} merged, ${d.split.length} split; documents +${d.documents.added.length} -${d.documents.removed.length}`;
}

/** Coloured text for a terminal (plain when colour is off: NO_COLOR, not a TTY). */
export function formatDiffText(d: LedgerDiff, colour: boolean): string {
  const c = (style: Parameters<typeof styleText>[0], s: string) => (colour ? styleText(style, s) : s);
  const lines: string[] = [d.equal ? 'The ledgers are equal.' : summaryLine(d)];
  const dim = (xs: string[]) => xs.map((x) => c('dim', `    ${x}`));
  for (const e of d.added) lines.push(c('green', `+ ${e.label}  [${e.id}]`), ...dim(e.evidence));
  for (const e of d.removed) lines.push(c('red', `- ${e.label}  [${e.id}]`), ...dim(e.evidence));
  for (const e of d.changed) {
    lines.push(c('yellow', `~ ${e.label}  [${e.id}${e.oldId ? `, was ${e.oldId}` : ''}]`));
    for (const f of e.changes) {
      if (f.old.includes('\n') || f.new.includes('\n')) {
        // A list (reports, participants): the items that went and came, not both lists whole.
        const before = new Set(f.old.split('\n'));
        const after = new Set(f.new.split('\n'));
        lines.push(`    ${f.field}:`);
        for (const x of before) if (!after.has(x)) lines.push(c('red', `      - ${x}`));
        for (const x of after) if (!before.has(x)) lines.push(c('green', `      + ${x}`));
        continue;
      }
      const parts = diffWords(f.old, f.new)
        .map((p) => (p.added ? c('green', p.value) : p.removed ? c('red', p.value) : p.value))
        .join('');
      lines.push(`    ${f.field}: ${colour ? parts : `${f.old} → ${f.new}`}`);
    }
    lines.push(...dim(e.evidence));
  }
  for (const m of d.moved)
    lines.push(
      c('dim', `↕ ${m.label}  [${m.id}] moved: ${m.moves.map((x) => `${x.document} ${x.old}→${x.new}`).join(', ')}`),
    );
  for (const m of d.merged)
    lines.push(
      c('cyan', `⇉ merged into ${m.event.label}  [${m.into}]`),
      ...m.was.map((w) => `    was ${w.label}  [${w.id}]`),
      ...dim(m.evidence),
    );
  for (const s of d.split)
    lines.push(
      c('magenta', `⇶ split: ${s.was.label}  [${s.from}]`),
      ...s.events.map((e) => `    now ${e.label}  [${e.id}]`),
      ...dim(s.evidence),
    );
  return `${lines.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const br = (s: string) => esc(s).replace(/\n/g, '<br>');

/** Old and new values with the words that changed marked: removed in the old cell, added in the new. */
function highlighted(oldValue: string, newValue: string): [string, string] {
  const parts = diffWords(oldValue, newValue);
  const side = (keep: (p: Change) => boolean, mark: (p: Change) => boolean, tag: string) =>
    parts
      .filter(keep)
      .map((p) => (mark(p) ? `<${tag}>${br(p.value)}</${tag}>` : br(p.value)))
      .join('');
  return [
    side(
      (p) => !p.added,
      (p) => !!p.removed,
      'del',
    ),
    side(
      (p) => !p.removed,
      (p) => !!p.added,
      'ins',
    ),
  ];
}

/** A self-contained HTML report (inline styles, no scripts) a reviewer opens in a browser. */
export function formatDiffHtml(d: LedgerDiff, oldName: string, newName: string): string {
  const ev = (xs: string[]) => `<ul class="evidence">${xs.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
  const id = (x: string) => `<code class="id">${esc(x)}</code>`;
  const event = (e: EventBrief, cls = '') =>
    `<div class="event ${cls}"><strong>${esc(e.type)}</strong> <span class="date">${esc(e.date ?? 'undated')}</span> ${id(e.id)}<div class="who">${esc(e.label.replace(/^[^:]*:?\s*/, '') || 'no participants')}</div>${ev(e.evidence)}</div>`;
  const list = (title: string, items: EventBrief[], cls: string) =>
    items.length ? `<h2>${title} (${items.length})</h2>${items.map((e) => event(e, cls)).join('')}` : '';
  const changed = d.changed.length
    ? `<h2>Changed (${d.changed.length})</h2>${d.changed
        .map(
          (e) =>
            `<section class="changed"><h3>${esc(e.label)} ${id(e.id)}${e.oldId ? ` <small>was ${id(e.oldId)}</small>` : ''}</h3><table><colgroup><col class="field"><col><col></colgroup><tr><th>field</th><th>old</th><th>new</th></tr>${e.changes
              .map((f) => {
                const [o, n] = highlighted(f.old, f.new);
                return `<tr><td>${esc(f.field)}</td><td class="old">${o}</td><td class="new">${n}</td></tr>`;
              })
              .join('')}</table>${ev(e.evidence)}</section>`,
        )
        .join('')}`
    : '';
  const moved = d.moved.length
    ? `<h2>Moved (${d.moved.length})</h2><p class="note">Only where their reports stand changed (text edited earlier in the document).</p><ul class="moved">${d.moved
        .map(
          (m) =>
            `<li>${esc(m.label)} ${id(m.id)}: ${m.moves.map((x) => `${esc(x.document)} ${x.old} → ${x.new}`).join(', ')}</li>`,
        )
        .join('')}</ul>`
    : '';
  const merges = d.merged.length
    ? `<h2>Merged (${d.merged.length})</h2>${d.merged
        .map(
          (m) =>
            `<section class="merged"><h3>now one event</h3>${event(m.event, 'added')}<h4>was ${m.was.length} events</h4>${m.was.map((w) => event(w, 'removed')).join('')}</section>`,
        )
        .join('')}`
    : '';
  const splits = d.split.length
    ? `<h2>Split (${d.split.length})</h2>${d.split
        .map(
          (s) =>
            `<section class="split"><h3>was one event</h3>${event(s.was, 'removed')}<h4>now ${s.events.length} events</h4>${s.events.map((e) => event(e, 'added')).join('')}</section>`,
        )
        .join('')}`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Ledger diff</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;padding:0 1rem;max-width:72rem;color:#1d1d1f;background:#fff;overflow-wrap:anywhere}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1rem;margin:.8rem 0 .3rem}h4{margin:.5rem 0 .2rem;font-size:.9rem;color:#555}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.5rem 0}col.field{width:9rem}
td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere;word-break:break-word}
td.old del{background:#f9c9c9;text-decoration:line-through}td.new ins{background:#bfe8c8;text-decoration:none}
.event{border-left:4px solid #ccc;padding:.3rem .6rem;margin:.4rem 0}.event.added{border-color:#2da44e;background:#f3fbf5}.event.removed{border-color:#cf222e;background:#fdf3f3}
.date{font-weight:600}.who{color:#333}code.id{color:#777;font-size:.85em}
.summary{font-size:1.1rem;padding:.6rem 1rem;background:#f2f4f8;border-radius:6px}.note{color:#666}
.evidence{color:#555;font-size:.9em;margin:.2rem 0 0 1rem;padding-left:1rem}
</style></head><body>
<h1>Ledger diff</h1>
<p>Old: <code>${esc(oldName)}</code> · New: <code>${esc(newName)}</code></p>
<p class="summary" id="summary">${esc(d.equal ? 'The ledgers are equal.' : summaryLine(d))}</p>
${list('Added', d.added, 'added')}${list('Removed', d.removed, 'removed')}${changed}${merges}${splits}${moved}
</body></html>
`;
}
