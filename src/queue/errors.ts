/** A queue command that cannot go on as asked (no such batch, no Redis): exits 2 with the message. */
export class QueueUsageError extends Error {}
