import { AuditService, Db, Role, systemActor } from '@app/platform';
import { CaseService } from '@app/registry';

import { TestContext } from '../support/test-context.js';

/**
 * Gapless, unique diary numbers under concurrent registration, with some registering
 * transactions rolling back: the committed numbers are exactly 1..N.
 */
describe('diary numbers under concurrency', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, env: { DATABASE_POOL_SIZE: '20' } });
    ctx.clock.set('2025-06-01T10:00:00+02:00', { running: true });
  });

  afterAll(() => ctx.close());

  it('gives 200 concurrent registrations, 10 % of them rolled back, the numbers 1..180 with no gaps and no duplicates', async () => {
    const org = await ctx.factories.organisation();
    const registrar = await ctx.factories.person(org.id, { roles: [Role.Registrar] });
    const actor = {
      kind: 'person' as const,
      personId: registrar.id,
      organisationId: org.id,
      roles: new Set([Role.Registrar]),
    };
    const cases = ctx.get(CaseService);
    const db = ctx.get(Db);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        db.transaction(async (tx) => {
          const registered = await cases.registerIn(tx, actor, org.id, { title: `Ärende ${i}` });
          if (i % 10 === 0) {
            throw new Error(`rolled back ${registered.diaryNumber}`);
          }
          return registered.sequence;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(20);
    const committed = await ctx.query<{ sequence: number; diary_number: string }>(
      `SELECT sequence, diary_number FROM cases WHERE organisation_id = $1 ORDER BY sequence`,
      [org.id],
    );
    expect(committed.map((c) => c.sequence)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    expect(new Set(committed.map((c) => c.diary_number)).size).toBe(180);
    expect(committed[179]!.diary_number).toBe(`${org.diaryPrefix} 2025/180`);
    const verification = await ctx.get(AuditService).verifyChain(org.id);
    expect(verification).toMatchObject({ valid: true });
    const [registered] = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_records WHERE organisation_id = $1 AND action = 'case.registered'`,
      [org.id],
    );
    expect(registered!.n).toBe(180);
  });

  it('keeps series of different organisations apart', async () => {
    const a = await ctx.factories.organisation();
    const b = await ctx.factories.organisation();
    const cases = ctx.get(CaseService);
    const db = ctx.get(Db);
    const numbers = await Promise.all(
      [a, b, a, b, a].map((o, i) =>
        db.transaction((tx) => cases.registerIn(tx, systemActor('test'), o.id, { title: `Ärende ${i}` })),
      ),
    );
    expect(
      numbers
        .filter((n) => n.organisationId === a.id)
        .map((n) => n.sequence)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(
      numbers
        .filter((n) => n.organisationId === b.id)
        .map((n) => n.sequence)
        .sort(),
    ).toEqual([1, 2]);
  });
});
