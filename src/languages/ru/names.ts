import { startsLikeAny } from '../../core/text.js';
import type { NameClassifier } from '../../entities/runs.js';
import { analyseRu, type NameParse } from './morph.js';

/**
 * Russian names outside the gazetteer. OpenCorpora's grammemes (through Az.js) say which words are first
 * names, surnames, patronymics, places and organisations; the lemma gives the nominative form
 * ("Ильхама Алиева" → "Ильхам Алиев"). Title words, initials, surname endings and organisation head
 * words decide where the dictionary is silent.
 */
const SURNAME = /(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|ова|ева|ина|ына|ян|янц|дзе|швили|енко|ук|юк|ич)$/u;
// Az.js lemmatises a patronymic to the father's name ("Ивановичем" → "иван"); the name wants "Иванович".
const patronymicNominative = (w: string) =>
  w
    .toLowerCase()
    .replace(/(ович|евич|ич)(?:а|у|ем|е)$/u, '$1')
    .replace(/(овн|евн|ичн)(?:ы|е|ой|у)$/u, '$1а');
const capital = (s: string) => s.replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());

/**
 * The nominative form of a Russian name ("Игорем Крутовым" → "Игорь Крутов", "Казани" → "Казань"): each
 * word's lemma for a person; for a place or organisation only when it is one noun, since Az.js lemmatises
 * words one by one and an adjective's lemma would lose its agreement ("Государственной Думы" stays).
 */
/** The case and gender every name word can be read in, earliest in the parsers' order; nominative on a tie. */
function agreement(words: NameParse[][]): { case: string; gender: string } | undefined {
  const known = words.filter((w) => w.length);
  if (!known.length) return undefined;
  let best: { case: string; gender: string; rank: number } | undefined;
  for (const first of known[0] ?? []) {
    let rank = 0;
    for (const w of known) {
      const at = w.findIndex((p) => p.case === first.case && p.gender === first.gender);
      if (at < 0) {
        rank = Number.POSITIVE_INFINITY;
        break;
      }
      rank += at;
    }
    if (rank === Number.POSITIVE_INFINITY) continue;
    if (!best || rank < best.rank || (rank === best.rank && first.case === 'nomn'))
      best = { case: first.case, gender: first.gender, rank };
  }
  return best && { case: best.case, gender: best.gender };
}

export function stripCaseRu(name: string, type: string): string {
  const words = name.split(/\s+/);
  if (!words.every((w) => /^\p{Script=Cyrillic}[\p{Script=Cyrillic}-]*$/u.test(w))) return name;
  const parsed = words.map((w) => ({ text: w, ...analyseRu(w) }));
  if (type !== 'person' && !(parsed.length === 1 && parsed[0]?.pos === 'NOUN')) return name;
  // The words of a name agree in case and gender: "Дмитрия Медведева" is Medvedev's genitive (the
  // reading both words share, first in Az.js's order for each), "Ирина Медведева" a woman's nominative,
  // and "Майкл Коллинз" is nominative as its first name says, whatever a guess makes of "Коллинз".
  // A word read first as no noun has only guessed name readings ("Хатиби" a verb first): they do not count.
  const readings = parsed.map((w) => (w.pos === 'NOUN' ? w.nameParses : []));
  const agreed = parsed.length > 1 ? agreement(readings) : undefined;
  const base = parsed.map((w, i) => {
    if (agreed) {
      if (agreed.case === 'nomn') return w.text;
      const own = readings[i]?.find((p) => p.case === agreed.case && p.gender === agreed.gender);
      if (own) return own.patronymic ? patronymicNominative(w.text) : own.lemma;
    }
    // A form some parse reads as nominative stays ("Крутов" is no case of "крут"), as do acronyms,
    // indeclinable names ("Чавушоглу") and surnames in -ов, -ев, -ин, which are nominative forms
    // whatever a guessed parse says ("Аваков" is no genitive plural of "авак"). A word read as no
    // noun is a foreign name Az.js mistakes for a verb ("Машел"): it stays too.
    if (w.nominative || /^\p{Lu}{2,}$/u.test(w.text) || /(?:ов|ев|ёв|ин|ын)$/u.test(w.text) || w.pos !== 'NOUN')
      return w.text;
    return w.kinds.has('Patr') ? patronymicNominative(w.text) : w.nameLemma;
  });
  return capital(base.join(' '));
}

export const classifyRu: NameClassifier = (run, cues) => {
  const words = run.tokens.map((t) => ({ text: t.text, ...analyseRu(t.text) }));
  const heads = startsLikeAny(cues.orgHeads);
  const base = capital(words.map((w) => (w.kinds.has('Patr') ? patronymicNominative(w.text) : w.lemma)).join(' '));
  const any = (k: string) => words.some((w) => w.kinds.has(k));
  const last = words[words.length - 1];
  const acronym = words.length === 1 && /^\p{Lu}{2,6}$/u.test(run.tokens[0]?.text ?? '');
  const to = run.tokens.length - 1;
  if (acronym)
    return run.sentenceInitial && !any('Abbr') ? null : { type: 'organization', rule: 'ru/acronym', from: 0, to };
  if (any('Name') || any('Patr') || (any('Surn') && (words.length > 1 || !run.sentenceInitial))) {
    return { type: 'person', rule: 'ru/morph-name', from: 0, to, base };
  }
  if (run.initial || run.titled) {
    if (last && last.pos !== 'ADJF' && (SURNAME.test(last.lemma) || words.length > 1 || run.initial))
      return { type: 'person', rule: run.initial ? 'ru/initial' : 'ru/title', from: 0, to, base };
  }
  if (words.some((w) => heads.test(w.lemma)) || any('Orgn')) {
    return { type: 'organization', rule: 'ru/org', from: 0, to, base };
  }
  if (any('Geox') && !run.sentenceInitial) return { type: 'place', rule: 'ru/morph-place', from: 0, to, base };
  // "Центрально-Азиатском" ends like a surname but is an adjective.
  if (words.length >= 2 && last && last.pos !== 'ADJF' && SURNAME.test(last.lemma) && !run.sentenceInitial) {
    return { type: 'person', rule: 'ru/surname', from: 0, to, base };
  }
  return null;
};

/**
 * An adjective the dictionary knows, with no proper-noun reading: capitalised at a sentence start or
 * as the first word of a name whose noun the tagger left out ("Транскаспийскому" коридору,
 * "Центрально-Азиатском" регионе), it is no name on its own.
 */
export function commonWordRu(word: string): boolean {
  const parts = word.split('-');
  const last = analyseRu(parts[parts.length - 1] as string);
  const proper = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Abbr', 'Trad'].some((k) => last.kinds.has(k));
  return !proper && (last.pos === 'ADJF' || last.pos === 'PRTF');
}
