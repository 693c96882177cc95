#!/usr/bin/env node
/**
 * The command-line entry. It loads nothing heavy itself: a queue worker first restarts itself with a
 * V8 flag (see respawn.ts), and only then do the commands, and the models they load, come in.
 */
import { followLauncher, respawn, wantsRespawn } from './respawn.js';

if (wantsRespawn(process.argv)) {
  process.exitCode = await respawn(process.argv);
} else {
  followLauncher();
  const { main } = await import('./commands.js');
  await main();
}
