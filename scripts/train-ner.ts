/**
 * Trains the named-entity taggers from the annotated development data beside the checkout
 * (../shared/dev), deterministically: fixed file and sentence order, no shuffling.
 *
 *   tsx scripts/train-ner.ts LANG [--eval K | --validate FILE] [--out FILE] [--passes N]
 *
 * --eval K: K-fold cross-validation (folds by document, in file order), printing span F1 per type on
 * the held-out folds; nothing is written. Without it, trains on everything and writes the model.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLanguage } from '../src/languages/index.js';
import { tokenFeatures } from '../src/ner/features.js';
import { gazetteerFeatures } from '../src/ner/gazetteer.js';
import { predict, type Sentence, type TaggerModel, train } from '../src/ner/perceptron.js';
import { fromBio, type Token, type TypedSpan, toBio, tokenize } from '../src/ner/tokens.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEV = join(ROOT, '..', 'shared', 'dev');
const TYPES = ['PER', 'LOC', 'ORG'];
const TAGS = ['O', ...TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

// NEREL's 29 types and the plain PER/LOC/ORG files, mapped to the three the ledger uses.
const TYPE_MAP: Record<string, string> = {
  person: 'PER',
  location: 'LOC',
  organization: 'ORG',
  PER: 'PER',
  PERSON: 'PER',
  LOC: 'LOC',
  LOCATION: 'LOC',
  COUNTRY: 'LOC',
  CITY: 'LOC',
  STATE_OR_PROVINCE: 'LOC',
  DISTRICT: 'LOC',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
};

const FILES: Record<string, string[]> = {
  az: ['ner_az.jsonl'],
  ru: ['nerel_ru.jsonl'],
  en: ['wikigold_en.jsonl', 'meantime_en.jsonl'],
};

const PRONOUN = /^(?:he|she|it|they|his|her|its|their|we|i|you|him|them|us|our|this|that|these|those)$/i;

interface Doc {
  id: string;
  text: string;
  spans: TypedSpan[];
}

function load(lang: string, files = FILES[lang] ?? []): Doc[] {
  const docs: Doc[] = [];
  for (const f of files) {
    const path = join(DEV, f);
    if (!existsSync(path)) throw new Error(`${path} is missing: the training data lives in ../shared/dev`);
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as {
        id: string;
        text: string;
        entities?: {
          type: string;
          start: number;
          end: number;
          text?: string;
          nested?: boolean;
          syntactic_type?: string | null;
        }[];
      };
      // MEANTIME marks every mention, pronouns and common nouns too: only names are named entities
      // (marked NAM, or unmarked but capitalised and no pronoun, as the evaluation reads them).
      const marksMentions = (row.entities ?? []).some((e) => 'syntactic_type' in e);
      const named = (e: { syntactic_type?: string | null; text?: string }) =>
        !marksMentions
          ? true
          : e.syntactic_type == null
            ? /^\p{Lu}/u.test(e.text ?? '') && !PRONOUN.test(e.text ?? '')
            : e.syntactic_type === 'NAM' || e.syntactic_type === 'PRE.NAM';
      const spans = (row.entities ?? [])
        .filter((e) => !e.nested && TYPE_MAP[e.type] && e.start != null && named(e))
        .map((e) => ({ type: TYPE_MAP[e.type] as string, start: e.start, end: e.end }));
      docs.push({ id: row.id, text: row.text, spans });
    }
  }
  return docs;
}

/** Russian: Az.js's lemma, part of speech, case and proper-noun grammemes (Name, Surn, Geox, Orgn…). */
async function russianFeatures(): Promise<(t: Token) => string[]> {
  const { analyseRu } = await import('../src/languages/ru/morph.js');
  return (t) => {
    if (!/\p{Script=Cyrillic}/u.test(t.text)) return [];
    const a = analyseRu(t.text);
    return [`lemma=${a.lemma}`, `pos=${a.pos}`, `case=${a.case ?? '-'}`, ...[...a.kinds].map((k) => `k=${k}`)];
  };
}

/**
 * Case and possessive endings the language module knows (the longest that leaves a stem of three
 * letters), and gazetteer membership of the word or its stem. Russian has no gazetteer feature yet: it
 * did not help on NEREL → FactRuEval in a first trial.
 */
function morphologyFeatures(lang: string): (t: Token) => string[] {
  const endings = [...(getLanguage(lang)?.morphology.endings ?? [])].sort((a, b) => b.length - a.length);
  return (t) => {
    const w = t.text.toLocaleLowerCase(lang === 'az' ? 'az' : undefined);
    const e = endings.find((x) => w.length - x.length >= 3 && w.endsWith(x));
    const stem = e ? w.slice(0, -e.length) : w;
    return [`stem=${stem}`, ...(e ? [`end=${e}`] : []), ...gazetteerFeatures(w, stem)];
  };
}

let extra: ((t: Token, i: number) => string[]) | undefined;

/** English: compromise's tags of the term a token falls in (Person, Place, Organization, ProperNoun…). */
const COMPROMISE_TAGS = new Set([
  'Person',
  'FirstName',
  'LastName',
  'Honorific',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'ProperNoun',
  'Acronym',
  'Noun',
  'Verb',
  'Adjective',
  'Demonym',
]);
let compromiseTags = new Map<number, string[]>();

async function englishTagger(): Promise<(text: string, offset: number) => void> {
  const nlp = (await import('compromise')).default;
  return (text, offset) => {
    compromiseTags = new Map();
    const doc = nlp(text).json({ offset: true, terms: { offset: true } }) as {
      terms: { tags: string[]; offset: { start: number; length: number } }[];
    }[];
    for (const s of doc)
      for (const term of s.terms)
        compromiseTags.set(
          offset + term.offset.start,
          term.tags.filter((t) => COMPROMISE_TAGS.has(t)).map((t) => `ct=${t}`),
        );
  };
}
let beforeLine: ((text: string, offset: number) => void) | undefined;

/** A document as tagger sentences: lines, then tokens, features and BIO tags. */
function sentencesOf(doc: Doc): { tokens: Token[]; sentence: Sentence }[] {
  const out: { tokens: Token[]; sentence: Sentence }[] = [];
  let offset = 0;
  for (const line of doc.text.split('\n')) {
    const tokens = tokenize(line).map((t) => ({ ...t, start: t.start + offset, end: t.end + offset }));
    beforeLine?.(line, offset);
    offset += line.length + 1;
    if (!tokens.length) continue;
    out.push({ tokens, sentence: { features: tokenFeatures(tokens, extra), tags: toBio(tokens, doc.spans) } });
  }
  return out;
}

function score(model: TaggerModel, docs: Doc[]) {
  const c = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, sys: 0, gold: 0 }]));
  for (const doc of docs) {
    const found = sentencesOf(doc).flatMap(({ tokens, sentence }) =>
      fromBio(tokens, predict(model, sentence.features)),
    );
    for (const t of TYPES) {
      const g = doc.spans.filter((s) => s.type === t);
      const s = found.filter((x) => x.type === t);
      (c[t] as { gold: number }).gold += g.length;
      (c[t] as { sys: number }).sys += s.length;
      (c[t] as { tp: number }).tp += s.filter((x) => g.some((y) => y.start === x.start && y.end === x.end)).length;
    }
  }
  return c;
}

const args = process.argv.slice(2);
const lang = args[0] ?? '';
if (!FILES[lang]) {
  console.error('usage: tsx scripts/train-ner.ts az|ru|en [--eval K] [--out FILE] [--passes N]');
  process.exit(2);
}
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const passes = Number(opt('--passes') ?? 10);
if (lang === 'ru') extra = await russianFeatures();
else if (lang === 'en') {
  beforeLine = await englishTagger();
  const base = morphologyFeatures(lang);
  extra = (t) => [...base(t), ...(compromiseTags.get(t.start) ?? [])];
} else extra = morphologyFeatures(lang);
const options = { passes, minCount: 2, prune: 0.01 };
const docs = load(lang);
const folds = Number(opt('--eval') ?? 0);
const validate = opt('--validate');
if (validate) {
  // Train on the language's files, score on another (ru: NEREL → FactRuEval dev).
  const model = train(
    docs.flatMap((d) => sentencesOf(d).map((s) => s.sentence)),
    TAGS,
    options,
  );
  const c = score(model, load(lang, [validate]));
  const f1 = (x: { tp: number; sys: number; gold: number }) => {
    const p = x.tp / (x.sys || 1);
    const r = x.tp / (x.gold || 1);
    return p + r ? (2 * p * r) / (p + r) : 0;
  };
  console.log(
    `${lang} trained on ${(FILES[lang] ?? []).join(', ')}, scored on ${validate}: ${TYPES.map((t) => `${t} F1 ${f1(c[t] as never).toFixed(3)}`).join(' | ')}`,
  );
} else if (folds > 1) {
  type Count = { tp: number; sys: number; gold: number };
  const total: Record<string, Count> = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, sys: 0, gold: 0 }]));
  const of = (r: Record<string, Count>, t: string) => r[t] as Count;
  for (let k = 0; k < folds; k++) {
    const trainDocs = docs.filter((_, i) => i % folds !== k);
    const testDocs = docs.filter((_, i) => i % folds === k);
    const model = train(
      trainDocs.flatMap((d) => sentencesOf(d).map((s) => s.sentence)),
      TAGS,
      options,
    );
    const c = score(model, testDocs);
    for (const t of TYPES) for (const key of ['tp', 'sys', 'gold'] as const) of(total, t)[key] += of(c, t)[key];
  }
  const f1 = (x: { tp: number; sys: number; gold: number }) => {
    const p = x.tp / (x.sys || 1);
    const r = x.tp / (x.gold || 1);
    return p + r ? (2 * p * r) / (p + r) : 0;
  };
  console.log(
    `${lang} ${folds}-fold: ${TYPES.map((t) => `${t} F1 ${f1(of(total, t)).toFixed(3)} (gold ${of(total, t).gold})`).join(' | ')}`,
  );
} else {
  const model = train(
    docs.flatMap((d) => sentencesOf(d).map((s) => s.sentence)),
    TAGS,
    options,
  );
  const out = opt('--out') ?? join(ROOT, 'src', 'languages', lang, 'ner.model.json');
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  console.log(`${out}: ${Object.keys(model.weights).length} features`);
}
