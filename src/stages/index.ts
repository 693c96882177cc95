// Registers every stage by name; pipelines/*.json choose and order them.
import './normalise.js';
import './ingest.js';
import './published.js';
import './language.js';
import './sentences.js';
import './dates.js';
import './entities.js';
import './link.js';
import './events.js';
