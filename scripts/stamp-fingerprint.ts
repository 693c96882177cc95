/**
 * Run by `npm run build` after tsc: records in dist/fingerprint.json the fingerprint of the sources the
 * build was compiled from (see src/batch/fingerprint.ts), so the built tool and the sources share
 * cached results and queues; and copies the data tsc does not (the tagger weights, read at run time
 * rather than imported, so that a language's model loads only when a sentence of it comes).
 */
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINGERPRINT_FILE, hashTree } from '../src/batch/fingerprint.js';

const root = join(import.meta.dirname, '..');
const fingerprint = hashTree(join(root, 'src'));
writeFileSync(join(root, 'dist', FINGERPRINT_FILE), `${JSON.stringify({ fingerprint })}\n`);
console.log(`dist/${FINGERPRINT_FILE}: ${fingerprint}`);

for (const code of readdirSync(join(root, 'src', 'languages'))) {
  const model = join(root, 'src', 'languages', code, 'ner.model.json');
  if (!existsSync(model)) continue;
  copyFileSync(model, join(root, 'dist', 'languages', code, 'ner.model.json'));
  console.log(`dist/languages/${code}/ner.model.json`);
}
