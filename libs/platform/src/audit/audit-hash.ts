import { createHash } from 'node:crypto';

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
