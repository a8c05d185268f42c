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

/** An audit record as SQL reads it back (`STORED_AUDIT_COLUMNS`), its sequence number as text. */
export interface StoredAuditRow {
  readonly id: string;
  readonly organisation_id: string;
  readonly seq_text: string;
  readonly actor_person_id: string | null;
  readonly acting_organisation_id: string | null;
  readonly actor_process: string | null;
  readonly action: string;
  readonly entity_type: string;
  readonly entity_id: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly occurred_at: Date;
  readonly prev_hash: string;
  readonly hash: string;
  readonly mac: string | null;
}

/** The select list that reads a `StoredAuditRow` from `audit_records`. */
export const STORED_AUDIT_COLUMNS = `audit_records.id::text AS id, organisation_id, audit_records.seq::text AS seq_text,
  actor_person_id, acting_organisation_id, actor_process, action, entity_type, entity_id, before, after, occurred_at,
  prev_hash, hash, mac`;

/** The hash a stored record carries when nothing in it has changed, given the hash of the record before it. */
export function storedRecordHash(prevHash: string, row: StoredAuditRow): string {
  return auditHash(prevHash, {
    organisationId: row.organisation_id,
    seq: row.seq_text,
    actorPersonId: row.actor_person_id,
    actingOrganisationId: row.acting_organisation_id,
    actorProcess: row.actor_process,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    occurredAt: row.occurred_at,
  });
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
