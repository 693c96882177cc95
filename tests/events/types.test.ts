import { afterAll, describe, expect, it } from 'vitest';
import { checkLexicons } from '../../src/events/extract.js';
import { defineEventType, eventType, registerEventType } from '../../src/events/types.js';
import { getLanguage, type LanguageModule, registerLanguage } from '../../src/languages/index.js';
import { mergeLedger } from '../../src/ledger/merge.js';
import { toDocumentResult } from '../../src/ledger/records.js';
import { processText } from '../helpers.js';

/**
 * Event types are data: a type described like those of `src/events/types.json`, with triggers in a
 * language's lexicon, is extracted and merged with no code of its own.
 */
const english = getLanguage('en') as LanguageModule;

describe('event types as data', () => {
  afterAll(() => registerLanguage(english));

  it('extracts and merges a type added by data only', () => {
    registerEventType(
      'protest',
      JSON.parse(`{
        "roles": [
          { "role": "location", "entities": ["place"], "slots": ["location"], "slotsOnly": true, "required": true },
          { "role": "organizer", "entities": ["organization"], "slots": ["subject", "agent"], "slotsOnly": true }
        ],
        "dateFallbacks": ["published"]
      }`),
    );
    registerLanguage({
      ...english,
      events: {
        ...english.events,
        types: { ...english.events.types, protest: { triggers: ['\\bprotest(?:ed|s)?\\b', '\\brall(?:y|ied)\\b'] } },
      },
    });
    const a = processText('Thousands of farmers protested in Berlin on 3 May 2024 against the new rules.', { id: 'a' });
    const b = processText('On 3 May 2024 farmers rallied outside the ministry in Berlin.', { id: 'b' });
    const summary = (d: typeof a) =>
      d.events.map((e) => [e.type, e.date?.value, ...e.participants.map((p) => `${p.role}=${p.entity}`)].join(' '));
    expect(summary(a)).toContain('protest 2024-05-03 location=place:berlin');
    expect(summary(b)).toContain('protest 2024-05-03 location=place:berlin');
    const { ledger } = mergeLedger([toDocumentResult(a, false), toDocumentResult(b, false)]);
    const protests = ledger.events.filter((e) => e.type === 'protest');
    expect(protests).toHaveLength(1);
    expect(protests[0]?.mentions.map((m) => m.document)).toEqual(['a', 'b']);
  });

  it('refuses a lexicon whose triggers name a type no definition describes, saying which file', () => {
    registerLanguage({
      ...english,
      events: { ...english.events, types: { ...english.events.types, parade: { triggers: ['\\bparade\\b'] } } },
    });
    expect(() => checkLexicons()).toThrow(/en\/events\.json.*"parade".*types\.json/);
    registerLanguage(english);
  });

  it('names the type and the field of a malformed definition', () => {
    expect(() => defineEventType('strike', { roles: [{ role: 'union', entities: ['crowd'], slots: [] }] })).toThrow(
      /type "strike": role "union": "entities"/,
    );
    expect(() => defineEventType('strike', { roles: [] })).toThrow(/type "strike": needs a non-empty "roles"/);
  });

  it('describes every type of the contract', () => {
    for (const type of [
      'visit',
      'diplomatic_relations',
      'embassy_opening',
      'agreement',
      'meeting',
      'membership',
      'statement',
      'trade',
      'election',
      'appointment',
      'award',
      'monument',
      'vote',
    ])
      expect(eventType(type)?.roles.length).toBeGreaterThan(0);
  });
});
