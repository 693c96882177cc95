import type { NameClassifier } from '../../entities/runs.js';
import { analyseRu } from './morph.js';

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
export function stripCaseRu(name: string, type: string): string {
  const words = name.split(/\s+/);
  if (!words.every((w) => /^\p{Script=Cyrillic}[\p{Script=Cyrillic}-]*$/u.test(w))) return name;
  const parsed = words.map((w) => ({ text: w, ...analyseRu(w) }));
  if (type !== 'person' && !(parsed.length === 1 && parsed[0]?.pos === 'NOUN')) return name;
  // A first name in an oblique case puts its surname in the same case: "Дмитрия Медведева" is
  // Medvedev's genitive, not a woman's nominative.
  const oblique = parsed.length > 1 && parsed.slice(0, -1).some((w) => w.kinds.has('Name') && !w.nominative);
  const base = parsed.map((w, i) => {
    if (oblique && i === parsed.length - 1 && /(?:ов|ев|ёв|ин|ын)а$/u.test(w.text)) return w.text.slice(0, -1);
    // A form some parse reads as nominative stays ("Крутов" is no case of "крут"), as do acronyms,
    // indeclinable names ("Чавушоглу") and surnames in -ов, -ев, -ин, which are nominative forms
    // whatever a guessed parse says ("Аваков" is no genitive plural of "авак").
    if (w.nominative || /^\p{Lu}{2,}$/u.test(w.text) || /(?:ов|ев|ёв|ин|ын)$/u.test(w.text)) return w.text;
    return w.kinds.has('Patr') ? patronymicNominative(w.text) : w.nameLemma;
  });
  return capital(base.join(' '));
}

export const classifyRu: NameClassifier = (run, cues) => {
  const words = run.tokens.map((t) => ({ text: t.text, ...analyseRu(t.text) }));
  const heads = (cues.orgHeads ?? []).map((h) => new RegExp(`^${h}`, 'iu'));
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
  if (words.some((w) => heads.some((re) => re.test(w.lemma))) || any('Orgn')) {
    return { type: 'organization', rule: 'ru/org', from: 0, to, base };
  }
  if (any('Geox') && !run.sentenceInitial) return { type: 'place', rule: 'ru/morph-place', from: 0, to, base };
  // "Центрально-Азиатском" ends like a surname but is an adjective.
  if (words.length >= 2 && last && last.pos !== 'ADJF' && SURNAME.test(last.lemma) && !run.sentenceInitial) {
    return { type: 'person', rule: 'ru/surname', from: 0, to, base };
  }
  return null;
};
