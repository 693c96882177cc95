import {
  type DateValue,
  type Document,
  type EntityRecord,
  type EventMention,
  type Message,
  type RemovedSpan,
  type Span,
  toTextSpan,
} from '../core/document.js';

/** One line of `documents.jsonl` (see CONTRACT.md and schemas/documents.schema.json). */
export interface DocumentRecord {
  id: string;
  source: string;
  sha256: string;
  /** The article's address and headline, as a JSONL record gave them. */
  url?: string;
  title?: string;
  language: string;
  languageConfidence: number;
  /** `given` when the caller stated the language (JSONL `language`, `run --language`), else `detected`. */
  languageSource: 'given' | 'detected';
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

/** The part of a document's record the merge and the run report read. */
export type MergeRecord = Pick<
  DocumentRecord,
  'id' | 'source' | 'sha256' | 'url' | 'title' | 'language' | 'published' | 'warnings'
> & {
  entities: { entity: string }[];
};

/** What the merge needs of one document; a full DocumentResult is one too. */
export interface MergeInput {
  record: MergeRecord;
  entities: EntityRecord[];
  events: EventMention[];
}

/**
 * A document's result without what only documents.jsonl needs (spans, paragraphs, dates, mentions):
 * a batch keeps this in memory for the merge and reads the full record back from the cache when it
 * writes, so memory grows with the events and entities of a batch, not with the size of its records.
 */
export function toMergeInput(r: DocumentResult): MergeInput {
  const { id, source, sha256, url, title, language, published, warnings } = r.record;
  const entities = [...new Set(r.record.entities.map((e) => e.entity))].sort().map((entity) => ({ entity }));
  return {
    record: {
      id,
      source,
      sha256,
      ...(url !== undefined ? { url } : {}),
      ...(title !== undefined ? { title } : {}),
      language,
      published,
      warnings,
      entities,
    },
    entities: r.entities,
    events: r.events,
  };
}

/**
 * The same entity record comes with every document that names it (a gazetteer entity in thousands of
 * articles). A batch keeps one shared object per distinct record, so the merge inputs it holds grow
 * with its distinct entities rather than with documents × entities (entities were three quarters of
 * a merge input's size on the synthetic bench corpus). The merge only reads them.
 */
export class EntityInterner {
  private readonly seen = new Map<string, EntityRecord>();

  intern(input: MergeInput): MergeInput {
    input.entities = input.entities.map((e) => {
      const key = JSON.stringify(e);
      const known = this.seen.get(key);
      if (known) return known;
      this.seen.set(key, e);
      return e;
    });
    return input;
  }
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

/**
 * The record of a processed document, with every span mapped from the view the stages read back to
 * the original text, and every surface string cut from that text.
 */
export function toDocumentResult(doc: Document, carryText: boolean): DocumentResult {
  const span = (x: Span) => toTextSpan(doc, x);
  const surface = (x: Span) => {
    const t = span(x);
    return { text: doc.text.slice(t.start, t.end), start: t.start, end: t.end };
  };
  const removed = doc.removed.map((r) => {
    const o: RemovedSpan = { ...span(r), reason: r.reason };
    if (r.duplicateOf !== undefined) o.duplicateOf = span({ start: r.duplicateOf, end: r.duplicateOf + 1 }).start;
    return o;
  });
  const record: DocumentRecord = {
    id: doc.id,
    source: doc.source,
    sha256: doc.sha256,
    ...(doc.meta.url !== undefined ? { url: doc.meta.url } : {}),
    ...(doc.meta.title !== undefined ? { title: doc.meta.title } : {}),
    language: doc.language,
    languageConfidence: doc.languageConfidence,
    languageSource: doc.languageSource,
    published: doc.published,
    publishedCue: doc.publishedCue,
    body: bodySpans(doc.paragraphs, doc.removed).map(span),
    removed: removed.sort((a, b) => a.start - b.start),
    paragraphs: doc.paragraphs.map((p) => ({
      ...span(p),
      language: p.language ?? 'und',
      languageConfidence: p.languageConfidence ?? 0,
    })),
    dates: doc.dates.map((d) => {
      const o: DocumentRecord['dates'][number] = {
        ...surface(d),
        value: d.value,
        precision: d.precision,
        rule: d.rule,
      };
      if (d.mod) o.mod = d.mod;
      return o;
    }),
    entities: doc.entities
      .filter((e) => e.entity)
      .map((e) => ({ ...surface(e), type: e.type, entity: e.entity as string, rule: e.rule })),
    events: [],
    warnings: doc.messages,
  };
  if (carryText) record.text = doc.text;
  const entities = [...doc.entityRecords.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const events = doc.events.map((e) => ({ ...e, ...surface(e), trigger: surface(e.trigger) }));
  return { record, entities, events };
}

export type { DateValue };
