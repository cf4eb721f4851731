/**
 * Who is calling: defined in common/principal.ts, below the audit chain and the entities that also
 * name principals. Re-exported here so the features keep importing identity from auth/.
 */
export * from '../common/principal';
