import { Inject, Injectable } from '@nestjs/common';

import type { Actor } from '../access/actor.js';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { assertInTransaction, Db, type Tx } from '../database/db.service.js';
import { LiveEvents } from '../events/live-events.service.js';
import { AuditChainHeadEntity } from './audit-chain-head.entity.js';
import {
  auditHash,
  GENESIS_HASH,
  type HashedFields,
  headMac,
  recordMac,
  STORED_AUDIT_COLUMNS,
  type StoredAuditRow,
  storedRecordHash,
} from './audit-hash.js';
import { AuditRecordEntity } from './audit-record.entity.js';
import { canonicalJson } from './canonical-json.js';

/** One change of state to record. */
export interface AuditEntry {
  /** `case.registered`, `person.disabled`, … */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Every organisation whose chain records the change (a distribution touches sender and recipient). */
  readonly organisationIds: readonly string[];
}

export interface AuditRecordView {
  readonly id: string;
  readonly seq: number;
  readonly organisationId: string;
  readonly actorPersonId: string | null;
  readonly actingOrganisationId: string | null;
  readonly actorProcess: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly occurredAt: string;
  readonly hash: string;
}

/**
 * Why a chain fails: a record's content no longer gives its hash, a link points elsewhere, a
 * record is missing, a record's MAC is missing or does not match (the chain was recomputed by
 * someone without the audit key), or the head does not close the chain (or its MAC does not
 * match: the chain was cut short).
 */
export type ChainBreak = 'hash_mismatch' | 'previous_hash_mismatch' | 'sequence_gap' | 'mac_mismatch' | 'head_mismatch';

export interface ChainVerification {
  readonly organisationId: string;
  readonly valid: boolean;
  readonly recordsChecked: number;
  readonly headSeq: number;
  readonly firstBroken?: { readonly seq: number; readonly recordId: string | null; readonly reason: ChainBreak };
}

const VERIFY_BATCH = 2_000;

/** Rewrites a value the way jsonb will hand it back, so the hash covers exactly what is stored. */
function asStored(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(canonicalJson(value)) as unknown);
}

/**
 * The append-only, hash-chained audit trail. Every state change calls `record` inside the
 * transaction that makes the change, so the change and its record commit or vanish together.
 * Each record and each chain head also carry a MAC under the audit key (AUDIT_KEY), which lives
 * outside the database: a database superuser who rewrites a record and recomputes the hashes
 * after it cannot recompute these, and verification says so.
 */
@Injectable()
export class AuditService {
  readonly #key: string;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly live: LiveEvents,
  ) {
    this.#key = config.audit.key.reveal();
  }

  async record(tx: Tx, actor: Actor, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
    assertInTransaction(tx, 'An audit record');
    const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
    if (list.length === 0) {
      return;
    }
    // Lock every head this change touches in one fixed (sorted) order: two writers that touch
    // the same two chains then wait for each other instead of deadlocking.
    const chains = [...new Set(list.flatMap((e) => e.organisationIds))].sort();
    if (chains.length === 0) {
      throw new Error('An audit entry needs at least one organisation');
    }
    const heads = await this.#lockHeads(tx, chains);
    const head = new Map(heads.map((h) => [h.organisation_id, { seq: BigInt(h.seq), hash: h.hash }]));

    const occurredAt = this.clock.now();
    const rows: { fields: HashedFields; prevHash: string; hash: string; mac: string }[] = [];
    for (const entry of list) {
      const before = asStored(entry.before);
      const after = asStored(entry.after);
      for (const organisationId of [...new Set(entry.organisationIds)].sort()) {
        const current = head.get(organisationId);
        if (!current) {
          throw new Error(`audit chain head missing for ${organisationId}`);
        }
        const fields: HashedFields = {
          organisationId,
          seq: String(current.seq + 1n),
          actorPersonId: actor.kind === 'person' ? actor.personId : null,
          actingOrganisationId: actor.kind === 'person' ? actor.organisationId : null,
          actorProcess: actor.kind === 'system' ? actor.process : null,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          before,
          after,
          occurredAt,
        };
        const hash = auditHash(current.hash, fields);
        rows.push({ fields, prevHash: current.hash, hash, mac: recordMac(this.#key, hash) });
        head.set(organisationId, { seq: current.seq + 1n, hash });
      }
    }
    // The records and the heads they advance, in one statement.
    const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));
    const advanced = [...head].map(([id, at]) => ({ id, ...at }));
    await tx.query(
      `WITH inserted AS (
         INSERT INTO audit_records (organisation_id, seq, actor_person_id, acting_organisation_id, actor_process,
                                    action, entity_type, entity_id, before, after, occurred_at, prev_hash, hash, mac)
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                              $8::text[], $9::jsonb[], $10::jsonb[], $11::timestamptz[], $12::text[], $13::text[],
                              $14::text[])
       )
       UPDATE audit_chain_heads h SET seq = v.seq, hash = v.hash, mac = v.mac
       FROM unnest($15::uuid[], $16::bigint[], $17::text[], $18::text[]) AS v(organisation_id, seq, hash, mac)
       WHERE h.organisation_id = v.organisation_id`,
      [
        rows.map((r) => r.fields.organisationId),
        rows.map((r) => r.fields.seq),
        rows.map((r) => r.fields.actorPersonId),
        rows.map((r) => r.fields.actingOrganisationId),
        rows.map((r) => r.fields.actorProcess),
        rows.map((r) => r.fields.action),
        rows.map((r) => r.fields.entityType),
        rows.map((r) => r.fields.entityId),
        rows.map((r) => json(r.fields.before)),
        rows.map((r) => json(r.fields.after)),
        rows.map((r) => r.fields.occurredAt),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
        rows.map((r) => r.mac),
        advanced.map((h) => h.id),
        advanced.map((h) => h.seq.toString()),
        advanced.map((h) => h.hash),
        advanced.map((h) => headMac(this.#key, h.id, h.seq.toString(), h.hash)),
      ],
    );
    // Every state change passes here in its transaction: the one place that can tell the web
    // application, once the change has committed, what it may need to show anew.
    this.live.auditedIn(tx, list);
  }

  /**
   * Locks the heads of the given chains, in their sorted order; a chain's head is made on its
   * first record (that path takes one statement more).
   */
  async #lockHeads(
    tx: Tx,
    chains: readonly string[],
  ): Promise<{ organisation_id: string; seq: string; hash: string }[]> {
    const lock = (): Promise<{ organisation_id: string; seq: string; hash: string }[]> =>
      tx.query(
        `SELECT organisation_id, seq::text AS seq, hash FROM audit_chain_heads
         WHERE organisation_id = ANY($1::uuid[]) ORDER BY organisation_id FOR UPDATE`,
        [chains],
      );
    const heads = await lock();
    if (heads.length === chains.length) {
      return heads;
    }
    await tx.query(
      `INSERT INTO audit_chain_heads (organisation_id, seq, hash, mac)
       SELECT id, 0, $2, mac FROM unnest($1::uuid[], $3::text[]) AS t(id, mac) ORDER BY id
       ON CONFLICT (organisation_id) DO NOTHING`,
      [chains, GENESIS_HASH, chains.map((id) => headMac(this.#key, id, '0', GENESIS_HASH))],
    );
    return lock();
  }

  /** Walks an organisation's chain from the start and reports the first broken link. */
  async verifyChain(organisationId: string): Promise<ChainVerification> {
    const reader = this.db.reader;
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    // Keyset pagination over seq keeps each batch an index range scan, however long the chain.
    let afterSeq = '0';
    for (;;) {
      const batch = await reader.query<StoredAuditRow[]>(
        `SELECT ${STORED_AUDIT_COLUMNS}
         FROM audit_records WHERE organisation_id = $1 AND seq > $2::bigint ORDER BY audit_records.seq LIMIT $3`,
        [organisationId, afterSeq, VERIFY_BATCH],
      );
      for (const row of batch) {
        const seq = BigInt(row.seq_text);
        const broken = (reason: ChainBreak): ChainVerification => ({
          organisationId,
          valid: false,
          recordsChecked: checked,
          headSeq: Number(seq),
          firstBroken: { seq: Number(seq), recordId: row.id, reason },
        });
        if (seq !== expectedSeq) {
          return {
            ...broken('sequence_gap'),
            firstBroken: { seq: Number(expectedSeq), recordId: null, reason: 'sequence_gap' },
          };
        }
        if (row.prev_hash !== prevHash) {
          return broken('previous_hash_mismatch');
        }
        const recomputed = storedRecordHash(prevHash, row);
        if (recomputed !== row.hash) {
          return broken('hash_mismatch');
        }
        if (row.mac !== recordMac(this.#key, row.hash)) {
          return broken('mac_mismatch');
        }
        prevHash = row.hash;
        expectedSeq = seq + 1n;
        checked++;
      }
      const last = batch.at(-1);
      if (!last || batch.length < VERIFY_BATCH) {
        break;
      }
      afterSeq = last.seq_text;
    }
    const head = await reader.findOneBy(AuditChainHeadEntity, { organisationId });
    const headSeq = head ? BigInt(head.seq) : 0n;
    if (
      headSeq !== expectedSeq - 1n ||
      (head && (head.hash !== prevHash || head.mac !== headMac(this.#key, organisationId, head.seq, head.hash)))
    ) {
      return {
        organisationId,
        valid: false,
        recordsChecked: checked,
        headSeq: Number(headSeq),
        firstBroken: { seq: Number(expectedSeq - 1n), recordId: null, reason: 'head_mismatch' },
      };
    }
    return { organisationId, valid: true, recordsChecked: checked, headSeq: Number(headSeq) };
  }

  /** Records about one entity, newest first. */
  async forEntity(organisationId: string, entityType: string, entityId: string): Promise<AuditRecordView[]> {
    const rows = await this.db.reader.getRepository(AuditRecordEntity).find({
      where: { organisationId, entityType, entityId },
      order: { seq: 'DESC' },
      take: 500,
    });
    return rows.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      organisationId: r.organisationId,
      actorPersonId: r.actorPersonId,
      actingOrganisationId: r.actingOrganisationId,
      actorProcess: r.actorProcess,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      occurredAt: r.occurredAt.toISOString(),
      hash: r.hash,
    }));
  }
}
