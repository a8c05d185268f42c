import { OrganisationKind } from '@app/directory';
import { addDays, localDate, Role } from '@app/platform';
import type { TestPerson } from '@app/testing';

import { randomUUID } from 'node:crypto';

import { samplePdf } from './files.js';
import { addMeeting, afterMeeting } from './statement-world.js';
import type { TestContext } from './test-context.js';

/** Everyone of one organisation, in every role the secrecy rule tells apart. */
export interface SecrecyOrganisation {
  readonly id: string;
  readonly name: string;
  readonly registryEmail: string;
  readonly departmentId: string;
  readonly registrar: TestPerson;
  /** The case officer responsible for the organisation's case of the remiss. */
  readonly responsibleOfficer: TestPerson;
  readonly otherOfficer: TestPerson;
  readonly head: TestPerson;
  readonly director: TestPerson;
  readonly administrator: TestPerson;
}

/** A document registered and marked secret, with everything that would give it away. */
export interface SecretDocument {
  readonly name: string;
  readonly ground: string;
  readonly title: string;
  readonly counterpart: string | null;
  readonly fileName: string;
  readonly bytes: Buffer;
  /** Words that give it away even when a printed line breaks the title. */
  readonly words: readonly string[];
}

export const REMISS_SECRET: SecretDocument = {
  name: 'remissunderlag',
  ground: 'OSL 18 kap. 8 §',
  title: 'Säkerhetsplan för skyddat boende Lindgården',
  counterpart: null,
  fileName: 'sakerhetsplan-lindgarden.pdf',
  bytes: Buffer.alloc(0),
  words: ['Lindgården', 'lindgarden'],
};

export const SENDER_LETTER: SecretDocument = {
  name: 'skrivelse hos avsändaren',
  ground: 'OSL 21 kap. 3 §',
  title: 'Anmälan om hot mot Anna Andersson',
  counterpart: 'Anna Andersson',
  fileName: 'anmalan-andersson.pdf',
  bytes: Buffer.alloc(0),
  words: ['Andersson'],
};

export const RECIPIENT_LETTER: SecretDocument = {
  name: 'skrivelse hos remissinstansen',
  ground: 'OSL 26 kap. 1 §',
  title: 'Skrivelse om skyddad identitet för Bertil Berg',
  counterpart: 'Bertil Berg',
  fileName: 'skrivelse-berg.pdf',
  bytes: Buffer.alloc(0),
  words: ['Bertil', 'Berg.pdf', 'skrivelse-berg'],
};

/**
 * Two organisations working one remiss, with secrets on both sides: kommunstyrelsen sends a
 * remiss whose security plan its registrar marked secret before sending, to a district board and
 * an external body; kommunstyrelsen's case also holds a secret letter naming a protected person,
 * and the district's case one of its own. The district drafts, approves and adopts its statement
 * (pre-filled with the remiss's documents), its yttrande goes back to kommunstyrelsen, and
 * kommunstyrelsen asks for the compilation PDF.
 */
export interface SecrecyWorld {
  readonly sender: SecrecyOrganisation;
  readonly district: SecrecyOrganisation;
  readonly secrets: {
    readonly remiss: SecretDocument;
    readonly senderLetter: SecretDocument;
    readonly recipientLetter: SecretDocument;
  };
  readonly remiss: SentRemiss;
  /** Registered documents holding a secret, by the organisation that holds them. */
  readonly registered: {
    readonly senderRemiss: string;
    readonly senderLetter: string;
    readonly districtRemissCopy: string;
    readonly districtLetter: string;
  };
  readonly statementId: string;
  readonly decisionId: string;
  /** The board meeting the statement was decided at. */
  readonly meetingId: string;
  /** The statement as its pre-fill answered its officer (the JSON text). */
  readonly prefill: string;
  readonly compilationId: string;
}

async function organisation(ctx: TestContext, kind: OrganisationKind, name: string): Promise<SecrecyOrganisation> {
  const org = await ctx.factories.organisation({ kind, name: `${name} ${Math.random().toString(36).slice(2, 8)}` });
  const department = await ctx.factories.department(org.id);
  const person = (roles: Role[], title: string) =>
    ctx.factories.person(org.id, { roles, departmentId: department.id, title });
  return {
    id: org.id,
    name: org.name,
    registryEmail: org.registryEmail!,
    departmentId: department.id,
    registrar: await person([Role.Registrar], 'registrator'),
    responsibleOfficer: await person([Role.CaseOfficer], 'handläggare'),
    otherOfficer: await person([Role.CaseOfficer], 'handläggare'),
    head: await person([Role.HeadOfDepartment], 'avdelningschef'),
    director: await person([Role.Director], 'förvaltningschef'),
    administrator: await person([Role.Administrator], 'systemförvaltare'),
  };
}

/** Everyone of both organisations, sender first. */
export function everyone(world: SecrecyWorld): { label: string; person: TestPerson; organisationId: string }[] {
  const roles = ['registrar', 'responsibleOfficer', 'otherOfficer', 'head', 'director', 'administrator'] as const;
  return [
    ...roles.map((r) => ({ label: `avsändarens ${r}`, person: world.sender[r], organisationId: world.sender.id })),
    ...roles.map((r) => ({
      label: `remissinstansens ${r}`,
      person: world.district[r],
      organisationId: world.district.id,
    })),
  ];
}

/** Kommunstyrelsen and a district board, each with everyone the rule tells apart. */
export async function secrecyOrganisations(
  ctx: TestContext,
): Promise<{ sender: SecrecyOrganisation; district: SecrecyOrganisation }> {
  return {
    sender: await organisation(ctx, OrganisationKind.ExecutiveBoard, 'Kommunstyrelsen'),
    district: await organisation(ctx, OrganisationKind.DistrictBoard, 'Stadsdelsnämnd'),
  };
}

/** A remiss sent from the sender to the district and an external body, and what it became at the district. */
export interface SentRemiss {
  readonly consultationId: string;
  readonly senderCaseId: string;
  readonly districtCaseId: string;
  readonly recipientId: string;
  readonly externalRecipientId: string;
  readonly consultationDocumentIds: { readonly secret: string; readonly open: string };
  /** The sender's entry of the secret file and of the public one. */
  readonly senderEntries: { readonly secret: string; readonly open: string };
  /** The district's entries of the same two files. */
  readonly districtEntries: { readonly secret: string; readonly open: string };
}

/**
 * The sender's responsible officer writes a remiss with the security plan and a public draft,
 * edits it once (its audit record then lists the files), the sender's registrar marks the plan
 * secret (before sending unless told otherwise), and the remiss is sent and distributed. The
 * district's registrar assigns it to its responsible officer.
 */
export async function sendRemiss(
  ctx: TestContext,
  orgs: { sender: SecrecyOrganisation; district: SecrecyOrganisation },
  secret: SecretDocument,
  options: { markBeforeSending?: boolean } = {},
): Promise<SentRemiss> {
  const { sender, district } = orgs;
  const officer = await ctx.as(sender.responsibleOfficer);
  const created = await ctx
    .http()
    .post('/api/v1/consultations')
    .set(officer)
    .send({
      title: 'Program för trygga boenden',
      responseDeadline: '2099-12-31',
      sections: [{ title: 'Trygga boenden' }],
      recipients: {
        organisationIds: [district.id],
        external: [{ name: 'Föreningen Trygg', email: `trygg.${randomUUID()}@example.se` }],
      },
    })
    .expect(201);
  const consultation = created.body as { id: string; caseId: string };
  const attach = async (title: string, fileName: string, bytes: Buffer) =>
    (
      (
        await ctx
          .http()
          .post(`/api/v1/consultations/${consultation.id}/documents`)
          .set(officer)
          .field('title', title)
          .attach('file', bytes, { filename: fileName, contentType: 'application/pdf' })
          .expect(201)
      ).body as { documents: { id: string; title: string }[] }
    ).documents.find((d) => d.title === title)!.id;
  const secretEntry = await attach(secret.title, secret.fileName, secret.bytes);
  const openEntry = await attach(OPEN_TITLE, 'program.pdf', await samplePdf(['Programmet']));
  await ctx
    .http()
    .patch(`/api/v1/consultations/${consultation.id}`)
    .set(officer)
    .send({ description: 'Kommunstyrelsen remitterar programmet.' })
    .expect(200);
  const entries = await ctx.query<{ id: string; registered_document_id: string }>(
    `SELECT id, registered_document_id FROM consultation_documents WHERE id = ANY($1::uuid[])`,
    [[secretEntry, openEntry]],
  );
  const senderEntry = (id: string) => entries.find((e) => e.id === id)!.registered_document_id;
  const markBeforeSending = options.markBeforeSending ?? true;
  if (markBeforeSending) {
    await markSecret(ctx, sender.registrar, senderEntry(secretEntry), secret.ground);
  }
  await ctx.http().post(`/api/v1/consultations/${consultation.id}/send`).set(officer).expect(200);
  await ctx.drain();
  const districtRegistrar = await ctx.as(district.registrar);
  const [recipient] = await ctx.query<{ id: string; case_id: string }>(
    `SELECT id, case_id FROM consultation_recipients WHERE consultation_id = $1 AND organisation_id = $2`,
    [consultation.id, district.id],
  );
  await ctx
    .http()
    .post(`/api/v1/consultation-recipients/${recipient!.id}/assign`)
    .set(districtRegistrar)
    .send({ departmentId: district.departmentId, personId: district.responsibleOfficer.id })
    .expect(200);
  // The district's entries of the two files: the same stored content, registered in its case.
  const copies = await ctx.query<{ id: string; file_name: string }>(
    `SELECT id, file_name FROM registered_documents WHERE case_id = $1 AND kind = 'remissunderlag'`,
    [recipient!.case_id],
  );
  const [external] = await ctx.query<{ id: string }>(
    `SELECT id FROM consultation_recipients WHERE consultation_id = $1 AND organisation_id IS NULL`,
    [consultation.id],
  );
  return {
    consultationId: consultation.id,
    senderCaseId: consultation.caseId,
    districtCaseId: recipient!.case_id,
    recipientId: recipient!.id,
    externalRecipientId: external!.id,
    consultationDocumentIds: { secret: secretEntry, open: openEntry },
    senderEntries: { secret: senderEntry(secretEntry), open: senderEntry(openEntry) },
    districtEntries: {
      secret: copies.find((c) => c.file_name === secret.fileName)!.id,
      open: copies.find((c) => c.file_name === 'program.pdf')!.id,
    },
  };
}

/** The public draft sent with the secret plan. */
export const OPEN_TITLE = 'Remissversion av programmet';

export async function markSecret(ctx: TestContext, registrar: TestPerson, id: string, ground: string): Promise<void> {
  await ctx
    .http()
    .put(`/api/v1/documents/${id}/secrecy`)
    .set(await ctx.as(registrar))
    .send({ ground })
    .expect(200);
}

/** A registrar registers an incoming letter with its file in a case and marks it secret. */
export async function registerSecretLetter(
  ctx: TestContext,
  registrar: TestPerson,
  caseId: string,
  secret: SecretDocument,
): Promise<string> {
  const response = await ctx
    .http()
    .post(`/api/v1/cases/${caseId}/documents`)
    .set(await ctx.as(registrar))
    .field('direction', 'incoming')
    .field('kind', 'skrivelse')
    .field('title', secret.title)
    .field('counterpart', secret.counterpart ?? '')
    .attach('file', secret.bytes, { filename: secret.fileName, contentType: 'application/pdf' })
    .expect(201);
  const id = (response.body as { id: string }).id;
  await markSecret(ctx, registrar, id, secret.ground);
  return id;
}

/** The secret documents with a real file each. */
export async function secretDocuments(): Promise<SecrecyWorld['secrets']> {
  return {
    remiss: { ...REMISS_SECRET, bytes: await samplePdf([REMISS_SECRET.title, 'Entréer, larm och vaktrutiner']) },
    senderLetter: { ...SENDER_LETTER, bytes: await samplePdf([SENDER_LETTER.title, 'Personnummer 19800101-0000']) },
    recipientLetter: { ...RECIPIENT_LETTER, bytes: await samplePdf([RECIPIENT_LETTER.title, 'Adress: skyddad']) },
  };
}

/** The district's statement, pre-filled by its responsible officer, approved, adopted and sent back. */
export async function adoptStatement(
  ctx: TestContext,
  district: SecrecyOrganisation,
  caseId: string,
): Promise<{ statementId: string; meetingId: string; decisionId: string; prefill: string }> {
  // The board meets in two weeks: the statement is pre-filled with that meeting and decided there.
  const meetingDate = addDays(localDate(ctx.clock.now()), 14);
  const meetingId = await addMeeting(ctx, district.registrar, meetingDate);
  const officer = await ctx.as(district.responsibleOfficer);
  const created = await ctx.http().post('/api/v1/statements').set(officer).send({ caseId }).expect(201);
  const statement = created.body as { id: string };
  await ctx.http().post(`/api/v1/statements/${statement.id}/submit`).set(officer).send({ revision: 1 }).expect(200);
  for (const [index, approver] of [district.head, district.director].entries()) {
    await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/approve`)
      .set(await ctx.as(approver))
      .send({ revision: 1, step: index + 1 })
      .expect(200);
  }
  await ctx.drain();
  afterMeeting(ctx, meetingDate);
  const decided = await ctx
    .http()
    .post(`/api/v1/statements/${statement.id}/decision`)
    .set(await ctx.as(district.registrar))
    .send({ meetingId, paragraph: '§ 7', outcome: 'adopted', confirmation: { immediate: true } })
    .expect(200);
  await ctx.drain();
  return {
    statementId: statement.id,
    meetingId,
    decisionId: (decided.body as { decision: { id: string } }).decision.id,
    prefill: created.text,
  };
}

export async function secrecyWorld(ctx: TestContext): Promise<SecrecyWorld> {
  const orgs = await secrecyOrganisations(ctx);
  const secrets = await secretDocuments();
  const remiss = await sendRemiss(ctx, orgs, secrets.remiss);
  const senderLetter = await registerSecretLetter(
    ctx,
    orgs.sender.registrar,
    remiss.senderCaseId,
    secrets.senderLetter,
  );
  const districtLetter = await registerSecretLetter(
    ctx,
    orgs.district.registrar,
    remiss.districtCaseId,
    secrets.recipientLetter,
  );
  const { statementId, meetingId, decisionId, prefill } = await adoptStatement(
    ctx,
    orgs.district,
    remiss.districtCaseId,
  );
  const compilation = await ctx
    .http()
    .post(`/api/v1/consultations/${remiss.consultationId}/compilation.pdf`)
    .set(await ctx.as(orgs.sender.responsibleOfficer))
    .expect(202);
  await ctx.drain();
  return {
    ...orgs,
    secrets,
    remiss,
    registered: {
      senderRemiss: remiss.senderEntries.secret,
      senderLetter,
      districtRemissCopy: remiss.districtEntries.secret,
      districtLetter,
    },
    statementId,
    meetingId,
    decisionId,
    prefill,
    compilationId: (compilation.body as { id: string }).id,
  };
}
