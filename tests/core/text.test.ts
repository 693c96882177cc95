import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { detached, startsLikeAny, tokenize } from '../../src/core/text.js';
import { getLanguage } from '../../src/languages/index.js';
import { ROOT } from '../helpers.js';

/**
 * Heap (MB, after a forced GC) still held once 40 documents of 1 MB have been read and dropped, with
 * one long word of each kept in a memo, cut as tokenize cuts it, kept as is or detached.
 */
function heldMb(detach: boolean): number {
  const script = `
    import { detached, tokenize } from './src/core/text.ts';
    const memo = new Map();
    global.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) {
      let doc = 'д '.repeat(500_000) + 'Азербайджанской' + i;
      const word = tokenize(doc, doc.length - 20).at(-1).text;
      memo.set(${detach} ? detached(word) : word, i);
      doc = null;
    }
    global.gc();
    console.log(memo.size === 40 ? (process.memoryUsage().heapUsed - before) / 1e6 : -1);
  `;
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
}

describe('detached', () => {
  it('gives the same text', () => {
    const text = 'Министерство иностранных дел Азербайджанской Республики';
    for (const t of tokenize(text)) expect(detached(t.text)).toBe(t.text);
  });

  it('keeps no document alive through a memo key, where the cut word itself does', () => {
    expect(heldMb(false)).toBeGreaterThan(40);
    expect(heldMb(true)).toBeLessThan(5);
  });
});

describe('startsLikeAny', () => {
  it('matches a word that starts with a stem of the list, each stem a pattern anchored whole', () => {
    const re = startsLikeAny(['nazir', 'генеральн\\p{L}* секретар', 'komit|şura']);
    expect(re.test('şurası')).toBe(true);
    expect(re.test('ali şura')).toBe(false); // an alternation inside a stem is anchored too
    expect(re.test('nazirliyi')).toBe(true);
    expect(re.test('генеральный секретарь')).toBe(true);
    expect(re.test('baş nazir')).toBe(false); // the stem must open the word
  });

  it('matches what the per-stem patterns it replaces matched, on the cue lists of the languages', () => {
    const words = ['nazir', 'Nazirliyi', 'prezidenti', 'министерство', 'Президент', 'komitəsi', 'Baku', 'səfir'];
    let matched = 0;
    for (const code of ['az', 'ru', 'en']) {
      const cues = getLanguage(code)?.entities;
      for (const list of [cues?.personTitles, cues?.orgHeads]) {
        const union = startsLikeAny(list);
        const each = (list ?? []).map((s) => new RegExp(`^(?:${s})`, 'iu'));
        // The per-stem patterns the name runs and classifiers built before (`^stem`) match the same.
        const unwrapped = (list ?? []).map((s) => new RegExp(`^${s}`, 'iu'));
        for (const w of words) {
          const lower = w.toLocaleLowerCase(code);
          expect(union.test(lower)).toBe(each.some((re) => re.test(lower)));
          expect(union.test(lower)).toBe(unwrapped.some((re) => re.test(lower)));
          if (union.test(lower)) matched++;
        }
      }
    }
    expect(matched).toBeGreaterThan(4); // the lists are there, and some of the words are titles or heads
  });

  it('is compiled once per list, and matches nothing for no list', () => {
    const list = ['komit'];
    expect(startsLikeAny(list)).toBe(startsLikeAny(list));
    expect(startsLikeAny(undefined).test('komitə')).toBe(false);
    expect(startsLikeAny([]).test('')).toBe(false);
  });
});
