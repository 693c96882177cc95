import { describe, expect, it } from 'vitest';
import '../../src/stages/index.js';
import { buildPipeline, loadPipelineConfig, stableStringify } from '../../src/core/pipeline.js';
import { registeredStages } from '../../src/core/stage.js';
import { DEFAULT_PIPELINE } from '../helpers.js';

describe('pipelines as data', () => {
  it('loads the default pipeline and hashes its configuration stably', () => {
    const config = loadPipelineConfig(DEFAULT_PIPELINE);
    expect(buildPipeline(config).hash).toBe(buildPipeline(JSON.parse(JSON.stringify(config))).hash);
    const changed = {
      ...config,
      stages: config.stages.map((s) => (s.stage === 'ingest.v1' ? { ...s, options: { goodMinWords: 9 } } : s)),
    };
    expect(buildPipeline(changed).hash).not.toBe(buildPipeline(config).hash);
  });

  it('refuses a stage placed before the stage that assigns what it requires', () => {
    expect(() => buildPipeline({ name: 'bad', stages: [{ stage: 'normalise.v1' }, { stage: 'dates.v1' }] })).toThrow(
      /dates\.v1\) requires sentences, published/,
    );
  });

  it('names the registered stages when a stage is unknown', () => {
    expect(() => buildPipeline({ name: 'bad', stages: [{ stage: 'dates.v9' }] })).toThrow(
      /unknown stage "dates\.v9".*dates\.v1/,
    );
    expect(registeredStages()).toContain('events.v1');
  });

  it('serialises objects with sorted keys', () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
