import { detached, startsLikeAny } from '../../core/text.js';
import type { NameClassifier } from '../../entities/runs.js';
import morphology from './morphology.json' with { type: 'json' };
import stopwords from './stopwords.json' with { type: 'json' };

/**
 * Azerbaijani names outside the gazetteer, from cues: person titles before or after the name, initials,
 * patronymics (oğlu, qızı, -oviç), surname endings (-yev, -ov, -zadə, -li), and organisation head
 * words that close a name (Universiteti, Nazirliyi, Fondu). The base form strips the case ending of the
 * last word, checked against vowel harmony ("Amanqaliyevin" → "Amanqaliyev", "Arslanla" → "Arslan").
 */
const SURNAME = /(?:yev|yeva|ov|ova|ev|eva|zadə|ski|skaya|yan|enko|dze)$/iu;
// -li/-lı/-lu/-lü makes surnames (Əlili) but far more adjectives (Səlahiyyətli): only with a first name.
const WEAK_SURNAME = /(?:li|lı|lu|lü|in|ina)$/iu;
const PATRONYMIC = /(?:oviç|yeviç|ovna|yevna|oğlu|qızı)$/iu;
const BACK = /[aıou]/;
const FRONT = /[eəiöü]/;
const CASE_ENDINGS = morphology.endings
  .filter(
    (e) =>
      e.length >= 2 &&
      (morphology.cases as Record<string, string>)[e] &&
      (morphology.cases as Record<string, string>)[e] !== 'acc',
  )
  .sort((a, b) => b.length - a.length);

type CaseEnding = { stem: string; case: string } | null;

// Names and their neighbours recur through a text and across texts: each form is read once.
const caseEndings = new Map<string, CaseEnding>();

/** The word's case ending and its case, when the ending's vowel agrees with the stem's last vowel. */
function caseEnding(word: string): CaseEnding {
  let known = caseEndings.get(word);
  if (known === undefined) {
    const key = detached(word);
    known = findCaseEnding(key);
    if (caseEndings.size >= 100_000) caseEndings.clear();
    caseEndings.set(key, known);
  }
  return known;
}

function findCaseEnding(word: string): CaseEnding {
  const lower = word.toLocaleLowerCase('az');
  for (const e of CASE_ENDINGS) {
    if (!lower.endsWith(e) || word.length - e.length < 3) continue;
    const stem = word.slice(0, -e.length);
    const stemVowels = stem.toLocaleLowerCase('az').match(/[aıoueəiöü]/g) ?? [];
    const lastVowel = stemVowels[stemVowels.length - 1] ?? '';
    const endingVowel = e.match(/[aıoueəiöü]/)?.[0] ?? '';
    const harmonious =
      (BACK.test(lastVowel) && BACK.test(endingVowel)) || (FRONT.test(lastVowel) && FRONT.test(endingVowel));
    if (harmonious) return { stem, case: (morphology.cases as Record<string, string>)[e] as string };
  }
  return null;
}

/** The word without its case ending ("Amanqaliyevin" → "Amanqaliyev"). */
export function stripCaseAz(word: string): string {
  return caseEnding(word)?.stem ?? word;
}

/** The case a word's ending marks (gen, dat, loc, abl, ins), or undefined for the bare form. */
export function wordCaseAz(word: string): string | undefined {
  return caseEnding(word)?.case;
}

/** The base form of a name: the last word without its case ending ("Azərbaycan Respublikasının" → "… Respublikası"). */
export function stripCaseNameAz(name: string): string {
  const words = name.split(/\s+/);
  words.push(stripCaseAz(words.pop() ?? ''));
  return words.join(' ');
}

export const classifyAz: NameClassifier = (run, cues) => {
  const heads = startsLikeAny(cues.orgHeads);
  const texts = run.tokens.map((t) => t.text);
  const to = texts.length - 1;
  const headAt = texts.findIndex((t) => heads.test(t.toLocaleLowerCase('az')));
  if (headAt > 0) return { type: 'organization', rule: 'az/org-head', from: 0, to: headAt };
  const base = [...texts.slice(0, -1), stripCaseAz(texts[to] as string)].join(' ');
  const lastBase = stripCaseAz(texts[to] as string);
  if (texts.length >= 2 && texts.some((t) => PATRONYMIC.test(t)))
    return { type: 'person', rule: 'az/patronymic', from: 0, to, base };
  if (run.initial) return { type: 'person', rule: 'az/initial', from: 0, to, base };
  if (run.titled && (texts.length > 1 || SURNAME.test(lastBase)))
    return { type: 'person', rule: 'az/title', from: 0, to, base };
  if (texts.length >= 2 && (SURNAME.test(lastBase) || WEAK_SURNAME.test(lastBase))) {
    return { type: 'person', rule: 'az/surname', from: 0, to, base };
  }
  return null;
};

/** The genitive of an Azerbaijani word by vowel harmony ("Qazaxıstan Respublikası" → "…Respublikasının"). */
export function genitiveAz(word: string): string {
  const vowels = word.toLocaleLowerCase('az').match(/[aıoueəiöü]/gu);
  const last = vowels?.[vowels.length - 1] ?? 'a';
  const vowel = /[aı]/u.test(last) ? 'ı' : /[eəi]/u.test(last) ? 'i' : /[ou]/u.test(last) ? 'u' : 'ü';
  return `${word}${/[aıoueəiöü]$/u.test(word.toLocaleLowerCase('az')) ? 'n' : ''}${vowel}n`;
}

/**
 * The long forms of a name that opens with a country's abbreviation in the genitive ("QR-in Səhiyyə
 * Nazirliyi" → "Qazaxıstan Respublikasının Səhiyyə Nazirliyi"), for the gazetteer to know
 * it by; `expand` gives the full names an abbreviation stands for.
 */
export function longFormsAz(name: string, expand: (abbreviation: string) => string[]): string[] {
  const m = /^(\p{Lu}{2,5})-n?[ıiuü]n\s+(.+)$/u.exec(name);
  if (!m) return [];
  return expand(m[1] as string).map((full) => `${genitiveAz(full)} ${m[2]}`);
}

const STOPWORDS = new Set(stopwords.words.map((w: string) => w.toLocaleLowerCase('az')));

/**
 * A function word or numeral capitalised at a sentence start ("İki ölkə …": two countries) is no name,
 * nor is one with a case ending ("Sizə …": to you; "Onlara …": to them).
 */
export function commonWordAz(word: string): boolean {
  const lower = word.toLocaleLowerCase('az');
  if (STOPWORDS.has(lower)) return true;
  // Any case ending, one letter too: these stems are known words, so there is no name to misread.
  return morphology.endings.some(
    (e) => lower.length > e.length + 1 && lower.endsWith(e) && STOPWORDS.has(lower.slice(0, -e.length)),
  );
}
