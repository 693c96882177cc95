// Dates are read in the publication's wall-clock time, never the machine's: a few of chrono's casual
// parsers ("last night") still use local-time Date methods, so the process runs in UTC. Imported first
// by every module that parses dates; setting TZ at run time resets Node's time zone for the process.
process.env.TZ = 'UTC';
