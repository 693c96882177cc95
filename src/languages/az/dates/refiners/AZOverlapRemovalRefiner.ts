import type { Refiner } from 'chrono-node';

/**
 * Of overlapping results, the one that starts first and, among those, the longest stays; chrono's
 * own refiner does this for its locales, but the common refiners are not exported.
 */
const AZOverlapRemovalRefiner: Refiner = {
  refine: (_context, results) => {
    const sorted = [...results].sort((a, b) => a.index - b.index || b.text.length - a.text.length);
    const out: typeof results = [];
    for (const r of sorted) {
      const last = out[out.length - 1];
      if (last && r.index < last.index + last.text.length) continue;
      out.push(r);
    }
    return out;
  },
};

export default AZOverlapRemovalRefiner;
