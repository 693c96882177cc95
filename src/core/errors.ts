/**
 * An error the user can fix: a bad path or option, an unwritable folder, a ledger of another schema,
 * an unreachable service. The CLI prints its message alone (no stack) and exits 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Node's system error codes that mean the environment, not the program, is at fault. */
const ENVIRONMENT = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EISDIR',
  'ENOTDIR',
  'ENOSPC',
  'EDQUOT',
  'EEXIST',
  'EMFILE',
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/** Whether an error comes from the environment (a file system or network error Node reports). */
export function isEnvironmentError(e: unknown): e is NodeJS.ErrnoException {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && ENVIRONMENT.has(code);
}

/** One line saying what went wrong with which path, for an environment error. */
export function describeEnvironmentError(e: NodeJS.ErrnoException): string {
  const what: Record<string, string> = {
    ENOENT: 'does not exist',
    EACCES: 'is not accessible (permission denied)',
    EPERM: 'is not accessible (operation not permitted)',
    EROFS: 'is on a read-only file system',
    EISDIR: 'is a folder where a file was expected',
    ENOTDIR: 'is not a folder (a file stands in its path)',
    ENOSPC: 'cannot be written: the disk is full',
    EDQUOT: 'cannot be written: the disk quota is exceeded',
    EEXIST: 'already exists',
    EMFILE: 'cannot be opened: too many open files',
  };
  const where = e.path ?? (e as { address?: string }).address;
  const reason = what[e.code ?? ''];
  if (where && reason) return `${where} ${reason}`;
  return e.message;
}
