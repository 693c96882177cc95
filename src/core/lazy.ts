import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on first use rather than at import. The NLP libraries cost tens of MB each
 * (compromise ~45 MB, wink's model ~60 MB): a process that only merges, or hands documents to worker
 * threads, or reads no English, never pays for them. Synchronous, since stages are: the packages'
 * CommonJS builds are required.
 */
export function lazy<T>(load: (req: NodeJS.Require) => T): () => T {
  let value: T | undefined;
  let loaded = false;
  return () => {
    if (!loaded) {
      value = load(require);
      loaded = true;
    }
    return value as T;
  };
}
