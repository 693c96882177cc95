import type { EntityRecord, EntityType, Span } from '../core/document.js';
import { fold, matchKey, slug, type Token, tokenize } from '../core/text.js';
import countries from '../data/gazetteer/countries.json' with { type: 'json' };
import organizations from '../data/gazetteer/organizations.json' with { type: 'json' };
import people from '../data/gazetteer/people.json' with { type: 'json' };
import places from '../data/gazetteer/places.json' with { type: 'json' };
import type { Morphology } from '../languages/index.js';

interface GazetteerEntry {
  type: string;
  name: string;
  qid?: string;
  country?: string;
  aliases: Record<string, string[]>;
  offices?: { office: string; of: string; from: string; to?: string }[];
}

export interface AliasForm {
  record: EntityRecord;
  tokens: string[];
  /** Surname-only or initial+surname forms of a person: linked only when unambiguous. */
  weak: boolean;
}

export const entityId = (type: EntityType, name: string) => `${type}:${slug(name)}`;

const ENTRIES: GazetteerEntry[] = [countries, places, organizations, people].flatMap(
  (f) => f.entries as GazetteerEntry[],
);

export const GAZETTEER: EntityRecord[] = ENTRIES.map((e) => {
  const type = e.type as EntityType;
  const aliases = [...new Set([e.name, ...Object.values(e.aliases).flat()])].sort();
  const rec: EntityRecord = { id: entityId(type, e.name), type, name: e.name, aliases };
  if (e.qid) rec.qid = e.qid;
  if (e.country) rec.country = entityId('place', e.country);
  return rec;
});

const byId = new Map(GAZETTEER.map((r) => [r.id, r]));

/** Office-holders by office and country id, with their terms (ISO dates; no `to` while in office). */
const holders = new Map<string, { person: string; from: string; to: string }[]>();
ENTRIES.forEach((e, i) => {
  for (const o of e.offices ?? []) {
    const key = `${o.office}|${entityId('place', o.of)}`;
    holders.set(key, [
      ...(holders.get(key) ?? []),
      { person: (GAZETTEER[i] as EntityRecord).id, from: o.from, to: o.to ?? '9999' },
    ]);
  }
});

/**
 * Who held an office of a country at a date ("the President of Uzbekistan" in July 2025): the holder
 * whose term covers the whole of the date's interval, if exactly one does.
 */
export function officeHolder(office: string, countryId: string, dateValue: string): string | undefined {
  const parts = dateValue.split('/');
  const lo = (parts[0] ?? '').replace(/X.*$/, '');
  const hi = (parts[parts.length - 1] ?? '').replace(/X.*$/, '');
  if (!/^\d{4}/.test(lo)) return undefined;
  const fits = (holders.get(`${office}|${countryId}`) ?? []).filter(
    (h) => h.from <= lo && `${hi}~` > h.from && hi <= h.to,
  );
  return fits.length === 1 ? fits[0]?.person : undefined;
}
const COUNTRY_IDS = new Set((countries.entries as GazetteerEntry[]).map((e) => entityId('place', e.name)));
/** Is this a sovereign (or historical) state rather than a city or region? */
export const isCountryId = (id: string) => COUNTRY_IDS.has(id);
export const gazetteerRecord = (id: string) => byId.get(id);

const isAcronym = (t: string) => t.length <= 6 && t === t.toUpperCase() && /\p{Lu}/u.test(t);

/** All alias forms, full names first, indexed by the first three folded letters of their first token. */
const index = new Map<string, AliasForm[]>();
const keyMatches = new Map<string, EntityRecord[]>();

function addForm(form: AliasForm) {
  const first = form.tokens[0] ?? '';
  const k = isAcronym(first) ? first : fold(first).slice(0, 3);
  const list = index.get(k) ?? [];
  list.push(form);
  index.set(k, list);
}

for (const record of GAZETTEER) {
  for (const alias of record.aliases) {
    const tokens = tokenize(alias).map((t) => t.text);
    if (!tokens.length) continue;
    addForm({ record, tokens, weak: false });
    const key = matchKey(alias);
    const same = keyMatches.get(key) ?? [];
    if (!same.includes(record)) keyMatches.set(key, [...same, record]);
    if (record.type === 'person' && tokens.length >= 2)
      addForm({ record, tokens: [tokens[tokens.length - 1] as string], weak: true });
  }
}

/** Match keys by their first word, with the rest of the key: the people a misprinted surname may be. */
const keysByFirstWord = new Map<string, { rest: string; records: EntityRecord[] }[]>();
for (const [key, records] of keyMatches) {
  const [f, ...r] = key.split(' ');
  const list = keysByFirstWord.get(f as string) ?? [];
  list.push({ rest: r.join(' '), records });
  keysByFirstWord.set(f as string, list);
}

/** Edit distance, bounded: returns max + 1 as soon as the distance exceeds max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * A gazetteer person whose full name differs from this one by one letter in the surname, with the
 * same first name ("Шавкат Мизиёев", a misprint of Mirziyoyev): the only way such a report links.
 */
export function lookupMisspelledPerson(name: string): EntityRecord | undefined {
  const [first, ...rest] = matchKey(name).split(' ');
  const surname = rest.join(' ');
  if (!first || surname.length < 6) return undefined;
  const hits = new Set<EntityRecord>();
  for (const { rest, records } of keysByFirstWord.get(first) ?? []) {
    if (editDistance(rest, surname, 1) <= 1) for (const rec of records) if (rec.type === 'person') hits.add(rec);
  }
  return hits.size === 1 ? [...hits][0] : undefined;
}

/** Gazetteer records whose alias has this match key (script-independent). */
export function lookupByKey(surface: string): EntityRecord[] {
  return keyMatches.get(matchKey(surface)) ?? [];
}

/** The language's endings and their cases, folded like the tokens they are compared with (ı → i). */
const foldedEndings = new WeakMap<Morphology, Map<string, string>>();
function endingsOf(morph: Morphology): Map<string, string> {
  let m = foldedEndings.get(morph);
  if (!m) {
    m = new Map();
    for (const e of morph.endings) if (!m.has(fold(e)) || morph.cases[e]) m.set(fold(e), morph.cases[e] ?? '');
    foldedEndings.set(morph, m);
  }
  return m;
}

/** Does a text token match a base-form alias token, allowing the language's case endings? */
export function matchToken(
  textTok: string,
  aliasTok: string,
  morph: Morphology,
): { case?: string; trim?: number } | null {
  if (isAcronym(aliasTok)) return textTok === aliasTok ? {} : null;
  const a = fold(aliasTok);
  // "Azerbaijan's", "Baku'da": the apostrophe separates the name from its ending (kept for English
  // possessives, dropped for Azerbaijani case endings).
  const apostrophe = textTok.search(/['’]/);
  if (apostrophe > 0 && fold(textTok.slice(0, apostrophe)) === a) {
    const folded = endingsOf(morph);
    const withMark = textTok.slice(apostrophe).replace('’', "'");
    const ending = folded.has(withMark) ? withMark : fold(textTok.slice(apostrophe + 1));
    const c = folded.get(ending);
    if (c !== undefined) {
      // An English possessive is not part of the name: the mention ends before it.
      const trim = ending === withMark ? textTok.length - apostrophe : 0;
      return { ...(c ? { case: c } : {}), trim };
    }
  }
  const t = fold(textTok);
  if (t === a) return {};
  const endings = endingsOf(morph);
  // The base form's own ending may be one or two letters ("Ассамблея" → "Ассамбле-и", "Генеральная" →
  // "Генеральн-ой"): each stem length is tried, shortest ending first.
  let stem = a;
  for (let i = 0; i <= morph.maxStemStrip; i++) {
    if (i > 0) {
      if (stem.length <= 3 || !morph.stemLetters.includes(stem.at(-1) ?? '')) break;
      stem = stem.slice(0, -1);
    }
    if (!t.startsWith(stem)) continue;
    const ending = t.slice(stem.length);
    if (ending === a.slice(stem.length)) return {};
    const c = endings.get(ending);
    if (c === undefined) continue;
    return c ? { case: c } : {};
  }
  return null;
}

export interface GazetteerMatch extends Span {
  /** Every form that matched equally well: several for an ambiguous surname ("Aliyev"). */
  forms: AliasForm[];
  case?: string;
  /** An initial written before a surname ("Ш.Мирзиёева"), upper case, for disambiguation. */
  initial?: string;
}

const GAP = /^[\s\-.]{0,3}$/;

/** Longest gazetteer matches in a token sequence; weak (surname) forms only where no full form matched. */
export function matchGazetteer(text: string, tokens: Token[], morph: Morphology): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i] as Token;
    if (!/^[\p{Lu}\p{N}]/u.test(tok.text)) {
      i++;
      continue;
    }
    const candidates = [...(index.get(fold(tok.text).slice(0, 3)) ?? []), ...(index.get(tok.text) ?? [])];
    let best: { forms: AliasForm[]; n: number; weak: boolean; trim: number; case?: string } | null = null;
    for (const form of candidates) {
      const n = form.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      let lastCase: string | undefined;
      let trim = 0;
      for (let k = 0; k < n && ok; k++) {
        const tk = tokens[i + k] as Token;
        if (k > 0 && !GAP.test(text.slice((tokens[i + k - 1] as Token).end, tk.start))) ok = false;
        const m = ok ? matchToken(tk.text, form.tokens[k] as string, morph) : null;
        if (!m) ok = false;
        else {
          lastCase = m.case;
          trim = m.trim ?? 0;
        }
      }
      if (!ok) continue;
      const better = !best || n > best.n || (n === best.n && best.weak && !form.weak);
      if (better) best = { forms: [form], n, weak: form.weak, trim, ...(lastCase ? { case: lastCase } : {}) };
      else if (best && n === best.n && best.weak === form.weak && !best.forms.some((f) => f.record === form.record)) {
        best.forms.push(form);
      }
    }
    if (best) {
      const last = tokens[i + best.n - 1] as Token;
      const m: GazetteerMatch = { start: tok.start, end: last.end - best.trim, forms: best.forms };
      if (best.case) m.case = best.case;
      const prev = tokens[i - 1];
      if (best.weak && prev && /^\p{Lu}$/u.test(prev.text) && /^\.\s?$/.test(text.slice(prev.end, tok.start))) {
        m.start = prev.start;
        m.initial = prev.text;
      }
      out.push(m);
      i += best.n;
    } else i++;
  }
  return out;
}
