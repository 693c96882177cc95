/** The ledger schema this version reads and writes (ledger.json's `schema`). */
export const LEDGER_SCHEMA = 'event-ledger/1';
