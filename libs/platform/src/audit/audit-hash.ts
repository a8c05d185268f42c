import { createHash, createHmac } from 'node:crypto';

import { canonicalJson } from './canonical-json.js';

/** The hash that starts every chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  readonly organisationId: string;
  readonly seq: string;
  readonly actorPersonId: string | null;
  readonly actingOrganisationId: string | null;
  readonly actorProcess: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly occurredAt: Date;
}

/** SHA-256 over the previous link's hash and the record's canonical JSON. */
export function auditHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        organisationId: fields.organisationId,
        seq: String(fields.seq),
        actorPersonId: fields.actorPersonId,
        actingOrganisationId: fields.actingOrganisationId,
        actorProcess: fields.actorProcess,
        action: fields.action,
        entityType: fields.entityType,
        entityId: fields.entityId,
        before: fields.before ?? null,
        after: fields.after ?? null,
        occurredAt: fields.occurredAt,
      }),
    )
    .digest('hex');
}

/**
 * The MAC that anchors a record (its hash, which covers its chain, position and content and
 * every record before it) with the audit key, kept outside the database: whoever can rewrite the
 * database can recompute the hashes but not these.
 */
export function recordMac(key: string, hash: string): string {
  return createHmac('sha256', key).update('remiss:audit-record\n').update(hash).digest('hex');
}

/** The MAC of a chain's head, so that cutting records off the end of a chain shows too. */
export function headMac(key: string, organisationId: string, seq: string, hash: string): string {
  return createHmac('sha256', key)
    .update('remiss:audit-head\n')
    .update(`${organisationId}\n${seq}\n${hash}`)
    .digest('hex');
}
