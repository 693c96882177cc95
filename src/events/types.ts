import builtIn from './types.json' with { type: 'json' };

/**
 * The event types, as data (`types.json`): the events stage fills roles and dates from them, the merge
 * reads which roles are symmetric, which attributes identify an event and which events happen once.
 * A type added to the data (with triggers in a language's `events.json`) is extracted and merged
 * without a code change.
 */
export type EntityKind = 'person' | 'place' | 'organization' | 'country';
export type DateFallback = 'inherit' | 'narrative' | 'narrativeDay' | 'present' | 'dateline' | 'published';

export interface RoleDef {
  role: string;
  entities: EntityKind[];
  /** Syntactic slots that fill the role, best first (see `slots.ts`). */
  slots: string[];
  required?: boolean;
  max?: number;
  min?: number;
  symmetric?: boolean;
  distribute?: boolean;
  implied?: boolean;
  leaders?: boolean;
  pairAnaphora?: boolean;
  /** A group reference ('the three') stands for the last list of that many countries. */
  group?: boolean;
  /** The document's two main countries whenever fewer are named (a trade figure). */
  mainPair?: boolean;
  notOwnCountryOf?: string;
  /** Not a country named only as an office-holder's ("the President of Uzbekistan"). */
  notLeaderCountry?: boolean;
  slotsOnly?: boolean;
  /** Names coordinated with the chosen one ('Trump and Putin') fill the role with it. */
  coordinated?: boolean;
  /** Reports disagreeing on this role are still one event, with a conflict (where a meeting took place). */
  secondary?: boolean;
}

export interface EventTypeDef {
  type: string;
  roles: RoleDef[];
  identity: string[];
  once: boolean;
  dateFallbacks: DateFallback[];
  attributes: Record<string, string>;
  requiredAttributes: string[];
  /** Participants an event needs over all its roles. */
  minParticipants: number;
  /** The event is the report itself: the date of the reporting verb ("said Saturday") is its date. */
  reportDates: boolean;
  /** Roles any one of which is enough whatever the count (a summit of an organisation). */
  enoughRoles: string[];
}

const KINDS = new Set<EntityKind>(['person', 'place', 'organization', 'country']);
const FALLBACKS = new Set<DateFallback>(['inherit', 'narrative', 'narrativeDay', 'present', 'dateline', 'published']);

/** A type definition checked and completed with defaults; errors name the type and the field. */
export function defineEventType(type: string, raw: unknown, where = 'event types'): EventTypeDef {
  const r = (raw ?? {}) as Partial<EventTypeDef>;
  const fail = (what: string) => {
    throw new Error(`${where}: type "${type}": ${what}`);
  };
  if (!Array.isArray(r.roles) || !r.roles.length) fail('needs a non-empty "roles" list');
  for (const role of r.roles ?? []) {
    if (!role.role) fail('a role without a "role" name');
    if (!Array.isArray(role.entities) || !role.entities.every((k) => KINDS.has(k)))
      fail(`role "${role.role}": "entities" must list person, place, organization or country`);
    if (!Array.isArray(role.slots)) fail(`role "${role.role}": "slots" must be a list (it may be empty)`);
  }
  for (const f of r.dateFallbacks ?? []) if (!FALLBACKS.has(f)) fail(`unknown date fallback "${f}"`);
  return {
    type,
    roles: r.roles as RoleDef[],
    identity: r.identity ?? [],
    once: r.once ?? false,
    dateFallbacks: r.dateFallbacks ?? [],
    attributes: r.attributes ?? {},
    requiredAttributes: r.requiredAttributes ?? [],
    minParticipants: r.minParticipants ?? 1,
    enoughRoles: r.enoughRoles ?? [],
    reportDates: r.reportDates ?? false,
  };
}

const registry = new Map<string, EventTypeDef>();
for (const [type, def] of Object.entries(builtIn.types)) registry.set(type, defineEventType(type, def, 'types.json'));

/** Adds (or replaces) a type from data, as if it stood in `types.json`. */
export function registerEventType(type: string, raw: unknown): EventTypeDef {
  const def = defineEventType(type, raw);
  registry.set(type, def);
  return def;
}

export function eventType(type: string): EventTypeDef | undefined {
  return registry.get(type);
}

export function eventTypes(): EventTypeDef[] {
  return [...registry.values()];
}

/** Roles whose entities form an unordered set (the parties of an agreement). */
export function isSymmetric(type: string, role: string): boolean {
  return !!registry.get(type)?.roles.find((r) => r.role === role)?.symmetric;
}

/** Roles that do not tell two events apart: disagreement on them is a conflict. */
export function isSecondary(type: string, role: string): boolean {
  return !!registry.get(type)?.roles.find((r) => r.role === role)?.secondary;
}
