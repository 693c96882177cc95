import { setFlagsFromString } from 'node:v8';
import { givenToNode } from './v8-flags.js';

/**
 * V8 runs a regular expression's first matches in its bytecode interpreter and compiles it to machine
 * code only once it has run ("tier-up"). The pipeline's patterns are few but large (chrono's parsers,
 * the event lexicons' alternations, `\p{L}` boundaries with case folding) and each runs over every
 * sentence, so the interpreted first passes are pure cost: in a fresh thread the first 10 articles took
 * 1.8–2.0 s with the patterns compiled at first use against 2.3–3.0 s with tier-up (dates 285 vs
 * 460–560 ms, events 151 vs 320–340 ms), and a re-run adding 10 articles to 10,000 went from 5.6–5.8 s
 * to 5.4–5.6 s. Warm throughput rose too (the stages bench, alternating with the code before):
 * Azerbaijani 46–48k → 68k words/s, Russian 42–44k → 47–50k, English 13.0–14.5k → 15.4–15.8k; a full
 * 10,000-article run's difference stayed within the machine's noise. Every worker thread of the
 * process reads the same flag.
 */
export function regexpTierUpFlag(execArgv: readonly string[]): string | undefined {
  // A choice node was started with (either spelling, on or off) is left alone.
  if (givenToNode('regexp-tier-up', execArgv)) return undefined;
  return '--no-regexp-tier-up';
}

let set = false;

/**
 * Compiles regular expressions to machine code at their first use, for the rest of the process. Only
 * how fast a pattern runs changes, never what it matches; V8 reads the flag when it compiles a pattern,
 * so it is set before a pipeline runs its first.
 */
export function compileRegExpsAtFirstUse(execArgv: readonly string[] = process.execArgv): void {
  if (set) return;
  set = true;
  const flag = regexpTierUpFlag(execArgv);
  if (flag) setFlagsFromString(flag);
}
