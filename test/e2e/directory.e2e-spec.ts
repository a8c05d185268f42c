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
            as: admin,
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
