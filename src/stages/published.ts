import { type Document, report } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { allMonths, allPageWords } from '../languages/index.js';

/**
 * The publication date: the reference every relative date is resolved against. Taken, in order,
 * from the record's `published` field, front matter, a header line ("date 2025-11-13"), a
 * publish/archive stamp in any supported language (each language's `page.json`), or a dateline that gives the year; the cue
 * used is recorded.
 */
const asPattern = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alternatives = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(asPattern)
    .join('|');

/** The date forms and cues, from every registered language's months and page words. */
function datePatterns() {
  const monthRe = alternatives(Object.keys(allMonths()));
  const page = allPageWords();
  const forms = [
    `(\\d{4})-(\\d{2})-(\\d{2})`,
    `(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})`,
    `(\\d{1,2})\\s+(${monthRe})\\s+(\\d{4})`,
    `(${monthRe})\\s+(\\d{1,2}),?\\s+(\\d{4})`,
  ].map((f) => new RegExp(`^${f}`, 'iu'));
  const cues: { cue: string; pattern: RegExp }[] = [
    { cue: 'front-matter', pattern: /^---[\s\S]*?^(?:date|published):\s*/gimu },
    { cue: 'header-line', pattern: new RegExp(`^\\s*(?:${alternatives(page.headerWords)})\\s*[:=]?\\s*`, 'gimu') },
    { cue: 'stamp', pattern: new RegExp(`(?:${alternatives(page.stampWords)})\\s*:?\\s*(?:on\\s+)?`, 'gimu') },
    // A dateline with a year: "TASHKENT, Uzbekistan, November 13, 2025 -", "BAKU, 13 Nov 2025 (Trend)".
    { cue: 'dateline', pattern: /^\s*\p{Lu}[\p{Lu} .-]{2,},\s*(?:\p{L}+(?: \p{L}+)?,\s*)?/gimu },
  ];
  return { forms, cues, months: allMonths() };
}
let patterns: ReturnType<typeof datePatterns> | undefined;
let builtFor: Record<string, number> | undefined;
const current = () => {
  if (!patterns || builtFor !== allMonths()) {
    patterns = datePatterns();
    builtFor = patterns.months;
  }
  return patterns;
};

// A stamp stands on a short line of its own; "was published on 5 May 2020" inside prose is not one.
const STAMP_LINE_MAX = 160;

function parseDateAt(s: string): string | null {
  const { forms, months: MONTHS } = current();
  for (const [i, form] of forms.entries()) {
    const m = form.exec(s);
    if (!m) continue;
    let y: number;
    let mo: number;
    let d: number;
    if (i === 0) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if (i === 1) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if (i === 2) [d, mo, y] = [Number(m[1]), MONTHS[(m[2] ?? '').toLowerCase()] ?? 0, Number(m[3])];
    else [mo, d, y] = [MONTHS[(m[1] ?? '').toLowerCase()] ?? 0, Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

export function findPublished(text: string): { value: string; cue: string } | null {
  for (const { cue, pattern } of current().cues) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      if (cue === 'stamp' || cue === 'dateline') {
        const lineStart = text.lastIndexOf('\n', at) + 1;
        const lineEnd = text.indexOf('\n', at);
        if ((lineEnd < 0 ? text.length : lineEnd) - lineStart > STAMP_LINE_MAX && cue === 'stamp') continue;
        if (cue === 'dateline' && at > 300) continue;
      }
      const value = parseDateAt(text.slice(at + m[0].length));
      if (value) return { value, cue };
    }
  }
  return null;
}

/**
 * Why a publication date cannot be right: no such calendar day ("2025-02-30", "9999-99-99"), or later
 * than tomorrow (a day's grace for time zones). Undefined when it can.
 */
export function implausible(day: string, today = new Date()): string | undefined {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return 'is no calendar date';
  const tomorrow = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
  if (day > tomorrow) return `is later than tomorrow (${tomorrow})`;
  return undefined;
}

registerStage({
  name: 'published.v1',
  requires: ['view'],
  assigns: ['published'],
  defaults: {},
  create: () => (doc: Document) => {
    const given = doc.meta.publishedGiven;
    if (given) {
      const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(given);
      const problem = m?.[1] ? implausible(m[1]) : undefined;
      if (m?.[1] && problem) {
        doc.messages.push({
          code: 'bad-published',
          message: `the "published" field "${given}" ${problem}; looking for a date in the text instead`,
          severity: 'warning',
          stage: 'published.v1',
        });
      } else if (m?.[1]) {
        doc.published = m[1];
        // The time of day makes "5 minutes ago" or "at 11 a.m." exact; its zone is not needed, since
        // dates are read in the publication's own wall-clock time.
        if (m[2]) doc.publishedAt = `${m[1]}T${m[2].length === 5 ? `${m[2]}:00` : m[2]}`;
        doc.publishedCue = 'given';
        return;
      }
      if (!m?.[1])
        doc.messages.push({
          code: 'bad-published',
          message: `the "published" field "${given}" is not an ISO date (YYYY-MM-DD); looking for a date in the text instead`,
          severity: 'warning',
          stage: 'published.v1',
        });
    }
    const found = findPublished(doc.view);
    const problem = found ? implausible(found.value) : undefined;
    if (found && problem) {
      report(
        doc,
        'published.v1',
        'warning',
        'bad-published',
        `the publication date "${found.value}" found in the text ${problem}; it was not used`,
      );
    } else if (found) {
      doc.published = found.value;
      doc.publishedCue = found.cue;
    }
  },
});
