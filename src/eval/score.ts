// @ts-nocheck — a faithful port of ../shared/eval/score.mjs (the team's scorer), kept line for line
// so that `event-ledger eval` prints the same figures; typed wrappers are below.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Score {
  summary: any;
  perDoc: any[];
  events: any[];
  falsePositives: string[];
  summaryLine: string;
  table: string[];
  verboseLines: string[];
}

export function scoreRun(goldPath: string, outDir: string): Score {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
  const ledgerPath = join(outDir, 'ledger.json');
  const docsPath = join(outDir, 'documents.jsonl');
  const ledger = existsSync(ledgerPath)
    ? JSON.parse(readFileSync(ledgerPath, 'utf8'))
    : { documents: [], entities: [], events: [] };
  const docLines = existsSync(docsPath)
    ? readFileSync(docsPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
  const sysDocs = docLines.map((l) => JSON.parse(l));
  // ---------- name normalisation ----------
  const CYR = {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  };
  function norm(s) {
    if (!s) return '';
    let t = String(s).toLowerCase().replace(/ə/g, 'a').replace(/ı/g, 'i');
    t = t.normalize('NFKD').replace(/\p{M}/gu, '');
    t = [...t].map((c) => (c in CYR ? CYR[c] : c)).join('');
    return t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }
  const goldEntityKeys = new Map(); // canonical -> Set(normalised aliases)
  for (const [name, e] of Object.entries(gold.entities ?? {})) {
    goldEntityKeys.set(name, new Set([name, ...(e.aliases ?? [])].map(norm)));
  }
  const keysFor = (name) => goldEntityKeys.get(name) ?? new Set([norm(name)]);

  const entById = new Map((ledger.entities ?? []).map((e) => [e.id, e]));
  const entityNames = (id) => {
    const e = entById.get(id);
    if (!e) return new Set([norm(id)]);
    return new Set([e.name, ...(e.aliases ?? [])].map(norm));
  };
  const entityMatches = (id, goldName) => {
    const ks = keysFor(goldName);
    for (const n of entityNames(id)) if (ks.has(n)) return true;
    return false;
  };

  // ---------- documents ----------
  const goldDocs = gold.documents ?? {};
  const docKey = (d) => basename(String(d.source ?? d.id ?? ''));
  const EXT = /\.(txt|md|html?|jsonl?)$/i; // only real file extensions: ids like XIE19990313.0173 keep their dots
  const sameDoc = (sysDocIdOrSource, goldName) => {
    const a = basename(String(sysDocIdOrSource));
    return a === goldName || a.replace(EXT, '') === goldName.replace(EXT, '');
  };
  const ledgerDocs = ledger.documents ?? [];
  const docSourceById = new Map([...ledgerDocs, ...sysDocs].map((d) => [d.id, d.source ?? d.id]));
  const goldNameOfSysDoc = (docId) => {
    const src = docSourceById.get(docId) ?? docId;
    return Object.keys(goldDocs).find((g) => sameDoc(src, g) || sameDoc(docId, g));
  };

  // ---------- dates ----------
  function interval(value) {
    if (value == null) return null;
    const v = typeof value === 'object' ? value.value : value;
    if (!v || typeof v !== 'string') return null;
    const parts = v.split('/');
    const lo = bound(parts[0], false);
    const hi = bound(parts[parts.length - 1], true);
    if (lo == null || hi == null) return null;
    return [lo, hi];
  }
  function bound(s, upper) {
    s = s.trim().replace(/T.*$/, '');
    let m;
    if (/^X/.test(s)) return null; // year unknown
    if ((m = /^(\d{4})-X/.exec(s))) return upper ? Date.UTC(+m[1], 11, 31) : Date.UTC(+m[1], 0, 1);
    if ((m = /^(\d{2})XX$/.exec(s)))
      return upper ? Date.UTC(+m[1] * 100 + 99, 11, 31) : Date.UTC(+m[1] * 100, 0, 1);
    if ((m = /^(\d{3})X$/.exec(s)))
      return upper ? Date.UTC(+m[1] * 10 + 9, 11, 31) : Date.UTC(+m[1] * 10, 0, 1);
    if ((m = /^(\d{4})$/.exec(s))) return upper ? Date.UTC(+m[1], 11, 31) : Date.UTC(+m[1], 0, 1);
    if ((m = /^(\d{4})-(\d{2})$/.exec(s)))
      return upper ? Date.UTC(+m[1], +m[2], 0) : Date.UTC(+m[1], +m[2] - 1, 1);
    if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return null;
  }
  const overlaps = (a, b) => a && b && a[0] <= b[1] && b[0] <= a[1];
  const dateValue = (d) => (d == null ? null : typeof d === 'object' ? (d.value ?? null) : d);
  const normDate = (v) =>
    v == null
      ? null
      : String(v)
          .replace(/T[^/]*/g, '')
          .trim();

  // ---------- per-document metrics ----------
  const perDoc = [];
  let langOk = 0,
    langN = 0,
    pubOk = 0,
    pubN = 0;
  let dateHit = 0,
    dateN = 0,
    dateSys = 0,
    dateSysOk = 0;
  let entHit = 0,
    entN = 0,
    forbiddenHits = 0;
  for (const [gname, gd] of Object.entries(goldDocs)) {
    const isDoc = (d) =>
      (d.id != null && sameDoc(d.id, gname)) || (d.source != null && sameDoc(d.source, gname));
    const sd = sysDocs.find(isDoc) ?? ledgerDocs.find(isDoc);
    const row = { doc: gname, found: !!sd };
    langN++;
    if (sd && sd.language === gd.language) {
      langOk++;
      row.lang = 'ok';
    } else row.lang = `got ${sd?.language}`;
    if (gd.published !== undefined) {
      pubN++;
      const want = [gd.published, ...(gd.published_alt ?? [])].map(normDate);
      const got = normDate(sd?.published ?? null);
      if (sd && want.includes(got)) {
        pubOk++;
        row.published = 'ok';
      } else row.published = `got ${sd?.published ?? null}`;
    }
    const sdates = (sd?.dates ?? []).map((d) => normDate(dateValue(d.value ?? d)));
    const goldVals = new Set();
    row.dateMiss = [];
    for (const gdte of gd.dates ?? []) {
      const ok = [gdte.value, ...(gdte.alt ?? [])].map(normDate);
      ok.forEach((v) => goldVals.add(v));
      if (gdte.optional) continue; // allowed, not required
      dateN++;
      if (sdates.some((v) => ok.includes(v))) dateHit++;
      else row.dateMiss.push(`${gdte.text} → ${gdte.value}`);
    }
    if (gd.published) goldVals.add(normDate(gd.published));
    dateSys += sdates.length;
    row.dateExtra = [];
    (sd?.dates ?? []).forEach((d, i) => {
      if (goldVals.has(sdates[i])) dateSysOk++;
      else row.dateExtra.push(`${String(d.text).replace(/\s+/g, ' ')} → ${sdates[i]}`);
    });
    const sents = sd?.entities ?? [];
    row.entMiss = [];
    for (const name of gd.entities?.must ?? []) {
      entN++;
      if (sents.some((m) => m.entity && entityMatches(m.entity, name))) entHit++;
      else row.entMiss.push(name);
    }
    row.forbidden = [];
    for (const f of gd.entities?.forbidden ?? []) {
      const keys = f.split('|').map(norm);
      const hit = sents.find((m) => {
        const t = norm(m.text);
        const ns = m.entity ? [...entityNames(m.entity)] : [];
        return keys.some((k) => t.includes(k) || ns.some((n) => n.includes(k)));
      });
      if (hit) {
        forbiddenHits++;
        row.forbidden.push(`${f.split('|')[0]} (“${hit.text}”)`);
      }
    }
    perDoc.push(row);
  }

  // ---------- events ----------
  const sysEvents = ledger.events ?? [];
  const goldEvents = gold.events ?? [];
  const STRICT_ROLES = new Set(['visit', 'embassy_opening']);
  function participantsOk(se, ge, strictRoles) {
    const parts = se.participants ?? [];
    return (ge.participants ?? []).every((slot) =>
      parts.some((p) => {
        if (strictRoles && slot.role && STRICT_ROLES.has(ge.type) && p.role !== slot.role) return false;
        return slot.any.some((name) => entityMatches(p.entity, name));
      }),
    );
  }
  function dateOk(se, ge) {
    if (ge.date == null) return true;
    const si = interval(dateValue(se.date));
    if (!si) return false;
    return [ge.date, ...(ge.alt ?? [])].some((v) => overlaps(si, interval(v)));
  }
  const dateExact = (se, ge) =>
    ge.date == null || [ge.date, ...(ge.alt ?? [])].map(normDate).includes(normDate(dateValue(se.date)));
  const matches = (se, ge, strict = true) =>
    se.type === ge.type && participantsOk(se, ge, strict) && dateOk(se, ge);
  const mentionDocs = (se) =>
    new Set((se.mentions ?? []).map((m) => goldNameOfSysDoc(m.document)).filter(Boolean));

  // Each system event counts toward the one gold event it fits best (shared documents, exact date,
  // title words), so that two gold events with overlapping dates do not both claim it.
  const words = (t) =>
    new Set(
      norm(t)
        .split(' ')
        .filter((w) => w.length > 2),
    );
  const jaccard = (a, b) => {
    const i = [...a].filter((x) => b.has(x)).length;
    const u = new Set([...a, ...b]).size;
    return u ? i / u : 0;
  };
  function affinity(se, ge) {
    const sd = mentionDocs(se),
      gd = new Set([...(ge.docs ?? []), ...(ge.optional_docs ?? [])]);
    let a = jaccard(sd, gd);
    if (ge.date != null && dateExact(se, ge)) a += 0.5;
    const st = se.attributes?.title ?? se.title;
    if (ge.title && st) a += 0.5 * jaccard(words(ge.title), words(st));
    const gi = interval(ge.date);
    if (gi) a -= (gi[1] - gi[0]) / 1e15; // prefer the narrower gold date on ties
    return a;
  }
  const assigned = new Map(); // gold id -> system events
  for (const se of sysEvents) {
    let best = null,
      bestA = -Infinity;
    for (const ge of goldEvents)
      if (matches(se, ge)) {
        const a = affinity(se, ge);
        if (a > bestA) {
          best = ge;
          bestA = a;
        }
      }
    if (best) {
      if (!assigned.has(best.id)) assigned.set(best.id, []);
      assigned.get(best.id).push(se);
    }
  }

  let coreN = 0,
    coreHit = 0,
    allHit = 0,
    exact = 0,
    exactN = 0,
    multiN = 0,
    merged = 0,
    conflN = 0,
    conflOk = 0,
    lenientCore = 0;
  const eventRows = [];
  for (const ge of goldEvents) {
    const ms = sysEvents.filter((se) => matches(se, ge));
    const hit = ms.length > 0;
    if (ge.core) {
      coreN++;
      if (hit) coreHit++;
      if (sysEvents.some((se) => matches(se, ge, false))) lenientCore++;
    }
    if (hit) allHit++;
    if (hit && ge.core) {
      exactN++;
      if (ms.some((se) => dateExact(se, ge))) exact++;
    }
    let mergedOk = null;
    const need = new Set(ge.docs ?? []);
    if (need.size >= 2 && ge.core) {
      multiN++;
      const mine = assigned.get(ge.id) ?? [];
      const covering = mine.filter((se) => {
        const ds = mentionDocs(se);
        return [...need].every((d) => ds.has(d));
      });
      mergedOk = mine.length === 1 && covering.length === 1;
      if (mergedOk) merged++;
    }
    if (ge.conflict) {
      conflN++;
      if (ms.some((se) => (se.conflicts ?? []).length > 0)) conflOk++;
    }
    eventRows.push({
      id: ge.id,
      core: ge.core,
      type: ge.type,
      date: ge.date,
      found: ms.length,
      merged: mergedOk,
      systemIds: ms.map((s) => s.id),
    });
  }
  const fps = sysEvents.filter((se) => !goldEvents.some((ge) => matches(se, ge)));
  const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '0.0');

  const summary = {
    documents: { found: perDoc.filter((r) => r.found).length, total: perDoc.length },
    language: { correct: langOk, total: langN },
    published: { correct: pubOk, total: pubN },
    dates: {
      recall: pct(dateHit, dateN),
      hit: dateHit,
      gold: dateN,
      precision: pct(dateSysOk, dateSys),
      system: dateSys,
    },
    entities: { mustRecall: pct(entHit, entN), hit: entHit, gold: entN, forbiddenHits },
    events: {
      coreRecall: pct(coreHit, coreN),
      coreHit,
      core: coreN,
      coreRecallIgnoringRoles: pct(lenientCore, coreN),
      allRecall: pct(allHit, goldEvents.length),
      precision: pct(sysEvents.length - fps.length, sysEvents.length),
      system: sysEvents.length,
      falsePositives: fps.length,
      dateExact: pct(exact, exactN),
      dedupMerged: `${merged}/${multiN}`,
      conflictsFlagged: `${conflOk}/${conflN}`,
    },
  };

  function fpLine(se) {
    const ps = (se.participants ?? [])
      .map((p) => `${p.role}=${entById.get(p.entity)?.name ?? p.entity}`)
      .join(', ');
    const m = (se.mentions ?? [])[0];
    return `${se.type} [${dateValue(se.date)}] ${ps} :: ${(m?.text ?? '').slice(0, 140)}`;
  }
  const table = [
    `documents found      ${summary.documents.found}/${summary.documents.total}`,
    `language             ${langOk}/${langN}`,
    `published date       ${pubOk}/${pubN}`,
    `dates                recall ${summary.dates.recall}% (${dateHit}/${dateN})  precision ${summary.dates.precision}% (${dateSysOk}/${dateSys})`,
    `entities             must-have recall ${summary.entities.mustRecall}% (${entHit}/${entN})  boilerplate/forbidden hits ${forbiddenHits}`,
    `events               core recall ${summary.events.coreRecall}% (${coreHit}/${coreN}; ignoring roles ${summary.events.coreRecallIgnoringRoles}%)  all-gold recall ${summary.events.allRecall}%`,
    `                     precision ${summary.events.precision}% (${fps.length} of ${sysEvents.length} match no gold event)`,
    `                     exact dates on found core ${summary.events.dateExact}%  cross-document merges ${summary.events.dedupMerged}  conflicts flagged ${summary.events.conflictsFlagged}`,
  ];
  const verboseLines = [];
  for (const r of perDoc) {
    verboseLines.push(`\n# ${r.doc}  lang:${r.lang}${r.published ? '  published:' + r.published : ''}`);
    if (r.dateMiss.length) verboseLines.push('  dates missed:   ' + r.dateMiss.join(' | '));
    if (r.dateExtra.length) verboseLines.push('  dates extra:    ' + r.dateExtra.join(' | '));
    if (r.entMiss.length) verboseLines.push('  entities missed: ' + r.entMiss.join(', '));
    if (r.forbidden.length) verboseLines.push('  boilerplate entities: ' + r.forbidden.join(', '));
  }
  verboseLines.push('\n# gold events');
  for (const r of eventRows)
    verboseLines.push(
      `  ${r.id.padEnd(5)} ${r.core ? 'core' : 'ext '} ${r.type.padEnd(20)} ${String(r.date).padEnd(24)} found:${r.found}${r.merged === null ? '' : ' merged:' + r.merged}`,
    );
  verboseLines.push('\n# system events matching no gold event');
  for (const f of fps) verboseLines.push('  ' + fpLine(f));
  const summaryLine = `SUMMARY lang ${langOk}/${langN} dates R${summary.dates.recall} P${summary.dates.precision} entities R${summary.entities.mustRecall} forbidden ${forbiddenHits} events coreR${summary.events.coreRecall} P${summary.events.precision} merged ${summary.events.dedupMerged} conflicts ${summary.events.conflictsFlagged}`;
  return {
    summary,
    perDoc,
    events: eventRows,
    falsePositives: fps.map(fpLine),
    summaryLine,
    table,
    verboseLines,
  };
}

export function formatScore(score: Score, verbose: boolean): string {
  const lines = [...score.table, ...(verbose ? score.verboseLines : []), score.summaryLine];
  return lines.join('\n') + '\n';
}
