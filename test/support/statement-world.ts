import { OrganisationKind } from '@app/directory';
import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';

import type { TestContext } from './test-context.js';

/** A recipient organisation with everyone a statement needs, and a remiss sent to it. */
export interface StatementWorld {
  readonly organisationId: string;
  readonly departmentId: string;
  readonly otherDepartmentId: string;
  readonly officer: TestPerson;
  readonly otherOfficer: TestPerson;
  readonly head: TestPerson;
  readonly otherHead: TestPerson;
  readonly director: TestPerson;
  readonly registrar: TestPerson;
  readonly senderOfficer: TestPerson;
  readonly consultationId: string;
  readonly recipientId: string;
  readonly caseId: string;
  readonly sectionIds: readonly string[];
}

export async function statementWorld(ctx: TestContext, deadline = '2099-06-30'): Promise<StatementWorld> {
  const sender = await ctx.factories.organisation({
    kind: OrganisationKind.ExecutiveBoard,
    name: `Kommunstyrelsen ${Math.random().toString(36).slice(2, 8)}`,
  });
  const senderOfficer = await ctx.factories.person(sender.id, { roles: [Role.CaseOfficer] });
  const org = await ctx.factories.organisation();
  const department = await ctx.factories.department(org.id);
  const other = await ctx.factories.department(org.id);
  const world = {
    organisationId: org.id,
    departmentId: department.id,
    otherDepartmentId: other.id,
    officer: await ctx.factories.person(org.id, { roles: [Role.CaseOfficer], departmentId: department.id }),
    otherOfficer: await ctx.factories.person(org.id, { roles: [Role.CaseOfficer], departmentId: department.id }),
    head: await ctx.factories.person(org.id, {
      roles: [Role.HeadOfDepartment],
      departmentId: department.id,
      title: 'avdelningschef',
    }),
    otherHead: await ctx.factories.person(org.id, {
      roles: [Role.HeadOfDepartment],
      departmentId: other.id,
      title: 'avdelningschef',
    }),
    director: await ctx.factories.person(org.id, { roles: [Role.Director], title: 'förvaltningschef' }),
    registrar: await ctx.factories.person(org.id, { roles: [Role.Registrar] }),
    senderOfficer,
  };
  const created = await ctx
    .http()
    .post('/api/v1/consultations')
    .set(await ctx.as(senderOfficer))
    .send({
      title: 'Program för trygghet',
      responseDeadline: deadline,
      sections: [{ title: 'Trygga miljöer' }, { title: 'Samverkan' }],
      recipients: { organisationIds: [org.id] },
    })
    .expect(201);
  const consultation = created.body as { id: string; sections: { id: string }[] };
  await ctx
    .http()
    .post(`/api/v1/consultations/${consultation.id}/send`)
    .set(await ctx.as(senderOfficer))
    .expect(200);
  await ctx.drain();
  const received = await ctx
    .http()
    .get(`/api/v1/consultations/${consultation.id}`)
    .set(await ctx.as(world.registrar))
    .expect(200);
  const recipient = (received.body as { asRecipient: { id: string; diaryNumber: string } }).asRecipient;
  await ctx
    .http()
    .post(`/api/v1/consultation-recipients/${recipient.id}/assign`)
    .set(await ctx.as(world.registrar))
    .send({ departmentId: department.id, personId: world.officer.id })
    .expect(200);
  const found = await ctx
    .http()
    .get('/api/v1/cases')
    .query({ diaryNumber: recipient.diaryNumber })
    .set(await ctx.as(world.registrar))
    .expect(200);
  return {
    ...world,
    consultationId: consultation.id,
    recipientId: recipient.id,
    caseId: (found.body as { items: { id: string }[] }).items[0]!.id,
    sectionIds: consultation.sections.map((s) => s.id),
  };
}
