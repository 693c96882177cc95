/**
 * A structured averaged perceptron over BIO tags, decoded with Viterbi over the tag transitions
 * (Collins 2002; the size of Honnibal's "good part-of-speech tagger in about 200 lines"). Our own
 * rather than wink-perceptron: that one predicts a single label without scores, so it cannot be
 * decoded jointly over a sentence. Features are strings; the learner knows nothing of any language.
 */
export interface TaggerModel {
  tags: string[];
  /** feature → weight per tag (same order as `tags`), averaged and rounded. */
  weights: Record<string, number[]>;
  /** transition[prev + 1][tag]: row 0 is the sentence start. */
  transitions: number[][];
}

export interface TrainOptions {
  passes: number;
  /** Features seen fewer times than this in training are dropped before learning. */
  minCount: number;
  /** Averaged weights smaller than this (in absolute value) are dropped from the saved model. */
  prune: number;
}

export type Sentence = { features: string[][]; tags: string[] };

class Weights {
  readonly w = new Map<string, Float64Array>();
  private readonly total = new Map<string, Float64Array>();
  private readonly stamp = new Map<string, Float64Array>();
  constructor(private readonly n: number) {}

  get(f: string): Float64Array | undefined {
    return this.w.get(f);
  }

  update(f: string, tag: number, delta: number, now: number) {
    let w = this.w.get(f);
    if (!w) {
      w = new Float64Array(this.n);
      this.w.set(f, w);
      this.total.set(f, new Float64Array(this.n));
      this.stamp.set(f, new Float64Array(this.n));
    }
    const total = this.total.get(f) as Float64Array;
    const stamp = this.stamp.get(f) as Float64Array;
    total[tag] = (total[tag] as number) + (now - (stamp[tag] as number)) * (w[tag] as number);
    stamp[tag] = now;
    w[tag] = (w[tag] as number) + delta;
  }

  averaged(now: number): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    for (const [f, w] of this.w) {
      const total = this.total.get(f) as Float64Array;
      const stamp = this.stamp.get(f) as Float64Array;
      const avg = new Float64Array(this.n);
      for (let t = 0; t < this.n; t++)
        avg[t] = ((total[t] as number) + (now - (stamp[t] as number)) * (w[t] as number)) / now;
      out.set(f, avg);
    }
    return out;
  }
}

/** The best tag sequence under emission scores and transitions (Viterbi). */
export function viterbi(emissions: Float64Array[], transitions: ArrayLike<number>[], n: number): number[] {
  const len = emissions.length;
  if (!len) return [];
  const score: Float64Array[] = [];
  const back: Int32Array[] = [];
  for (let i = 0; i < len; i++) {
    const e = emissions[i] as Float64Array;
    const s = new Float64Array(n);
    const b = new Int32Array(n);
    for (let t = 0; t < n; t++) {
      if (i === 0) {
        s[t] = (e[t] as number) + ((transitions[0] as ArrayLike<number>)[t] as number);
        continue;
      }
      const prev = score[i - 1] as Float64Array;
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < n; p++) {
        const v = (prev[p] as number) + ((transitions[p + 1] as ArrayLike<number>)[t] as number);
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      s[t] = best + (e[t] as number);
      b[t] = arg;
    }
    score.push(s);
    back.push(b);
  }
  const last = score[len - 1] as Float64Array;
  let tag = 0;
  for (let t = 1; t < n; t++) if ((last[t] as number) > (last[tag] as number)) tag = t;
  const out = new Array<number>(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = tag;
    tag = (back[i] as Int32Array)[tag] as number;
  }
  return out;
}

function emissionsOf(features: string[][], get: (f: string) => ArrayLike<number> | undefined, n: number) {
  return features.map((fs) => {
    const e = new Float64Array(n);
    for (const f of fs) {
      const w = get(f);
      if (w) for (let t = 0; t < n; t++) e[t] = (e[t] as number) + (w[t] as number);
    }
    return e;
  });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Trains on sentences in the order given (no shuffling: the same input gives the same model). */
export function train(sentences: Sentence[], tags: string[], opts: TrainOptions): TaggerModel {
  const n = tags.length;
  const index = new Map(tags.map((t, i) => [t, i]));
  const counts = new Map<string, number>();
  for (const s of sentences) for (const fs of s.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = sentences.map((s) => ({
    features: s.features.map((fs) => fs.filter((f) => (counts.get(f) ?? 0) >= opts.minCount)),
    gold: s.tags.map((t) => index.get(t) ?? 0),
  }));
  const weights = new Weights(n);
  // Transitions as features of their own: `T<prev>` with prev = -1 for the sentence start.
  const transitionRows = () =>
    Array.from({ length: n + 1 }, (_, p) => weights.get(`\u0000T${p - 1}`) ?? new Float64Array(n));
  let now = 1;
  for (let pass = 0; pass < opts.passes; pass++) {
    for (const s of kept) {
      const guess = viterbi(
        emissionsOf(s.features, (f) => weights.get(f), n),
        transitionRows(),
        n,
      );
      for (let i = 0; i < s.gold.length; i++) {
        const g = s.gold[i] as number;
        const p = guess[i] as number;
        const gPrev = i ? (s.gold[i - 1] as number) : -1;
        const pPrev = i ? (guess[i - 1] as number) : -1;
        if (g === p && gPrev === pPrev) continue;
        for (const f of s.features[i] as string[]) {
          weights.update(f, g, 1, now);
          weights.update(f, p, -1, now);
        }
        weights.update(`\u0000T${gPrev}`, g, 1, now);
        weights.update(`\u0000T${pPrev}`, p, -1, now);
      }
      now++;
    }
  }
  const avg = weights.averaged(now);
  const out: Record<string, number[]> = {};
  const transitions: number[][] = [];
  for (let p = -1; p < n; p++) transitions.push(Array.from(avg.get(`\u0000T${p}`) ?? new Float64Array(n), round3));
  for (const f of [...avg.keys()].filter((k) => !k.startsWith('\u0000')).sort()) {
    const w = Array.from(avg.get(f) as Float64Array, round3);
    if (w.some((x) => Math.abs(x) >= opts.prune)) out[f] = w;
  }
  return { tags, weights: out, transitions };
}

/** Tags one sentence with a trained model. */
export function predict(model: TaggerModel, features: string[][]): string[] {
  const n = model.tags.length;
  const path = viterbi(
    emissionsOf(features, (f) => model.weights[f], n),
    model.transitions,
    n,
  );
  return path.map((t) => model.tags[t] as string);
}

/**
 * A model ready for tagging: feature → row of a flat weight array, transitions flat too, so that
 * scoring a token is one Map lookup and a few additions per feature. Weights are saved to three
 * decimals (`round3`): compiled, they are whole thousandths, so sums are exact and the same in any
 * order of addition, whichever way a caller groups the features.
 */
export interface CompiledModel {
  tags: string[];
  rows: Map<string, number>;
  weights: Float64Array;
  transitions: Float64Array[];
}

const SCALE = 1000;

export function compile(model: TaggerModel): CompiledModel {
  const n = model.tags.length;
  const keys = Object.keys(model.weights);
  const rows = new Map<string, number>();
  const weights = new Float64Array(keys.length * n);
  const scaled = (w: number[]) => w.map((x) => Math.round(x * SCALE));
  keys.forEach((k, r) => {
    rows.set(k, r);
    weights.set(scaled(model.weights[k] as number[]), r * n);
  });
  return { tags: model.tags, rows, weights, transitions: model.transitions.map((t) => Float64Array.from(scaled(t))) };
}

/**
 * A model as saved (`ner.model.json`, format 2): the features in one array and their weights, already
 * whole thousandths, in one flat array (a row per feature, a column per tag). Saved as a map from
 * 68k feature keys, the Russian model took a process ~270 ms to parse and compile; in this form ~100.
 */
interface SavedModel {
  format: 2;
  tags: string[];
  features: string[];
  weights: number[];
  transitions: number[][];
}

/** The saved form of a trained model, for `compileSaved`. */
export function serialiseModel(model: TaggerModel): string {
  const features = Object.keys(model.weights);
  const weights: number[] = [];
  for (const f of features) for (const w of model.weights[f] as number[]) weights.push(Math.round(w * SCALE));
  const saved: SavedModel = { format: 2, tags: model.tags, features, weights, transitions: model.transitions };
  return `${JSON.stringify(saved)}\n`;
}

/** A saved model ready for tagging; the same as `compile` of the model it was saved from. */
export function compileSaved(text: string): CompiledModel {
  const saved = JSON.parse(text) as SavedModel | TaggerModel;
  if (!('format' in saved)) return compile(saved);
  const rows = new Map<string, number>(saved.features.map((f, r) => [f, r]));
  const transitions = saved.transitions.map((t) => Float64Array.from(t, (x) => Math.round(x * SCALE)));
  return { tags: saved.tags, rows, weights: Float64Array.from(saved.weights), transitions };
}

/** Adds a feature's weights to a token's scores; a feature the model does not know adds nothing. */
export function addFeature(model: CompiledModel, scores: Float64Array, feature: string): void {
  const r = model.rows.get(feature);
  if (r === undefined) return;
  const n = scores.length;
  const base = r * n;
  for (let t = 0; t < n; t++) scores[t] = (scores[t] as number) + (model.weights[base + t] as number);
}

/** The best tags for tokens scored with `addFeature`. */
export function decode(model: CompiledModel, emissions: Float64Array[]): string[] {
  return viterbi(emissions, model.transitions, model.tags.length).map((t) => model.tags[t] as string);
}

/** Tags one sentence with a compiled model (same result as `predict`). */
export function predictCompiled(model: CompiledModel, features: string[][]): string[] {
  const n = model.tags.length;
  const emissions = features.map((fs) => {
    const e = new Float64Array(n);
    for (const f of fs) addFeature(model, e, f);
    return e;
  });
  return decode(model, emissions);
}
