// Worker threads do not inherit tsx's loader: when the tool runs from its TypeScript sources, each
// worker registers tsx, then loads the real worker module.
import { register } from 'tsx/esm/api';

register();
const { default: work } = await import('./worker.ts');
export default work;
