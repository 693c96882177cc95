import { describe, expect, it } from 'vitest';
import { tokenFeatures } from '../../src/ner/features.js';
import {
  compile,
  compileSaved,
  predict,
  predictCompiled,
  serialiseModel,
  train,
  viterbi,
} from '../../src/ner/perceptron.js';
import { fromBio, toBio, tokenize } from '../../src/ner/tokens.js';

const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];

// A toy corpus of our own: people before "visited", places after it.
const PEOPLE = ['Anna Berg', 'Omar Said', 'Lena Holm', 'Ivan Petrov', 'Sara Lind', 'Tom Reed'];
const PLACES = ['Oslo', 'Cairo', 'Lima', 'Quito', 'Perth', 'Riga'];
function corpus() {
  return PEOPLE.flatMap((p, i) =>
    PLACES.map((place, j) => {
      const text = `${p} visited ${place} on ${i + j + 1} May.`;
      const tokens = tokenize(text);
      const spans = [
        { type: 'PER', start: 0, end: p.length },
        { type: 'LOC', start: text.indexOf(place), end: text.indexOf(place) + place.length },
      ];
      return { features: tokenFeatures(tokens), tags: toBio(tokens, spans) };
    }),
  );
}

describe('the structured perceptron tagger', () => {
  it('learns spans and types it can find in a sentence it never saw', () => {
    const model = train(corpus(), TAGS, { passes: 5, minCount: 1, prune: 0 });
    const text = 'Omar Berg visited Riga on 3 May.';
    const tokens = tokenize(text);
    const spans = fromBio(tokens, predict(model, tokenFeatures(tokens)));
    expect(spans.map((s) => [s.type, text.slice(s.start, s.end)])).toEqual([
      ['PER', 'Omar Berg'],
      ['LOC', 'Riga'],
    ]);
  });

  it('saves a model in a form that compiles to the same weights, and still reads the older form', () => {
    const model = train(corpus(), TAGS, { passes: 3, minCount: 1, prune: 0.01 });
    const saved = compileSaved(serialiseModel(model));
    expect(saved).toEqual(compile(model));
    expect(compileSaved(JSON.stringify(model))).toEqual(compile(model));
    const tokens = tokenize('Lena Said visited Lima on 9 May.');
    expect(predictCompiled(saved, tokenFeatures(tokens))).toEqual(predict(model, tokenFeatures(tokens)));
  });

  it('trains to the same bytes twice (fixed order, no randomness)', () => {
    const opts = { passes: 3, minCount: 2, prune: 0.01 };
    expect(JSON.stringify(train(corpus(), TAGS, opts))).toBe(JSON.stringify(train(corpus(), TAGS, opts)));
  });

  it('decodes the best sequence under the transitions, not the best tag per token', () => {
    // Emissions alone prefer I-PER for the first token; the start row forbids it.
    const emissions = [Float64Array.from([0, 1, 2, 0, 0]), Float64Array.from([0, 0, 1, 0, 0])];
    const start = [0, 0, -10, 0, 0];
    const none = [0, 0, 0, 0, 0];
    expect(viterbi(emissions, [start, none, none, none, none, none], 5)).toEqual([1, 2]);
  });
});

describe('tokens and BIO spans', () => {
  it('round-trips character spans through BIO tags', () => {
    const text = 'Министр Хакан Фидан прибыл в Баку.';
    const tokens = tokenize(text);
    const spans = [
      { type: 'PER', start: 8, end: 19 },
      { type: 'LOC', start: 29, end: 33 },
    ];
    const tags = toBio(tokens, spans);
    expect(tags).toEqual(['O', 'B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O']);
    expect(fromBio(tokens, tags)).toEqual(spans);
  });
});
