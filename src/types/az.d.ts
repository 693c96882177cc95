// Types for the `az` package (Az.js, Russian morphology on OpenCorpora dictionaries), which ships none.
declare module 'az' {
  interface Tag {
    toString(): string;
    POST?: string;
    [grammeme: string]: unknown;
  }
  interface Parse {
    word: string;
    tag: Tag;
    score: number;
    normalize(keepPOS?: boolean): Parse;
  }
  interface MorphFn {
    (word: string, config?: Record<string, unknown>): Parse[];
    init(path: string, callback: (err?: Error) => void): void;
  }
  /** The file loader Az.js reads its dictionaries through (fs in Node, XHR in browsers). */
  type Loader = (url: string, responseType: string, callback: (err: Error | null, data?: unknown) => void) => void;
  const Az: { Morph: MorphFn; load: Loader };
  export default Az;
}
