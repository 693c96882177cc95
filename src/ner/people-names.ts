import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CYRILLIC_TO_LATIN } from '../core/text.js';

/**
 * Membership in a list of 39,000 people's names from every culture (first, middle and last names
 * alike), cspell's `@cspell/dict-people-names` (MIT): a tagger feature that tells "Merkel" or
 * "Adenauer" from a place in any language written in Latin letters, and in Russian after
 * transliteration ("Меркель" → "Merkel").
 */
let names: Set<string> | undefined;

function load(): Set<string> {
  // The package exports only its cspell settings file; the word list lies beside it.
  const dir = dirname(createRequire(import.meta.url).resolve('@cspell/dict-people-names/cspell-ext.json'));
  const text = readFileSync(join(dir, 'dict', 'people-names.txt'), 'utf8');
  return new Set(
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.trim().toLowerCase()),
  );
}

const latin = (word: string) => [...word.toLowerCase()].map((c) => CYRILLIC_TO_LATIN[c] ?? c).join('');

/** Whether a word (any of the forms given: the word, its stem or lemma) is a known person name. */
export function isPersonName(...forms: (string | undefined)[]): boolean {
  names ??= load();
  for (const f of forms) if (f && f.length > 1 && names.has(latin(f))) return true;
  return false;
}
