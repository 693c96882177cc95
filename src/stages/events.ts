import type { Document } from '../core/document.js';
import { registerStage } from '../core/stage.js';
import { checkLexicons, extractEvents } from '../events/extract.js';

/** The events stage: see `src/events/` (types as data, triggers, slots, roles, dating). */
registerStage({
  name: 'events.v1',
  requires: ['dates', 'entityRecords'],
  assigns: ['events'],
  defaults: {},
  create: () => {
    checkLexicons();
    return (doc: Document) => {
      doc.events.push(...extractEvents(doc));
    };
  },
});
