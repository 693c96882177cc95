/**
 * Run by `npm run build` after tsc: records in dist/fingerprint.json the fingerprint of the sources the
 * build was compiled from (see src/batch/fingerprint.ts), so the built tool and the sources share
 * cached results and queues.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINGERPRINT_FILE, hashTree } from '../src/batch/fingerprint.js';

const root = join(import.meta.dirname, '..');
const fingerprint = hashTree(join(root, 'src'));
writeFileSync(join(root, 'dist', FINGERPRINT_FILE), `${JSON.stringify({ fingerprint })}\n`);
console.log(`dist/${FINGERPRINT_FILE}: ${fingerprint}`);
