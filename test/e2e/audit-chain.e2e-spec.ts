import { type AuditEntry, AuditService, Db, Role, systemActor } from '@app/platform';
import type { TestPerson } from '@app/testing';

import {
  STORED_AUDIT_COLUMNS,
  type StoredAuditRow,
  storedRecordHash,
} from '../../libs/platform/src/audit/audit-hash.js';
import { TestContext } from '../support/test-context.js';

describe('the audit chain', () => {
  let ctx: TestContext;
  let registrar: TestPerson;
  let admin: TestPerson;
  let organisationId: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    const org = await ctx.factories.organisation();
    organisationId = org.id;
    registrar = await ctx.factories.person(org.id, { roles: [Role.Registrar] });
    admin = await ctx.factories.person(org.id, { roles: [Role.Administrator] });
  });

  afterAll(() => ctx.close());

  /** An organisation whose chain holds a handful of records, and its registrar. */
  async function organisationWithRecords(): Promise<{ org: { id: string }; orgRegistrar: TestPerson }> {
    const org = await ctx.factories.organisation();
    const orgRegistrar = await ctx.factories.person(org.id, { roles: [Role.Registrar] });
    for (let i = 0; i < 3; i++) {
      await ctx.factories.person(org.id);
    }
    return { org, orgRegistrar };
  }

  it('records who changed what, for which organisation, with before and after', async () => {
    const person = await ctx.factories.person(organisationId);
    await ctx
      .http()
      .patch(`/api/v1/people/${person.id}`)
      .set(await ctx.as(admin))
      .send({ title: 'utredare' })
      .expect(200);
    const records = await ctx
      .http()
      .get('/api/v1/audit/records')
      .query({ entityType: 'person', entityId: person.id })
      .set(await ctx.as(registrar))
      .expect(200);
    const [latest] = records.body as {
      action: string;
      actorPersonId: string;
      actingOrganisationId: string;
      before: { title: string };
      after: { title: string };
    }[];
    expect(latest).toMatchObject({
      action: 'person.updated',
      actorPersonId: admin.id,
      actingOrganisationId: organisationId,
      before: { title: 'handläggare' },
      after: { title: 'utredare' },
    });
  });

  it('verifies an untouched chain', async () => {
    const response = await ctx
      .http()
      .get('/api/v1/audit/verify')
      .set(await ctx.as(registrar))
      .expect(200);
    expect(response.body).toMatchObject({ organisationId, valid: true });
    expect((response.body as { recordsChecked: number }).recordsChecked).toBeGreaterThan(3);
  });

  it('refuses to update or delete an audit record', async () => {
    await expect(
      ctx.query(`UPDATE audit_records SET action = 'x' WHERE organisation_id = $1`, [organisationId]),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.query(`DELETE FROM audit_records WHERE organisation_id = $1`, [organisationId])).rejects.toThrow(
      /append-only/,
    );
  });

  it('keeps one unbroken chain per organisation under concurrent writers touching two organisations', async () => {
    const other = await ctx.factories.organisation();
    const audit = ctx.get(AuditService);
    const db = ctx.get(Db);
    const actor = systemActor('test');
    // Half the writers name the organisations in one order, half in the other: the fixed lock
    // order must keep them from deadlocking or forking either chain.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.transaction(async (tx) => {
          const entry: AuditEntry = {
            action: 'test.touched',
            entityType: 'test',
            entityId: String(i),
            after: { i, text: 'Hägersten-Älvsjö' },
            organisationIds: i % 2 ? [organisationId, other.id] : [other.id, organisationId],
          };
          await audit.record(tx, actor, entry);
        }),
      ),
    );
    for (const id of [organisationId, other.id]) {
      const result = await audit.verifyChain(id);
      expect(result).toMatchObject({ valid: true });
    }
    const [{ n }] = (await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_records WHERE organisation_id = $1 AND action = 'test.touched'`,
      [other.id],
    )) as [{ n: number }];
    expect(n).toBe(40);
  });

  it('finds a record altered in SQL and reports the first broken link', async () => {
    const { org, orgRegistrar } = await organisationWithRecords();
    const [target] = await ctx.query<{ id: string; seq: string }>(
      `SELECT id::text AS id, seq::text AS seq FROM audit_records WHERE organisation_id = $1 ORDER BY seq OFFSET 2 LIMIT 1`,
      [org.id],
    );
    // A tamperer with database superuser rights gets past the append-only trigger this way.
    await ctx.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE audit_records SET after = jsonb_set(after, '{name}', '"Någon Annan"') WHERE id = $1`, [
        target!.id,
      ]);
    });
    const response = await ctx
      .http()
      .get('/api/v1/audit/verify')
      .set(await ctx.as(orgRegistrar))
      .expect(200);
    expect(response.body).toMatchObject({
      organisationId: org.id,
      valid: false,
      firstBroken: { seq: Number(target!.seq), recordId: target!.id, reason: 'hash_mismatch' },
    });
  });

  it('finds a deleted record as a gap in the chain', async () => {
    const org = await ctx.factories.organisation();
    await ctx.factories.person(org.id);
    await ctx.factories.person(org.id);
    await ctx.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`DELETE FROM audit_records WHERE organisation_id = $1 AND seq = 2`, [org.id]);
    });
    const result = await ctx.get(AuditService).verifyChain(org.id);
    expect(result).toMatchObject({ valid: false, firstBroken: { seq: 2, reason: 'sequence_gap' } });
  });

  /**
   * What a database superuser can do without the audit key: rewrite a record and recompute its
   * hash, every later hash and the head, exactly as the service computes them.
   */
  async function rewriteAndRecompute(org: string, seq: number, name: string): Promise<void> {
    await ctx.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(
        `UPDATE audit_records SET after = jsonb_set(after, '{name}', to_jsonb($3::text)) WHERE organisation_id = $1 AND seq = $2`,
        [org, seq, name],
      );
      const rows = await tx.query<StoredAuditRow[]>(
        `SELECT ${STORED_AUDIT_COLUMNS} FROM audit_records WHERE organisation_id = $1 ORDER BY audit_records.seq`,
        [org],
      );
      let prevHash = rows[0]!.prev_hash;
      for (const row of rows) {
        const hash = storedRecordHash(prevHash, row);
        await tx.query(`UPDATE audit_records SET prev_hash = $2, hash = $3 WHERE id = $1`, [row.id, prevHash, hash]);
        prevHash = hash;
      }
      await tx.query(`UPDATE audit_chain_heads SET hash = $2 WHERE organisation_id = $1`, [org, prevHash]);
    });
  }

  it('catches a chain rewritten and recomputed by someone without the audit key', async () => {
    const { org, orgRegistrar } = await organisationWithRecords();
    const [target] = await ctx.query<{ id: string; seq: string }>(
      `SELECT id::text AS id, seq::text AS seq FROM audit_records
       WHERE organisation_id = $1 AND action = 'person.created' ORDER BY seq OFFSET 1 LIMIT 1`,
      [org.id],
    );
    await rewriteAndRecompute(org.id, Number(target!.seq), 'Någon Annan');
    const response = await ctx
      .http()
      .get('/api/v1/audit/verify')
      .set(await ctx.as(orgRegistrar))
      .expect(200);
    expect(response.body).toMatchObject({
      organisationId: org.id,
      valid: false,
      firstBroken: { seq: Number(target!.seq), recordId: target!.id, reason: 'mac_mismatch' },
    });
  });

  it('catches a chain cut short, however its head is set back', async () => {
    const { org } = await organisationWithRecords();
    const [last] = await ctx.query<{ seq: string; prev_hash: string }>(
      `SELECT seq::text AS seq, prev_hash FROM audit_records WHERE organisation_id = $1 ORDER BY seq DESC LIMIT 1`,
      [org.id],
    );
    // The last record goes, and the head is set to the record before it, as the service would have left it.
    await ctx.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`DELETE FROM audit_records WHERE organisation_id = $1 AND seq = $2`, [org.id, last!.seq]);
      await tx.query(`UPDATE audit_chain_heads SET seq = seq - 1, hash = $2 WHERE organisation_id = $1`, [
        org.id,
        last!.prev_hash,
      ]);
    });
    const result = await ctx.get(AuditService).verifyChain(org.id);
    expect(result).toMatchObject({ valid: false, firstBroken: { reason: 'head_mismatch' } });
  });

  it('verifies a chain again once the rewriting is undone', async () => {
    const org = await ctx.factories.organisation();
    await ctx.factories.person(org.id, { name: 'Anna Andersson' });
    const [created] = await ctx.query<{ seq: string }>(
      `SELECT seq::text AS seq FROM audit_records WHERE organisation_id = $1 AND action = 'person.created'`,
      [org.id],
    );
    await rewriteAndRecompute(org.id, Number(created!.seq), 'Någon Annan');
    expect(await ctx.get(AuditService).verifyChain(org.id)).toMatchObject({ valid: false });
    await rewriteAndRecompute(org.id, Number(created!.seq), 'Anna Andersson');
    expect(await ctx.get(AuditService).verifyChain(org.id)).toMatchObject({ valid: true });
  });
});
