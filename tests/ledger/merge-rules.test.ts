import { describe, expect, it } from 'vitest';
import { serialiseLedger } from '../../src/batch/finish.js';
import type { DateValue, EntityRecord, EventMention } from '../../src/core/document.js';
import { mergeLedger } from '../../src/ledger/merge.js';
import type { MergeInput } from '../../src/ledger/records.js';

/**
 * The merge's rules on reports built by hand: each case is two or three documents reporting events
 * whose link or split the rule decides. Entities are made up; ids follow the linker's form.
 */
function report(
  type: string,
  participants: [string, string][],
  date: DateValue | null,
  attributes: Record<string, string | number> = {},
): EventMention {
  return {
    type,
    status: 'reported',
    participants: participants.map(([role, entity]) => ({ role, entity })),
    date,
    attributes,
    start: 0,
    end: 10,
    text: 'a sentence',
    trigger: { start: 0, end: 1, text: 't' },
    confidence: 0.5,
    rule: 'test',
  };
}

function doc(id: string, events: EventMention[], entities: EntityRecord[] = []): MergeInput {
  const used = new Set(events.flatMap((e) => e.participants.map((p) => p.entity)));
  const records: EntityRecord[] = [...used].map(
    (eid) =>
      entities.find((e) => e.id === eid) ?? {
        id: eid,
        type: eid.split(':')[0] as EntityRecord['type'],
        name: eid,
        aliases: [eid],
      },
  );
  return {
    record: {
      id,
      source: `${id}.txt`,
      sha256: id,
      language: 'en',
      published: null,
      warnings: [],
      entities: records.map((e) => ({ entity: e.id })),
    },
    entities: records,
    events,
  };
}

const day = (value: string, source: DateValue['source'] = 'text'): DateValue => ({ value, precision: 'day', source });
const eventsOf = (inputs: MergeInput[], type: string) =>
  mergeLedger(inputs).ledger.events.filter((e) => e.type === type);

describe('merge rules', () => {
  it('does not let a report naming fewer people bridge two different meetings', () => {
    const inputs = [
      doc('a', [
        report(
          'meeting',
          [
            ['participant', 'person:obama'],
            ['participant', 'person:kenny'],
          ],
          null,
        ),
      ]),
      doc('b', [report('meeting', [['participant', 'person:obama']], null)]),
      doc('c', [
        report(
          'meeting',
          [
            ['participant', 'person:obama'],
            ['participant', 'person:machel'],
          ],
          null,
        ),
      ]),
    ];
    const meetings = eventsOf(inputs, 'meeting');
    expect(meetings).toHaveLength(2);
    // Whatever the order the documents come in, the same ledger.
    const reference = serialiseLedger(mergeLedger(inputs).ledger);
    for (const order of [
      [2, 1, 0],
      [1, 0, 2],
      [1, 2, 0],
    ])
      expect(serialiseLedger(mergeLedger(order.map((i) => inputs[i] as MergeInput)).ledger)).toBe(reference);
  });

  it('keeps two agreements with different titles apart, and joins two reports of one title', () => {
    const parties: [string, string][] = [
      ['party', 'place:azerbaijan'],
      ['party', 'place:uzbekistan'],
    ];
    const inputs = [
      doc('a', [report('agreement', parties, day('2022-06-21'), { title: 'Declaration on strategic partnership' })]),
      doc('b', [report('agreement', parties, day('2022-06-21'), { title: 'Programme of cultural cooperation' })]),
      doc('c', [
        report('agreement', parties, day('2022-06-21'), { title: 'declaration on the strategic partnership' }),
      ]),
    ];
    const agreements = eventsOf(inputs, 'agreement');
    expect(agreements.map((e) => e.mentions.map((m) => m.document))).toEqual(
      expect.arrayContaining([['a', 'c'], ['b']]),
    );
  });

  it('keeps a three-party document apart from a two-party one that shares a party and a year', () => {
    const inputs = [
      doc('a', [
        report(
          'agreement',
          [
            ['party', 'place:azerbaijan'],
            ['party', 'place:uzbekistan'],
          ],
          { value: '2023', precision: 'year', source: 'text' },
        ),
      ]),
      doc('b', [
        report(
          'agreement',
          [
            ['party', 'place:azerbaijan'],
            ['party', 'place:uzbekistan'],
            ['party', 'place:turkey'],
          ],
          { value: '2023', precision: 'year', source: 'text' },
        ),
      ]),
    ];
    expect(eventsOf(inputs, 'agreement')).toHaveLength(2);
  });

  it('joins an undated report of a visit to the one dated report it fits', () => {
    const visit: [string, string][] = [
      ['visitor', 'person:obama'],
      ['destination', 'place:ireland'],
    ];
    const visits = eventsOf(
      [doc('a', [report('visit', visit, day('2011-05-23'))]), doc('b', [report('visit', visit, null)])],
      'visit',
    );
    expect(visits).toHaveLength(1);
    expect(visits[0]?.date?.value).toBe('2011-05-23');
    expect(visits[0]?.mentions.map((m) => m.document)).toEqual(['a', 'b']);
  });

  it('leaves an undated report apart when two dated visits fit it', () => {
    const visit: [string, string][] = [
      ['visitor', 'person:obama'],
      ['destination', 'place:ireland'],
    ];
    const inputs = [
      doc('a', [report('visit', visit, day('2011-05-23'))]),
      doc('b', [report('visit', visit, day('2013-06-17'))]),
      doc('c', [report('visit', visit, null)]),
    ];
    expect(eventsOf(inputs, 'visit')).toHaveLength(3);
  });

  it('counts a publication date as no date when linking, and prefers a date the text states', () => {
    const visit: [string, string][] = [
      ['visitor', 'person:obama'],
      ['destination', 'place:ireland'],
    ];
    const visits = eventsOf(
      [
        doc('a', [report('visit', visit, day('2011-05-23'))]),
        doc('b', [report('visit', visit, day('2011-05-25', 'published'))]),
      ],
      'visit',
    );
    expect(visits).toHaveLength(1);
    expect(visits[0]?.date).toEqual(day('2011-05-23'));
    expect(visits[0]?.conflicts).toEqual([]);
  });

  it('joins a report dated by its publication to a stated date only in the month before publication', () => {
    const castro: [string, string][] = [['speaker', 'person:castro']];
    const stated = doc('a', [report('statement', castro, day('2000-03-29'))]);
    const days = eventsOf(
      [stated, doc('b', [report('statement', castro, day('2000-03-30', 'published'))])],
      'statement',
    );
    expect(days).toHaveLength(1);
    const months = eventsOf(
      [stated, doc('c', [report('statement', castro, day('2000-01-28', 'published'))])],
      'statement',
    );
    expect(months).toHaveLength(2);
  });

  it('keeps "A visits B" and "B visits A" apart', () => {
    const inputs = [
      doc('a', [
        report(
          'visit',
          [
            ['visitor', 'person:x'],
            ['destination', 'person:y'],
          ],
          null,
        ),
      ]),
      doc('b', [
        report(
          'visit',
          [
            ['visitor', 'person:y'],
            ['destination', 'person:x'],
          ],
          null,
        ),
      ]),
    ];
    expect(eventsOf(inputs, 'visit')).toHaveLength(2);
  });

  it('lists, per conflicting value, the documents that stated it', () => {
    const opening: [string, string][] = [
      ['sender', 'place:azerbaijan'],
      ['host', 'place:uzbekistan'],
    ];
    const [event] = eventsOf(
      [
        doc('a', [report('embassy_opening', opening, { value: '1996', precision: 'year', source: 'text' })]),
        doc('b', [report('embassy_opening', opening, { value: '1997-06', precision: 'month', source: 'text' })]),
        doc('c', [report('embassy_opening', opening, { value: '1997-06', precision: 'month', source: 'text' })]),
      ],
      'embassy_opening',
    );
    expect(event?.conflicts).toEqual([
      {
        field: 'date',
        values: ['1996', '1997-06'],
        reports: [
          { value: '1996', documents: ['a'] },
          { value: '1997-06', documents: ['b', 'c'] },
        ],
      },
    ]);
  });

  it('records where reports disagree on a secondary role instead of splitting the event', () => {
    const people: [string, string][] = [
      ['participant', 'person:bush'],
      ['participant', 'person:king-hussein'],
    ];
    const meetings = eventsOf(
      [
        doc('a', [report('meeting', [...people, ['location', 'place:kennebunkport']], day('1990-08-16'))]),
        doc('b', [report('meeting', [...people, ['location', 'place:washington']], day('1990-08-16'))]),
      ],
      'meeting',
    );
    expect(meetings).toHaveLength(1);
    expect(meetings[0]?.conflicts[0]?.field).toBe('participants.location');
  });

  it('counts a person and the country the documents say he speaks for as the same party', () => {
    const medvedev: EntityRecord = {
      id: 'person:medvedev',
      type: 'person',
      name: 'Dmitry Medvedev',
      aliases: ['Dmitry Medvedev'],
      country: 'place:russia',
    };
    const obama: EntityRecord = {
      id: 'person:obama',
      type: 'person',
      name: 'Barack Obama',
      aliases: ['Barack Obama'],
      country: 'place:united-states',
    };
    const agreements = eventsOf(
      [
        doc(
          'a',
          [
            report(
              'agreement',
              [
                ['party', 'person:medvedev'],
                ['party', 'person:obama'],
              ],
              day('2010-04-08'),
            ),
          ],
          [medvedev, obama],
        ),
        doc('b', [
          report(
            'agreement',
            [
              ['party', 'place:russia'],
              ['party', 'place:united-states'],
            ],
            day('2010-04-08'),
          ),
        ]),
      ],
      'agreement',
    );
    expect(agreements).toHaveLength(1);
  });
});
