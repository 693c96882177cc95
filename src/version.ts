import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeFingerprint } from './batch/fingerprint.js';

/** The package's own folder (package.json, pipelines/), whether running from src/ (tsx) or dist/. */
const here = dirname(fileURLToPath(import.meta.url));
export const packageRoot: string =
  [join(here, '..'), join(here, '..', '..')].find((d) => existsSync(join(d, 'pipelines', 'default.json'))) ??
  process.cwd();

/** The pipeline configuration shipped with the package (`pipelines/default.json`). */
export const defaultPipelinePath = join(packageRoot, 'pipelines', 'default.json');

/** The version in package.json ("0.0.0" if it cannot be read). */
export function toolVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** What made a run's outputs: the tool's version, the fingerprint of its code and the Node.js running it. */
export function provenance(): { name: string; version: string; fingerprint: string; node: string } {
  return { name: 'event-ledger', version: toolVersion(), fingerprint: codeFingerprint(), node: process.version };
}
