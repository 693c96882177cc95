import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Document } from './document.js';
import { report } from './document.js';
import { compileRegExpsAtFirstUse } from './regexp.js';
import { getStage, registeredStages, type StageRunner } from './stage.js';

export interface PipelineConfig {
  name: string;
  description?: string;
  stages: { stage: string; options?: Record<string, unknown> }[];
  /** Options of the ledger merge, which runs over all documents after the per-document stages. */
  merge?: Record<string, unknown>;
}

export interface Pipeline {
  config: PipelineConfig;
  /** Hash of the configuration: identical configuration, identical hash (for caches and reports). */
  hash: string;
  /**
   * Runs the stages over a document. With a `deadline` (a `performance.now()` time), a document still
   * running past it after a stage fails with a `time-budget` error instead of holding up the batch.
   */
  run(doc: Document, timings?: Map<string, number>, deadline?: number): Document;
}

/** Fields present on a fresh document before any stage runs. */
const INITIAL_FIELDS = new Set(['text', 'source', 'sha256', 'meta']);

export class PipelineError extends Error {}

export function loadPipelineConfig(path: string): PipelineConfig {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new PipelineError(`cannot read pipeline file ${path}: ${(e as Error).message}`);
  }
  let config: PipelineConfig;
  try {
    config = JSON.parse(raw) as PipelineConfig;
  } catch (e) {
    throw new PipelineError(`pipeline file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (!config || !Array.isArray(config.stages)) {
    throw new PipelineError(`pipeline file ${path} needs a "stages" array of {"stage": "<name>", "options": {…}}`);
  }
  return config;
}

export function buildPipeline(config: PipelineConfig): Pipeline {
  // Before any stage's pattern is compiled: they run over every sentence (see regexp.ts).
  compileRegExpsAtFirstUse();
  const available = new Set(INITIAL_FIELDS);
  const runners: { name: string; run: StageRunner }[] = [];
  for (const [i, entry] of config.stages.entries()) {
    const stage = getStage(entry.stage);
    if (!stage) {
      throw new PipelineError(
        `pipeline "${config.name}", stage ${i + 1}: unknown stage "${entry.stage}"; registered stages: ${registeredStages().join(', ')}`,
      );
    }
    const missing = stage.requires.filter((f) => !available.has(f));
    if (missing.length) {
      throw new PipelineError(
        `pipeline "${config.name}", stage ${i + 1} (${entry.stage}) requires ${missing.join(', ')}, which no earlier stage assigns; move it after the stage that does`,
      );
    }
    for (const f of stage.assigns) available.add(f);
    const options = { ...stage.defaults, ...(entry.options ?? {}) };
    runners.push({ name: stage.name, run: stage.create(options) });
  }
  const hash = createHash('sha256').update(stableStringify(config)).digest('hex').slice(0, 16);
  return {
    config,
    hash,
    run(doc, timings, deadline) {
      const started = performance.now();
      for (const { name, run } of runners) {
        if (doc.halted) break;
        const t0 = performance.now();
        try {
          run(doc);
        } catch (e) {
          // One document's failure must not take the batch down: record it and stop this document.
          report(doc, name, 'error', 'stage-failed', `stage ${name} failed: ${(e as Error).stack ?? e}`);
          doc.halted = true;
        }
        const t1 = performance.now();
        if (timings) timings.set(name, (timings.get(name) ?? 0) + t1 - t0);
        if (deadline !== undefined && t1 > deadline && !doc.halted) {
          report(
            doc,
            name,
            'error',
            'time-budget',
            `processing took ${((t1 - started) / 1000).toFixed(1)} s, over its budget of ${((deadline - started) / 1000).toFixed(1)} s for ${doc.text.length} characters (stopped after ${name}); split the article or raise --time-budget`,
          );
          doc.halted = true;
        }
      }
      return doc;
    },
  };
}

/** JSON with object keys sorted, so equal values always serialise to equal strings. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
