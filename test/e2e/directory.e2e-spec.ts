import { OrganisationKind } from '@app/directory';
import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';

import { expectNothingChanged } from '../support/snapshot.js';
import { TestContext } from '../support/test-context.js';

describe('directory administration', () => {
  let ctx: TestContext;
  let admin: TestPerson;
  let cityAdmin: TestPerson;
  let organisationId: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    const org = await ctx.factories.organisation();
    organisationId = org.id;
    admin = await ctx.factories.person(org.id, { roles: [Role.Administrator] });
    const city = await ctx.factories.organisation({ kind: OrganisationKind.City, diaryPrefix: null });
    cityAdmin = await ctx.factories.person(city.id, { roles: [Role.Administrator] });
  });

  afterAll(() => ctx.close());

  it('lets the city administrator add a board and its administrator set it up', async () => {
    const city = await ctx.as(cityAdmin);
    const created = await ctx
      .http()
      .post('/api/v1/organisations')
      .set(city)
      .send({
        name: 'Miljö- och hälsoskyddsnämnden',
        kind: 'specialist_board',
        administrationName: 'Miljöförvaltningen',
        diaryPrefix: 'MHN',
        streetAddress: 'Fleminggatan 4',
        postalCode: '104 20',
        postalTown: 'Stockholm',
        registryEmail: 'Registrator.Miljo@stockholm.se',
      })
      .expect(201);
    const board = created.body as { id: string; registryEmail: string };
    expect(board.registryEmail).toBe('registrator.miljo@stockholm.se');

    const person = await ctx
      .http()
      .post('/api/v1/people')
      .set(city)
      .send({
        name: 'Åsa Öberg',
        title: 'registrator',
        email: 'asa.oberg@example.se',
        password: 'ett-långt-lösenord',
        organisationId: board.id,
      })
      .expect(201);
    const asa = person.body as { id: string };
    await ctx
      .http()
      .post(`/api/v1/people/${asa.id}/roles`)
      .set(city)
      .send({ role: 'administrator', organisationId: board.id })
      .expect(201);

    const asAsa = await ctx.as({ email: 'asa.oberg@example.se', password: 'ett-långt-lösenord' });
    const department = await ctx
      .http()
      .post('/api/v1/departments')
      .set(asAsa)
      .send({ name: 'Avdelningen för tillsyn' })
      .expect(201);
    expect(department.body).toMatchObject({ organisationId: board.id, name: 'Avdelningen för tillsyn' });
    await ctx.drain();
    const inbox = await ctx.http().get('/api/v1/notifications').set(asAsa).expect(200);
    expect(inbox.body).toMatchObject({ unread: 1, items: [{ kind: 'role_granted', title: 'Du är nu administratör' }] });
  });

  it('lets a person change their own password, and only with the current one', async () => {
    const person = await ctx.factories.person(organisationId);
    const headers = await ctx.as(person);
    await expectNothingChanged(ctx, () =>
      ctx
        .http()
        .post('/api/v1/auth/password')
        .set(headers)
        .send({ currentPassword: 'fel', newPassword: 'ett-nytt-lösenord' })
        .expect(401),
    );
    await ctx
      .http()
      .post('/api/v1/auth/password')
      .set(headers)
      .send({ currentPassword: person.password, newPassword: 'ett-nytt-lösenord' })
      .expect(204);
    await ctx.login({ email: person.email, password: 'ett-nytt-lösenord' });
  });

  it('keeps the last administrator of an organisation', async () => {
    const org = await ctx.factories.organisation();
    const only = await ctx.factories.person(org.id, { roles: [Role.Administrator] });
    const response = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .delete(`/api/v1/people/${only.id}/roles/${only.roles[0]!.id}`)
        .set(await ctx.as(only))
        .expect(409),
    );
    expect(response.body).toMatchObject({ code: 'directory.last_administrator' });
  });

  describe("an organisation's administrator stays in their own lane", () => {
    it('changes the name, diary prefix, activity and parent of an organisation only as the city', async () => {
      const org = await ctx.factories.organisation();
      const own = await ctx.factories.person(org.id, { roles: [Role.Administrator] });
      const executive = await ctx.factories.organisation({ kind: OrganisationKind.ExecutiveBoard });
      const headers = await ctx.as(own);
      for (const body of [
        { diaryPrefix: null },
        { diaryPrefix: 'ZZZZZZ' },
        { active: false },
        { name: `${executive.name} ` },
        { name: 'Ett nytt namn' },
        { parentId: executive.id },
      ]) {
        const refused = await expectNothingChanged(ctx, () =>
          ctx.http().patch(`/api/v1/organisations/${org.id}`).set(headers).send(body),
        );
        expect({ body, status: refused.status, code: (refused.body as { code: string }).code }).toEqual({
          body,
          status: 403,
          code: 'directory.city_administrator_required',
        });
      }
      // What is the organisation's own business stays so, and sending a field unchanged is no change.
      await ctx
        .http()
        .patch(`/api/v1/organisations/${org.id}`)
        .set(headers)
        .send({ website: 'start.stockholm/test', name: org.name, active: true })
        .expect(200);
      // The city may.
      const moved = await ctx
        .http()
        .patch(`/api/v1/organisations/${org.id}`)
        .set(await ctx.as(cityAdmin))
        .send({ parentId: executive.id, name: `  Omdöpt   nämnd ${org.diaryPrefix} ` })
        .expect(200);
      expect(moved.body).toMatchObject({ parentId: executive.id, name: `Omdöpt nämnd ${org.diaryPrefix}` });
    });

    it('keeps names unique regardless of letter case and white space', async () => {
      const taken = await ctx.factories.organisation();
      const other = await ctx.factories.organisation();
      const city = await ctx.as(cityAdmin);
      for (const name of [`${taken.name} `, taken.name.toUpperCase(), ` ${taken.name.replace(' ', '  ')}`]) {
        const renamed = await expectNothingChanged(ctx, () =>
          ctx.http().patch(`/api/v1/organisations/${other.id}`).set(city).send({ name }),
        );
        expect(renamed.status).toBe(409);
        expect(renamed.body).toMatchObject({ code: 'directory.name_taken' });
        const created = await expectNothingChanged(ctx, () =>
          ctx.http().post('/api/v1/organisations').set(city).send({ name, kind: 'district_board' }),
        );
        expect(created.status).toBe(409);
      }
    });

    it('keeps a diary prefix while a series numbers under it', async () => {
      const org = await ctx.factories.organisation();
      const registrar = await ctx.factories.person(org.id, { roles: [Role.Registrar] });
      const city = await ctx.as(cityAdmin);
      await ctx
        .http()
        .put('/api/v1/registry/series/2025')
        .set(await ctx.as(registrar))
        .send({ nextNumber: 578 })
        .expect(200);
      const refused = await expectNothingChanged(ctx, () =>
        ctx.http().patch(`/api/v1/organisations/${org.id}`).set(city).send({ diaryPrefix: null }),
      );
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'directory.diary_prefix_in_use' });
      // Another prefix is a change the city may make; an unused one may go.
      await ctx.http().patch(`/api/v1/organisations/${org.id}`).set(city).send({ diaryPrefix: 'ÖVR' }).expect(200);
      const unused = await ctx.factories.organisation();
      const removed = await ctx
        .http()
        .patch(`/api/v1/organisations/${unused.id}`)
        .set(city)
        .send({ diaryPrefix: null })
        .expect(200);
      expect(removed.body).toMatchObject({ diaryPrefix: null });
    });

    it('does not let the only active administrator be disabled, by himself or anyone', async () => {
      const org = await ctx.factories.organisation();
      const only = await ctx.factories.person(org.id, { roles: [Role.Administrator] });
      const former = await ctx.factories.person(org.id, { roles: [Role.Administrator] });
      await ctx
        .http()
        .post(`/api/v1/people/${former.id}/disable`)
        .set(await ctx.as(only))
        .expect(200);
      for (const headers of [await ctx.as(only), await ctx.as(cityAdmin)]) {
        const refused = await expectNothingChanged(ctx, () =>
          ctx.http().post(`/api/v1/people/${only.id}/disable`).set(headers),
        );
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ code: 'directory.last_administrator' });
      }
      // A disabled administrator does not count for revoking the role either.
      const revoked = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .delete(`/api/v1/people/${only.id}/roles/${only.roles[0]!.id}`)
          .set(await ctx.as(only)),
      );
      expect(revoked.status).toBe(409);
      await ctx
        .http()
        .get('/api/v1/auth/me')
        .set(await ctx.as(only))
        .expect(200);
    });

    it('changes the credentials of a person with roles in several organisations only as the city', async () => {
      const home = await ctx.factories.organisation();
      const homeAdmin = await ctx.factories.person(home.id, { roles: [Role.Administrator] });
      const elsewhere = await ctx.factories.organisation({ kind: OrganisationKind.ExecutiveBoard });
      const both = await ctx.factories.person(home.id, { roles: [Role.CaseOfficer] });
      const city = await ctx.as(cityAdmin);
      await ctx
        .http()
        .post(`/api/v1/people/${both.id}/roles`)
        .set(city)
        .send({ role: Role.Registrar, organisationId: elsewhere.id })
        .expect(201);
      const stillIn = await ctx.as(both, elsewhere.id);
      const headers = await ctx.as(homeAdmin);
      for (const [method, path, body] of [
        ['put', `/api/v1/people/${both.id}/password`, { password: 'övertaget-lösenord-1' }],
        ['patch', `/api/v1/people/${both.id}`, { email: `overtagen.${both.id}@example.se` }],
      ] as const) {
        const refused = await expectNothingChanged(ctx, () => ctx.http()[method](path).set(headers).send(body));
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ code: 'directory.city_administrator_required' });
      }
      await ctx.http().get('/api/v1/auth/me').set(stillIn).expect(200);
      await ctx
        .http()
        .post('/api/v1/auth/login')
        .send({ email: both.email, password: 'övertaget-lösenord-1', organisationId: elsewhere.id })
        .expect(401);
      // What is not a credential stays the home administrator's, and the city may change the rest.
      await ctx
        .http()
        .patch(`/api/v1/people/${both.id}`)
        .set(headers)
        .send({ title: 'utredare', email: both.email })
        .expect(200);
      await ctx
        .http()
        .put(`/api/v1/people/${both.id}/password`)
        .set(city)
        .send({ password: 'nytt-av-staden-123' })
        .expect(204);
      await ctx.login({ email: both.email, password: 'nytt-av-staden-123' }, elsewhere.id);
      // A person with roles only at home is the home administrator's to reset.
      const single = await ctx.factories.person(home.id, { roles: [Role.CaseOfficer] });
      await ctx
        .http()
        .put(`/api/v1/people/${single.id}/password`)
        .set(headers)
        .send({ password: 'hemma-återställt-1' })
        .expect(204);
    });
  });

  describe('bad input gets a 4xx problem and changes nothing', () => {
    const cases: [
      string,
      () => Promise<{ method: 'post' | 'patch' | 'put'; path: string; body: unknown; as: TestPerson }>,
      number,
      string,
    ][] = [
      [
        'an unknown field',
        async () => ({ method: 'post', path: '/api/v1/departments', body: { name: 'Avd', färg: 'blå' }, as: admin }),
        400,
        'request.invalid',
      ],
      [
        'a malformed e-mail',
        async () => ({
          method: 'post',
          path: '/api/v1/people',
          body: { name: 'X Y', email: 'inte-en-adress' },
          as: admin,
        }),
        400,
        'request.invalid',
      ],
      [
        'a short password',
        async () => ({
          method: 'post',
          path: '/api/v1/people',
          body: { name: 'X Y', email: 'kort@example.se', password: 'kort' },
          as: admin,
        }),
        422,
        'directory.password_too_weak',
      ],
      [
        'an e-mail already in use',
        async () => ({
          method: 'post',
          path: '/api/v1/people',
          body: { name: 'Dubbel', email: admin.email },
          as: admin,
        }),
        409,
        'directory.email_taken',
      ],
      [
        'an unknown role',
        async () => ({ method: 'post', path: `/api/v1/people/${admin.id}/roles`, body: { role: 'kung' }, as: admin }),
        400,
        'request.invalid',
      ],
      [
        'a lower-case diary prefix',
        async () => ({
          method: 'post',
          path: '/api/v1/organisations',
          body: { name: 'Nämnd X', kind: 'district_board', diaryPrefix: 'hä' },
          as: cityAdmin,
        }),
        400,
        'request.invalid',
      ],
      [
        'a taken diary prefix',
        async () => {
          const taken = await ctx.factories.organisation();
          return {
            method: 'post',
            path: '/api/v1/organisations',
            body: { name: `Ny nämnd ${Date.now()}`, kind: 'district_board', diaryPrefix: taken.diaryPrefix },
            as: cityAdmin,
          };
        },
        409,
        'directory.diary_prefix_taken',
      ],
      [
        'a department of another organisation',
        async () => {
          const other = await ctx.factories.department((await ctx.factories.organisation()).id);
          return {
            method: 'post',
            path: '/api/v1/people',
            body: { name: 'X Y', email: `x${Date.now()}@example.se`, departmentId: other.id },
            as: admin,
          };
        },
        422,
        'directory.department_other_organisation',
      ],
      [
        'an organisation as its own ancestor',
        async () => {
          return {
            method: 'patch',
            path: `/api/v1/organisations/${organisationId}`,
            body: { parentId: organisationId },
            as: cityAdmin,
          };
        },
        422,
        'directory.parent_invalid',
      ],
      [
        'malformed JSON',
        async () => ({ method: 'post', path: '/api/v1/departments', body: '{"name": ', as: admin }),
        400,
        'request.invalid',
      ],
    ];

    it.each(cases)('%s', async (_name, build, status, code) => {
      const request = await build();
      const headers = await ctx.as(request.as);
      const response = await expectNothingChanged(ctx, () => {
        const r = ctx.http()[request.method](request.path).set(headers);
        return typeof request.body === 'string'
          ? r.set('content-type', 'application/json').send(request.body)
          : r.send(request.body as object);
      });
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.body).toMatchObject({ status, code, type: `urn:remiss:problem:${code}` });
      expect(typeof (response.body as { detail: string }).detail).toBe('string');
      expect((response.body as { errorId: string }).errorId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
