import { Role } from '@app/platform';

import { TestContext } from '../support/test-context.js';

interface Substitute {
  id: string;
  personId: string;
  substitute: { id: string; name: string };
  validFrom: string;
  validTo: string;
  revoked: boolean;
}

describe('substitutes named by the organisation’s administrator', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });

  beforeEach(() => ctx.clock.set('2025-03-03T09:00:00+01:00', { running: true }));

  afterAll(() => ctx.close());

  async function board() {
    const org = await ctx.factories.organisation();
    return {
      org,
      administrator: await ctx.factories.person(org.id, { roles: [Role.Administrator] }),
      director: await ctx.factories.person(org.id, { roles: [Role.Director], title: 'förvaltningschef' }),
      head: await ctx.factories.person(org.id, { roles: [Role.HeadOfDepartment] }),
    };
  }

  const PERIOD = { validFrom: '2025-03-10', validTo: '2025-03-21' };

  it('lets the administrator name a substitute for the director, who sees it as their own; audited with who did it', async () => {
    const b = await board();
    const named = await ctx
      .http()
      .post('/api/v1/substitutes')
      .set(await ctx.as(b.administrator))
      .send({ personId: b.director.id, substituteId: b.head.id, ...PERIOD })
      .expect(201);
    expect(named.body).toMatchObject({
      personId: b.director.id,
      substitute: { id: b.head.id, name: b.head.name },
      ...PERIOD,
      revoked: false,
    });
    const mine = await ctx
      .http()
      .get('/api/v1/substitutes')
      .set(await ctx.as(b.director))
      .expect(200);
    expect((mine.body as Substitute[]).map((s) => s.id)).toEqual([(named.body as Substitute).id]);
    const theirs = await ctx
      .http()
      .get('/api/v1/substitutes')
      .query({ personId: b.director.id })
      .set(await ctx.as(b.administrator))
      .expect(200);
    expect(theirs.body).toEqual(mine.body);
    const audit = await ctx
      .http()
      .get('/api/v1/audit/records')
      .query({ entityType: 'substitute', entityId: (named.body as Substitute).id })
      .set(await ctx.as(b.administrator))
      .expect(200);
    expect(audit.body).toEqual([
      expect.objectContaining({
        action: 'substitute.named',
        actorPersonId: b.administrator.id,
        after: { personId: b.director.id, substituteId: b.head.id, ...PERIOD },
      }),
    ]);

    // The administrator revokes it too; the director's list says so.
    await ctx
      .http()
      .post(`/api/v1/substitutes/${(named.body as Substitute).id}/revoke`)
      .set(await ctx.as(b.administrator))
      .expect(204);
    const after = await ctx
      .http()
      .get('/api/v1/substitutes')
      .set(await ctx.as(b.director))
      .expect(200);
    expect((after.body as Substitute[])[0]).toMatchObject({ revoked: true });
  });

  it('answers 403 to anyone else naming or listing a substitute for another person, and stores nothing', async () => {
    const b = await board();
    const refused = await ctx
      .http()
      .post('/api/v1/substitutes')
      .set(await ctx.as(b.head))
      .send({ personId: b.director.id, substituteId: b.head.id, ...PERIOD })
      .expect(403);
    expect(refused.body).toMatchObject({
      code: 'statement.substitute_for_others_forbidden',
      detail: 'Bara organisationens administratör kan utse ersättare åt någon annan.',
    });
    await ctx
      .http()
      .get('/api/v1/substitutes')
      .query({ personId: b.director.id })
      .set(await ctx.as(b.head))
      .expect(403);
    const mine = await ctx
      .http()
      .get('/api/v1/substitutes')
      .set(await ctx.as(b.director))
      .expect(200);
    expect(mine.body).toEqual([]);
    // Naming one's own substitute with one's own id stays open to everyone.
    await ctx
      .http()
      .post('/api/v1/substitutes')
      .set(await ctx.as(b.director))
      .send({ personId: b.director.id, substituteId: b.head.id, ...PERIOD })
      .expect(201);
  });

  it('answers 404 when the person belongs to another organisation, and stores nothing', async () => {
    const b = await board();
    const other = await board();
    const refused = await ctx
      .http()
      .post('/api/v1/substitutes')
      .set(await ctx.as(b.administrator))
      .send({ personId: other.director.id, substituteId: b.head.id, ...PERIOD })
      .expect(404);
    expect(refused.body).toMatchObject({
      code: 'statement.substituted_person_not_found',
      detail: 'Personen finns inte i din organisation.',
    });
    await ctx
      .http()
      .get('/api/v1/substitutes')
      .query({ personId: other.director.id })
      .set(await ctx.as(b.administrator))
      .expect(404);
    const theirs = await ctx
      .http()
      .get('/api/v1/substitutes')
      .set(await ctx.as(other.director))
      .expect(200);
    expect(theirs.body).toEqual([]);
  });
});
