/**
 * Trains the named-entity taggers from the annotated development data beside the checkout
 * (../shared/dev), deterministically: fixed file and sentence order, no shuffling.
 *
 *   npm run train:ner [-- LANG] [--eval K | --suite K] [--out FILE] [--passes N]
 *
 * Without LANG: every language in turn.
 * Without a flag: trains on every file of the language (SHIP) and writes its model into
 * src/languages/LANG/ner.model.json (or --out), byte-identical on every rebuild.
 * --suite K: held-out scores of the whole pipeline with ../shared/eval/suite.mjs, the way the issue's
 *   targets are read: K folds by document, each scored by a model trained without it (ru: NEREL plus
 *   the other folds of FactRuEval dev; K = 1 is NEREL alone). --verbose lists the misses.
 * --eval K: the tagger alone, K-fold by document over the training files; nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLanguage } from '../src/languages/index.js';
import { predict, type Sentence, serialiseModel, type TaggerModel, train } from '../src/ner/perceptron.js';
import { type NerHook, sentenceFeatures } from '../src/ner/tagger.js';
import { fromBio, type Token, type TypedSpan, toBio, tokenize } from '../src/ner/tokens.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEV = join(ROOT, '..', 'shared', 'dev');
const TYPES = ['PER', 'LOC', 'ORG'];
const TAGS = ['O', ...TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

// NEREL's 29 types and the plain PER/LOC/ORG files, mapped to the three the ledger uses. Facilities
// (the White House, a square, an airport) are places, as FactRuEval and the ledger's places draw them.
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
  FACILITY: 'LOC',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
};

/** The files each shipped model trains on. */
const SHIP: Record<string, string[]> = {
  az: ['ner_az.jsonl'],
  ru: ['nerel_ru.jsonl', 'ner_ru.jsonl'],
  en: ['wikigold_en.jsonl', 'meantime_en.jsonl'],
};
/**
 * How `--suite K` holds text out: K folds of `test` by document, each scored with suite.mjs `task` by a
 * model trained on `train` less that fold.
 */
const HELDOUT: Record<string, { train: string[]; test: string; task: string }> = {
  ru: { train: ['nerel_ru.jsonl', 'ner_ru.jsonl'], test: 'ner_ru.jsonl', task: 'ner-ru' },
  az: { train: ['ner_az.jsonl'], test: 'ner_az.jsonl', task: 'ner-az' },
  en: { train: ['wikigold_en.jsonl', 'meantime_en.jsonl'], test: 'meantime_en.jsonl', task: 'ner-en' },
};
/**
 * Files read this many times per pass: FactRuEval draws names as the news the ledger reads does
 * ("компании «Северный ветер»", countries acting as states as places), and is a tenth of NEREL's size.
 */
const REPEAT: Record<string, number> = { 'ner_ru.jsonl': Number(process.env.NER_RU_REPEAT ?? 3) };
/** Passes over the training data, per language (chosen on the held-out scores). */
const PASSES: Record<string, number> = { ru: 6, az: 15, en: 10 };

const PRONOUN = /^(?:he|she|it|they|his|her|its|their|we|i|you|him|them|us|our|this|that|these|those)$/i;

interface Doc {
  id: string;
  /** The JSONL line it was read from. */
  line: string;
  text: string;
  spans: TypedSpan[];
}

function load(lang: string, files = SHIP[lang] ?? []): Doc[] {
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
          /** NEREL's own type, where the file maps it to PER/LOC/ORG/OTHER. */
          source_type?: string;
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
        .map((e) => ({ ...e, mapped: TYPE_MAP[e.source_type ?? e.type] ?? TYPE_MAP[e.type] }))
        .filter((e) => !e.nested && e.mapped && e.start != null && named(e))
        .map((e) => ({ type: e.mapped as string, start: e.start, end: e.end }));
      // Where gold marks a name and a longer mention around it ("Acme parent Globex", "Globex"), the tagger
      // learns the innermost names: flat tags hold one of them, and the name is the one that generalises.
      const innermost = spans.filter(
        (s) => !spans.some((o) => o !== s && o.start >= s.start && o.end <= s.end && o.end - o.start < s.end - s.start),
      );
      for (let r = 0; r < (REPEAT[f] ?? 1); r++) docs.push({ id: row.id, line, text: row.text, spans: innermost });
    }
  }
  return docs;
}

/** A document as tagger sentences: lines, then tokens, features and BIO tags. */
function sentencesOf(doc: Doc): { tokens: Token[]; sentence: Sentence }[] {
  const out: { tokens: Token[]; sentence: Sentence }[] = [];
  let offset = 0;
  for (const line of doc.text.split('\n')) {
    const local = tokenize(line);
    const tokens = local.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset }));
    offset += line.length + 1;
    if (!tokens.length) continue;
    out.push({ tokens, sentence: { features: sentenceFeatures(hook, line, local), tags: toBio(tokens, doc.spans) } });
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
const USAGE = 'usage: tsx scripts/train-ner.ts [az|ru|en] [--eval K | --suite K [--verbose]] [--out FILE] [--passes N]';
if (!lang || lang.startsWith('--')) {
  // No language: every one, in turn, with the same options.
  for (const code of Object.keys(SHIP)) {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), code, ...args], {
      stdio: 'inherit',
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  process.exit(0);
}
if (!SHIP[lang]) {
  console.error(USAGE);
  process.exit(2);
}
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const found = getLanguage(lang)?.ner;
if (!found) {
  console.error(`${lang} has no tagger hook (\`ner\` in its language module)`);
  process.exit(2);
}
const hook: NerHook = found;
const options = { passes: Number(opt('--passes') ?? PASSES[lang] ?? 10), minCount: 2, prune: 0.01 };
const trainOn = (docs: Doc[]) =>
  train(
    docs.flatMap((d) => sentencesOf(d).map((s) => s.sentence)),
    TAGS,
    options,
  );
type Count = { tp: number; sys: number; gold: number };
const f1 = (x: Count) => {
  const p = x.tp / (x.sys || 1);
  const r = x.tp / (x.gold || 1);
  return p + r ? (2 * p * r) / (p + r) : 0;
};
const zero = (): Record<string, Count> => Object.fromEntries(TYPES.map((t) => [t, { tp: 0, sys: 0, gold: 0 }]));
const add = (total: Record<string, Count>, c: Record<string, Count>) => {
  for (const t of TYPES) for (const k of ['tp', 'sys', 'gold'] as const) (total[t] as Count)[k] += (c[t] as Count)[k];
};
const folds = Number(opt('--eval') ?? 0);
const suiteFolds = Number(opt('--suite') ?? 0);

if (suiteFolds) {
  // Held-out scores through the CLI and ../shared/eval/suite.mjs, as a user measures the shipped model:
  // each fold's model is trained without the documents it is scored on, and the CLI loads it through a
  // pipeline file whose entities stage names it.
  const split = HELDOUT[lang] as { train: string[]; test: string; task: string };
  const fixed = load(lang, split.train);
  const test = load(lang, [split.test]).filter((d, i, all) => all.findIndex((o) => o.id === d.id) === i);
  // K = 1 holds the whole test file out (ru: NEREL alone → FactRuEval dev).
  const k = suiteFolds;
  const total = zero();
  const work = mkdtempSync(join(tmpdir(), 'heldout-ner-'));
  const pipeline = JSON.parse(readFileSync(join(ROOT, 'pipelines', 'default.json'), 'utf8')) as {
    stages: { stage: string; options?: Record<string, unknown> }[];
  };
  for (let fold = 0; fold < k; fold++) {
    const held = test.filter((_, i) => i % k === fold);
    const heldIds = new Set(held.map((d) => d.id));
    const model = trainOn(fixed.filter((d) => !heldIds.has(d.id)));
    const dir = join(work, `fold${fold}`);
    mkdirSync(dir);
    const modelPath = join(dir, 'ner.model.json');
    writeFileSync(modelPath, serialiseModel(model));
    for (const st of pipeline.stages)
      if (st.stage.startsWith('entities.')) st.options = { ...st.options, models: { [lang]: modelPath } };
    writeFileSync(join(dir, 'pipeline.json'), JSON.stringify(pipeline));
    writeFileSync(join(dir, split.test), `${held.map((d) => d.line).join('\n')}\n`);
    const verbose = args.includes('--verbose') ? ['--verbose'] : [];
    const r = spawnSync('node', [join(DEV, '..', 'eval', 'suite.mjs'), split.task, '--data', dir, ...verbose], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, EVENT_LEDGER_PIPELINE: join(dir, 'pipeline.json') },
    });
    const printed = r.stdout.trim().split('\n');
    const line = printed.pop() ?? '';
    for (const miss of printed) if (miss.startsWith('  miss')) console.log(miss);
    const c = zero();
    for (const t of TYPES) {
      const m = new RegExp(`${t} F1 ([\\d.]+) \\(overlap [\\d.]+; gold (\\d+), system (\\d+)\\)`).exec(line);
      if (!m) throw new Error(`suite.mjs printed no ${t} score: ${line || r.stderr}`);
      const gold = Number(m[2]);
      const sys = Number(m[3]);
      // suite.mjs prints F1 = 2·tp / (gold + system): the true positives come back from it.
      (c[t] as Count).tp = Math.round((Number(m[1]) * (gold + sys)) / 2);
      (c[t] as Count).gold = gold;
      (c[t] as Count).sys = sys;
    }
    console.log(`fold ${fold + 1}/${k}: ${line}`);
    add(total, c);
  }
  rmSync(work, { recursive: true, force: true });
  console.log(
    `${split.task} held out (${k > 1 ? `${k}-fold` : `trained on ${split.train.filter((f) => f !== split.test).join(', ')}`}): ${TYPES.map((t) => `${t} F1 ${f1(total[t] as Count).toFixed(3)} (gold ${(total[t] as Count).gold}, system ${(total[t] as Count).sys})`).join(' | ')}`,
  );
} else if (folds > 1) {
  // The tagger alone, k-fold by document over the shipped training files (gold: innermost names).
  const docs = load(lang);
  const total = zero();
  for (let k = 0; k < folds; k++) {
    const model = trainOn(docs.filter((_, i) => i % folds !== k));
    add(
      total,
      score(
        model,
        docs.filter((_, i) => i % folds === k),
      ),
    );
  }
  console.log(
    `${lang} ${folds}-fold: ${TYPES.map((t) => `${t} F1 ${f1(total[t] as Count).toFixed(3)} (gold ${(total[t] as Count).gold})`).join(' | ')}`,
  );
} else {
  const model = trainOn(load(lang));
  const out = opt('--out') ?? fileURLToPath(hook.model);
  writeFileSync(out, serialiseModel(model));
  console.log(`${out}: ${Object.keys(model.weights).length} features`);
}
