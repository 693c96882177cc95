import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * Queue workers run with V8's --single-threaded: a worker process is one of several that keep every
 * core busy, and there V8's background compiler and GC threads only compete with the other workers.
 * Measured on the 2-core machine (bench/queue.ts, 1000 articles): 2 worker processes went from 1.44×
 * to 1.68× one worker's throughput, and one worker alone was no slower. The flag cannot be set once V8
 * runs (setting it at runtime aborts the process), so the command restarts itself with it, before the
 * commands and their models load.
 */
const FLAG = '--single-threaded';
const PARENT = 'EVENT_LEDGER_LAUNCHER_PID';

export function wantsRespawn(argv: string[]): boolean {
  return argv[2] === 'worker' && !process.execArgv.includes(FLAG) && process.env[PARENT] === undefined;
}

/** Runs the command in a child process with the flag; resolves with the exit code to use. */
export function respawn(argv: string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, FLAG, ...argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [PARENT]: String(process.pid) },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

/**
 * In a respawned process: stop (as on SIGTERM: the jobs in hand finish) when the launcher is gone,
 * killed by a signal it could not forward, so no worker outlives the process its supervisor manages.
 */
export function followLauncher(): void {
  const launcher = process.env[PARENT];
  if (launcher === undefined) return;
  setInterval(() => {
    if (String(process.ppid) !== launcher) process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}
