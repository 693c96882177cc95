/**
 * Whether node was started with its own say on a V8 flag (`--flag`, `--no-flag`, `--flag=value`,
 * dashes or underscores): the project sets some flags at runtime for speed or memory, and never over a
 * choice the user made on the command line.
 */
export function givenToNode(flag: string, execArgv: readonly string[]): boolean {
  const name = flag.replace(/^--(?:no-)?/, '').replace(/[-_]/g, '[-_]');
  const given = new RegExp(`^--(?:no[-_])?${name}(?:=|$)`);
  return execArgv.some((a) => given.test(a));
}
