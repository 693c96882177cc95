import { describe, expect, it } from 'vitest';
import { serialiseLedger } from '../../src/batch/finish.js';
import { interval, mergeLedger } from '../../src/ledger/merge.js';
import { toDocumentResult } from '../../src/ledger/records.js';
import { processText, seed } from '../helpers.js';

const ids = ['000', '001', '002', '003', '004'];
const results = ids.map((p) => toDocumentResult(processText(seed(p), { id: p }), false));

describe('mergeLedger', () => {
  const reference = serialiseLedger(mergeLedger(results).ledger);

  it('gives the same ledger whatever the order of documents', () => {
    const orders = [
      [4, 3, 2, 1, 0],
      [2, 0, 4, 1, 3],
      [1, 4, 0, 3, 2],
    ];
    for (const order of orders) {
      expect(serialiseLedger(mergeLedger(order.map((i) => results[i] as (typeof results)[number])).ledger)).toBe(
        reference,
      );
    }
  });

  it('gives the same ledger when two halves of the corpus are processed separately and merged', () => {
    const firstHalf = ['000', '003'].map((p) => toDocumentResult(processText(seed(p), { id: p }), false));
    const secondHalf = ['004', '001', '002'].map((p) => toDocumentResult(processText(seed(p), { id: p }), false));
    expect(serialiseLedger(mergeLedger([...secondHalf, ...firstHalf]).ledger)).toBe(reference);
  });

  it('merges across languages: relations established in English, Russian and Azerbaijani are one event', () => {
    const { ledger } = mergeLedger(results);
    const rel = ledger.events.filter(
      (e) => e.type === 'diplomatic_relations' && e.participants.some((p) => p.entity === 'place:uzbekistan'),
    );
    expect(rel).toHaveLength(1);
    expect(new Set(rel[0]?.mentions.map((m) => m.document))).toEqual(new Set(['002', '003', '004']));
    expect(rel[0]?.date?.value).toBe('1995-10-02');
  });

  it('records a conflict instead of splitting a one-off event reported with different dates', () => {
    const { ledger } = mergeLedger(results);
    const opening = ledger.events.find(
      (e) =>
        e.type === 'embassy_opening' &&
        e.participants.some((p) => p.role === 'sender' && p.entity === 'place:azerbaijan') &&
        e.participants.some((p) => p.role === 'host' && p.entity === 'place:uzbekistan'),
    );
    expect(opening?.conflicts[0]?.field).toBe('date');
    expect(opening?.conflicts[0]?.values).toEqual(expect.arrayContaining(['1996', '1997-06']));
  });

  it('keeps separate visits of the same people in different years apart', () => {
    const { ledger } = mergeLedger(results);
    const visits = ledger.events.filter(
      (e) =>
        e.type === 'visit' &&
        e.participants.some((p) => p.role === 'visitor' && p.entity === 'person:ilham-aliyev') &&
        e.date,
    );
    const years = visits.map((v) => v.date?.value.slice(0, 4));
    expect(new Set(years).size).toBe(years.length);
  });

  it('reads interval bounds at every precision', () => {
    expect(interval('1997-06-18/1997-06-19')).toEqual([19970618, 19970619]);
    expect(interval('1997-06')).toEqual([19970601, 19970631]);
    expect(interval('193X')).toEqual([19300101, 19391231]);
    expect(interval('XXXX-09-12')).toBeNull();
  });
});
