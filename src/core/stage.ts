import type { Document } from './document.js';

/**
 * A pipeline stage, registered by a versioned name (`dates.v1`) and configured from
 * `pipelines/*.json`. `create` runs once with the stage's options and returns the function that
 * annotates each document. `requires`/`assigns` name document fields, so a misordered pipeline
 * fails when it loads rather than producing empty output.
 */
export interface Stage<Options = Record<string, unknown>> {
  name: string;
  requires: string[];
  assigns: string[];
  defaults: Options;
  create(options: Options): StageRunner;
}

export type StageRunner = (doc: Document) => void;

const registry = new Map<string, Stage<never>>();

export function registerStage<O>(stage: Stage<O>): void {
  if (registry.has(stage.name)) throw new Error(`stage "${stage.name}" is registered twice`);
  registry.set(stage.name, stage as unknown as Stage<never>);
}

export function getStage(name: string): Stage<Record<string, unknown>> | undefined {
  return registry.get(name) as Stage<Record<string, unknown>> | undefined;
}

export function registeredStages(): string[] {
  return [...registry.keys()].sort();
}
