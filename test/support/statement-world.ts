import { OrganisationKind } from '@app/directory';
import { addDays, localDate, Role } from '@app/platform';
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
  /** The board's meeting the statement is offered, two weeks from the clock's today (none when asked for none). */
  readonly meetingId: string | null;
  readonly meetingDate: string | null;
}

/** Adds a meeting to the board's calendar (the agenda closes a week before); returns its id. */
export async function addMeeting(
  ctx: TestContext,
  registrar: TestPerson,
  meetingDate: string,
  agendaDeadline = addDays(meetingDate, -7),
): Promise<string> {
  const response = await ctx
    .http()
    .post('/api/v1/meetings')
    .set(await ctx.as(registrar))
    .send({ meetingDate, agendaDeadline })
    .expect(201);
  return (response.body as { id: string }).id;
}

/** Sets the clock to the evening of a meeting's day: the meeting has been held. */
export function afterMeeting(ctx: TestContext, meetingDate: string): void {
  ctx.clock.set(`${meetingDate}T19:00:00+01:00`, { running: true });
}

export async function statementWorld(
  ctx: TestContext,
  deadline = '2099-06-30',
  options: { readonly meeting?: boolean } = {},
): Promise<StatementWorld> {
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
  // The board meets in two weeks: the statement is pre-filled with that meeting.
  const meetingDate = (options.meeting ?? true) ? addDays(localDate(ctx.clock.now()), 14) : null;
  const meetingId = meetingDate ? await addMeeting(ctx, world.registrar, meetingDate) : null;
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
    meetingId,
    meetingDate,
  };
}
