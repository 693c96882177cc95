/**
 * A memo of boolean answers keyed by a pair of small non-negative integers (`a`, `b` < 2^30), in an
 * open-addressing table of typed arrays. The merge asks whether two report signatures link ~700k
 * times per 10k articles, half of them new pairs: a Map keyed by a combined number spent ~15% of the
 * merge on lookups, inserts and rehashing, and left a large Map for the collector.
 */
export class PairMemo {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Uint8Array;
  private mask: number;
  private size = 0;

  constructor(capacity = 1 << 12) {
    let cap = 1 << 4;
    while (cap < capacity) cap <<= 1;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.values = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  private slot(a: number, b: number): number {
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) & this.mask;
    while (this.keysA[i] !== -1 && (this.keysA[i] !== a || this.keysB[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The remembered answer for (a, b), or undefined. */
  get(a: number, b: number): boolean | undefined {
    const i = this.slot(a, b);
    return this.keysA[i] === -1 ? undefined : this.values[i] === 1;
  }

  set(a: number, b: number, value: boolean): void {
    if ((this.size + 1) * 2 > this.keysA.length) this.grow();
    const i = this.slot(a, b);
    if (this.keysA[i] === -1) this.size++;
    this.keysA[i] = a;
    this.keysB[i] = b;
    this.values[i] = value ? 1 : 0;
  }

  private grow(): void {
    const { keysA, keysB, values } = this;
    const cap = keysA.length * 2;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.values = new Uint8Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < keysA.length; i++) {
      const a = keysA[i] as number;
      if (a === -1) continue;
      const j = this.slot(a, keysB[i] as number);
      this.keysA[j] = a;
      this.keysB[j] = keysB[i] as number;
      this.values[j] = values[i] as number;
    }
  }
}
