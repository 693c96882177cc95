import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteerRecord, lookupByKey } from '../../src/entities/gazetteer.js';
import { getLanguage } from '../../src/languages/index.js';
import type { DocumentRecord } from '../../src/ledger/records.js';
import { CORPUS, ROOT } from '../helpers.js';

/**
 * A run's output has no entity made of words that are no name: a function word or numeral, a lone
 * adjective, two known names joined by a hyphen, or the subject words of a document's title.
 *
 * Always checked on the committed default-corpus output (which tests/e2e/corpus.test.ts holds equal
 * to a fresh run). Runs over other corpora are checked too when their output folders are named in
 * ENTITY_QUALITY_OUT (comma-separated; run them with --full so the text is in documents.jsonl), e.g.
 * the development articles, which are not in the repository:
 *   npm run ledger -- run ../shared/dev/events/events_corpus.jsonl --out /tmp/dev --full
 *   ENTITY_QUALITY_OUT=/tmp/dev npx vitest run tests/e2e/entity-quality.test.ts
 */
const outputs = [join(ROOT, 'output'), ...(process.env.ENTITY_QUALITY_OUT ?? '').split(',').filter((d) => d.trim())];

for (const out of outputs) {
  const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as DocumentRecord);
  checkEntities(out, docs);
}

function checkEntities(out: string, docs: DocumentRecord[]) {
  const textOf = (d: DocumentRecord) => d.text ?? readFileSync(join(CORPUS, d.source), 'utf8');
  const mentions = docs.flatMap((d) =>
    d.entities
      .filter((e) => !e.rule.startsWith('gazetteer'))
      .map((e) => ({
        ...e,
        doc: d,
        language: d.paragraphs.find((p) => p.start <= e.start && e.end <= p.end)?.language ?? d.language,
      })),
  );

  describe(`entities of ${out}`, () => {
    it('has mentions from the taggers to check', () => {
      expect(mentions.length).toBeGreaterThanOrEqual(10);
    });

    it('has no entity that is a function word, a numeral or a lone adjective of its language', () => {
      const bad = mentions.filter((m) => !/\s/u.test(m.text) && getLanguage(m.language)?.commonWord?.(m.text));
      expect(bad.map((m) => `${m.doc.id}: ${m.text}`)).toEqual([]);
    });

    it('has no entity made of two known names joined by a hyphen', () => {
      const known = (part: string) => lookupByKey(part).some((r) => gazetteerRecord(r.id));
      const bad = mentions.filter((m) => {
        const parts = m.text.split(/[-–—]/u);
        return parts.length === 2 && parts.every((p) => p.trim() && known(p.trim()));
      });
      expect(bad.map((m) => `${m.doc.id}: ${m.text}`)).toEqual([]);
    });

    it('has no organisation or place made of the subject words of a document title', () => {
      const bad = mentions.filter((m) => {
        const cue = getLanguage(m.language)?.entities.documentTitles;
        if (!cue || m.type === 'person') return false;
        const text = textOf(m.doc);
        return new RegExp(cue, 'u').test(text.slice(Math.max(0, m.start - 120), m.start));
      });
      expect(bad.map((m) => `${m.doc.id}: ${m.text}`)).toEqual([]);
    });
  });
}
