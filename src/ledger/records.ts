import type { DateValue, Document, EntityRecord, EventMention, Message, RemovedSpan, Span } from '../core/document.js';

/** One line of `documents.jsonl` (see CONTRACT.md and schemas/documents.schema.json). */
export interface DocumentRecord {
  id: string;
  source: string;
  sha256: string;
  language: string;
  languageConfidence: number;
  published: string | null;
  publishedCue: string | null;
  /** Present when the text is not the file's bytes as decoded (HTML, JSONL): offsets refer to it. */
  text?: string;
  body: Span[];
  removed: RemovedSpan[];
  paragraphs: { start: number; end: number; language: string; languageConfidence: number }[];
  dates: {
    text: string;
    start: number;
    end: number;
    value: string;
    precision: string;
    mod?: string;
    rule: string;
  }[];
  entities: { text: string; start: number; end: number; type: string; entity: string; rule: string }[];
  events: string[];
  warnings: Message[];
}

/** What one document contributes to the ledger: the unit that is cached, sharded and merged. */
export interface DocumentResult {
  record: DocumentRecord;
  entities: EntityRecord[];
  events: EventMention[];
}

/** Body = paragraphs minus spans removed as duplicates inside them. */
function bodySpans(paragraphs: Span[], removed: RemovedSpan[]): Span[] {
  const out: Span[] = [];
  const cuts = removed.filter((r) => r.reason === 'duplicate').sort((a, b) => a.start - b.start);
  for (const p of paragraphs) {
    let cursor = p.start;
    for (const c of cuts) {
      if (c.end <= cursor || c.start >= p.end) continue;
      if (c.start > cursor) out.push({ start: cursor, end: c.start });
      cursor = Math.max(cursor, c.end);
    }
    if (cursor < p.end) out.push({ start: cursor, end: p.end });
  }
  // Drop slivers of whitespace left between removed sentences.
  return out.filter((s) => s.end - s.start > 1);
}

export function toDocumentResult(doc: Document, carryText: boolean): DocumentResult {
  const record: DocumentRecord = {
    id: doc.id,
    source: doc.source,
    sha256: doc.sha256,
    language: doc.language,
    languageConfidence: doc.languageConfidence,
    published: doc.published,
    publishedCue: doc.publishedCue,
    body: bodySpans(doc.paragraphs, doc.removed),
    removed: [...doc.removed].sort((a, b) => a.start - b.start),
    paragraphs: doc.paragraphs.map((p) => ({
      start: p.start,
      end: p.end,
      language: p.language ?? 'und',
      languageConfidence: p.languageConfidence ?? 0,
    })),
    dates: doc.dates.map((d) => {
      const o: DocumentRecord['dates'][number] = {
        text: d.text,
        start: d.start,
        end: d.end,
        value: d.value,
        precision: d.precision,
        rule: d.rule,
      };
      if (d.mod) o.mod = d.mod;
      return o;
    }),
    entities: doc.entities
      .filter((e) => e.entity)
      .map((e) => ({
        text: e.text,
        start: e.start,
        end: e.end,
        type: e.type,
        entity: e.entity as string,
        rule: e.rule,
      })),
    events: [],
    warnings: doc.messages,
  };
  if (carryText) record.text = doc.text;
  const entities = [...doc.entityRecords.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { record, entities, events: doc.events };
}

export type { DateValue };
