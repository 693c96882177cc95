import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type AzJs from 'az';
import { lazy } from '../../core/lazy.js';
import { detached } from '../../core/text.js';

/**
 * Russian morphology with Az.js (the `az` package: OpenCorpora dictionaries and pymorphy2-style
 * analysis). Used on capitalised words only: their lemma ("Ильхама" → "ильхам") and OpenCorpora's
 * proper-noun grammemes: Name (first name), Surn (surname), Patr (patronymic), Geox (place),
 * Orgn (organisation), Abbr. Results are cached per word form: names repeat.
 */
const dicts = join(dirname(createRequire(import.meta.url).resolve('az/package.json')), 'dicts');

let ready = false;
const loadAz = lazy((require) => require('az') as typeof AzJs);

/**
 * Loads the dictionaries (~60 MB in memory) on the first Russian word rather than at import, so a
 * process that reads no Russian, or only merges, never holds them. Az.js reads its files through its
 * `Az.load` hook (which it swaps for XHR in browsers): a reader in its place that reads each file at
 * once and answers after `Morph.init` has asked for all of them (Az.js counts the files it waits for)
 * makes loading synchronous, as the stages are.
 */
function ensureDictionaries(): typeof AzJs {
  const Az = loadAz();
  if (ready) return Az;
  const asyncLoad = Az.load;
  const answers: (() => void)[] = [];
  let failure: Error | undefined;
  Az.load = (url, responseType, callback) => {
    try {
      if (responseType === 'json') {
        const json = JSON.parse(readFileSync(url, 'utf8'));
        answers.push(() => callback(null, json));
      } else {
        const b = readFileSync(url);
        // A large file's Buffer owns its memory: hand that over rather than a copy (the dictionaries are ~16 MB).
        const whole = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
        const data = whole ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
        answers.push(() => callback(null, data));
      }
    } catch (e) {
      answers.push(() => callback(e as Error));
    }
  };
  try {
    Az.Morph.init(dicts, (err?: Error) => {
      if (err) failure = err;
      else ready = true;
    });
  } finally {
    Az.load = asyncLoad;
  }
  for (const answer of answers) answer();
  if (failure || !ready)
    throw new Error(
      `cannot load the Russian dictionaries in ${dicts}: ${failure?.message ?? 'loading did not finish'}; reinstall the az package (npm ci)`,
    );
  return Az;
}

export interface RuWord {
  lemma: string;
  /** Proper-noun grammemes of the most likely parse: Name, Surn, Patr, Geox, Orgn, Abbr. */
  kinds: Set<string>;
  /** The case of the most likely parse: nomn, gent, datv, accs, ablt, loct. */
  case?: string;
  /** Part of speech of the most likely parse (OpenCorpora: NOUN, ADJF, VERB, …). */
  pos: string;
  /** Some parse reads the form as nominative: a name in it is already its base form. */
  nominative: boolean;
  /** The lemma of the likeliest name parse (Name, Surn, Patr), else of the likeliest parse. */
  nameLemma: string;
  /** Every name parse (Name, Surn, Patr) in Az.js's order: case, gender and the lemma it gives. */
  nameParses: NameParse[];
}

export interface NameParse {
  case: string;
  gender: string;
  lemma: string;
  patronymic: boolean;
}

/** OpenCorpora lemmatises a woman's surname to the man's ("Ивановой" → "иванов"): her own form back. */
function feminine(lemma: string, tag: string): string {
  if (!/femn/.test(tag) || !/Surn/.test(tag)) return lemma;
  if (/(?:ов|ев|ёв|ин|ын)$/u.test(lemma)) return `${lemma}а`;
  return lemma.replace(/([сц])кий$/u, '$1кая');
}

const KINDS = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Abbr', 'Trad'];
const cache = new Map<string, RuWord>();

export function analyseRu(given: string): RuWord {
  let w = cache.get(given);
  if (w) return w;
  const word = detached(given);
  const parses = ensureDictionaries().Morph(word);
  const best = parses[0];
  const tag = best ? best.tag.toString() : '';
  const kinds = new Set(KINDS.filter((k) => new RegExp(`(^|[ ,])${k}([ ,]|$)`).test(tag)));
  const lemma = best ? best.normalize().word : word.toLowerCase();
  const nameParses: NameParse[] = [];
  for (const p of parses) {
    const t = p.tag.toString();
    // An indeclinable name ("Кенни", Fixd) reads as every case alike: it says nothing of the case.
    if (!/(^|[ ,])(Name|Surn|Patr)([ ,]|$)/.test(t) || /Fixd/.test(t)) continue;
    const c = /(nomn|gent|datv|accs|ablt|loct)/.exec(t)?.[1];
    const g = /(masc|femn)/.exec(t)?.[1];
    if (c && g)
      nameParses.push({ case: c, gender: g, lemma: feminine(p.normalize().word, t), patronymic: /Patr/.test(t) });
  }
  const named = parses.find((p) => /(^|[ ,])(Name|Surn|Patr)([ ,]|$)/.test(p.tag.toString()));
  w = {
    lemma,
    kinds,
    pos: /^[A-Z]+/.exec(tag)?.[0] ?? '',
    // Az.js guesses many parses for an unknown word: only its likeliest three count, and among them a
    // nominative that is a name or a possessive form (how surnames read: "Крутов").
    nominative:
      /(^|[ ,])nomn([ ,]|$)/.test(tag) ||
      parses
        .slice(0, 3)
        .some((p) => /(^|[ ,])nomn([ ,]|$)/.test(p.tag.toString()) && /Name|Surn|Patr|Poss/.test(p.tag.toString())),
    nameLemma: named ? feminine(named.normalize().word, named.tag.toString()) : lemma,
    nameParses,
  };
  const c = /(nomn|gent|datv|accs|ablt|loct)/.exec(tag)?.[1];
  if (c) w.case = c;
  if (cache.size > 200_000) cache.clear();
  cache.set(word, w);
  return w;
}

const SHORT_CASE: Record<string, string> = {
  nomn: 'nom',
  gent: 'gen',
  datv: 'dat',
  accs: 'acc',
  ablt: 'ins',
  loct: 'loc',
};

/** The case of a word's likeliest parse, in the short names the rest of the code uses (nom, gen, …). */
export function wordCaseRu(word: string): string | undefined {
  const c = analyseRu(word).case;
  return c ? SHORT_CASE[c] : undefined;
}
