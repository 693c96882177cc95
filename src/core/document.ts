// The document object every stage reads and annotates (the way unified's vfile carries a file through
// its plugins). Stages read `view`, the normalised text, and their spans are offsets into it; the
// records written out map every span back to `text`, the decoded source (see `toTextSpan`). Stages
// add annotations and messages; they never rewrite `text` or an earlier stage's annotations.

export interface Span {
  start: number;
  end: number;
}

export type Severity = 'info' | 'warning' | 'error';

/** A diagnostic attached to a document: what went wrong, where, and what to do. */
export interface Message {
  code: string;
  message: string;
  severity: Severity;
  stage: string;
  start?: number;
  end?: number;
  line?: number;
  column?: number;
}

export interface RemovedSpan extends Span {
  reason: 'boilerplate' | 'duplicate';
  /** For duplicates: the start offset of the first occurrence. */
  duplicateOf?: number;
}

export interface Paragraph extends Span {
  language?: string;
  languageConfidence?: number;
}

export interface Sentence extends Span {
  paragraph: number;
  language: string;
}

export type DatePrecision = 'century' | 'decade' | 'year' | 'season' | 'month' | 'week' | 'day' | 'time';
export type DateMod = 'START' | 'MID' | 'END' | 'APPROX';

/** A normalised time expression, value in the contract's ISO form (`1997-06-18/1997-06-19`, `193X`). */
export interface DateValue {
  value: string;
  precision: DatePrecision;
  mod?: DateMod;
  /**
   * Where an event's date comes from: a date expression the text attaches to it (`text`), an earlier
   * event or date of the text (`context`), or the publication date (`published`). Events only.
   */
  source?: 'text' | 'context' | 'published';
}

export interface DateMention extends Span, DateValue {
  text: string;
  /** The parser or refiner that produced the value, for review. */
  rule: string;
  sentence: number;
}

export type EntityType = 'person' | 'place' | 'organization';

export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** Id of the canonical entity record (set by the linking stage). */
  entity?: string;
  rule: string;
  sentence: number;
  /** Grammatical case read off the surface form where the language marks it (ru, az). */
  case?: string;
  /** Gazetteer records the surface could name (several for an ambiguous surname); for the linker. */
  candidates?: string[];
  /** Initial written before a surname ("Ш.Мирзиёева"), for the linker. */
  initial?: string;
  /** The name's base (nominative) form where the recogniser knows it ("Ильхам Алиев"), for the linker. */
  base?: string;
}

/** The canonical record a mention links to: type, English-form Latin name, aliases, Wikidata QID. */
export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  qid?: string;
  /** Id of the country a place lies in or a person holds office for, where known. */
  country?: string;
}

export interface EventParticipant {
  role: string;
  entity: string;
}

/** An event as one document reports it, before the ledger merges reports across documents. */
export interface EventMention {
  type: string;
  status: 'reported' | 'planned';
  participants: EventParticipant[];
  date: DateValue | null;
  attributes: Record<string, string | number>;
  /** The sentence the report stands in. */
  start: number;
  end: number;
  text: string;
  trigger: Span & { text: string };
  confidence: number;
  rule: string;
}

/** What the caller states about a document rather than what the pipeline finds out. */
export interface DocumentMeta {
  url?: string;
  title?: string;
  publishedGiven?: string;
  /** ISO 639-1 code stated by the caller (JSONL `language`, or `run --language`). */
  languageGiven?: string;
}

export interface Document {
  id: string;
  /** Path relative to the corpus root, or the JSONL file and record id. */
  source: string;
  sha256: string;
  /** The decoded source text (BOM removed). Never modified after ingest. */
  text: string;
  /**
   * The normalised text the matchers read (NFC, homoglyphs, NBSP, typographic quotes, letter variants,
   * soft hyphens and zero-width characters removed). Offsets in `view` map to `text` through
   * `viewMap`; when it is null the two are the same length and offsets are shared.
   */
  view: string;
  viewMap: ViewMap | null;
  published: string | null;
  /** The publication time when the caller gave one ("2012-07-10T08:30"), as wall-clock time without zone. */
  publishedAt: string | null;
  publishedCue: string | null;
  language: string;
  languageConfidence: number;
  body: Span[];
  removed: RemovedSpan[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  dates: DateMention[];
  entities: EntityMention[];
  entityRecords: Map<string, EntityRecord>;
  events: EventMention[];
  messages: Message[];
  meta: DocumentMeta;
  /** Whether `language` was stated by the caller (`given`) or identified from the text (`detected`). */
  languageSource: 'given' | 'detected';
  /** True once a stage has decided the document cannot be processed further (e.g. unsupported language). */
  halted: boolean;
}

/** For each view offset i: where its character starts (`start[i]`) and ends (`end[i]`) in `text`. */
export interface ViewMap {
  start: Int32Array;
  end: Int32Array;
}

/** Maps a span of the view to the span of the original text it was made from. */
export function toTextSpan(doc: Pick<Document, 'viewMap' | 'text'>, span: Span): Span {
  const map = doc.viewMap;
  if (!map) return { start: span.start, end: span.end };
  const start = span.start < map.start.length ? (map.start[span.start] as number) : doc.text.length;
  const end = span.end > 0 ? (map.end[span.end - 1] as number) : 0;
  return { start, end: Math.max(start, end) };
}

export function createDocument(init: {
  id: string;
  source: string;
  sha256: string;
  text: string;
  meta?: Document['meta'];
}): Document {
  return {
    id: init.id,
    source: init.source,
    sha256: init.sha256,
    text: init.text,
    view: init.text,
    viewMap: null,
    published: null,
    publishedAt: null,
    publishedCue: null,
    language: 'und',
    languageConfidence: 0,
    languageSource: 'detected',
    body: [],
    removed: [],
    paragraphs: [],
    sentences: [],
    dates: [],
    entities: [],
    entityRecords: new Map(),
    events: [],
    messages: [],
    meta: init.meta ?? {},
    halted: false,
  };
}

/** Line and column (1-based) of an offset, for messages a person can act on. */
// Line starts per text, found once: a long document may carry thousands of messages.
const lineStartsOf = new Map<string, number[]>();

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let starts = lineStartsOf.get(text);
  if (!starts) {
    starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    // Only the latest text is kept: messages come document by document.
    lineStartsOf.clear();
    lineStartsOf.set(text, starts);
  }
  const at = Math.min(offset, text.length);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

export function report(
  doc: Document,
  stage: string,
  severity: Severity,
  code: string,
  message: string,
  span?: Span,
): void {
  const m: Message = { code, message, severity, stage };
  if (span) {
    const t = toTextSpan(doc, span);
    m.start = t.start;
    m.end = t.end;
    Object.assign(m, lineColumn(doc.text, t.start));
  }
  doc.messages.push(m);
}
