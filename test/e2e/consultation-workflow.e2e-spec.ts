import { OrganisationKind } from '@app/directory';
import { DocumentIssuerService } from '@app/document';
import { IssuanceService } from '@app/issuance';
import { Role } from '@app/platform';
import { inspectPdf, missingInOrder, normalise, type TestPerson } from '@app/testing';
import { simpleParser } from 'mailparser';

import { asBytes, samplePdf } from '../support/files.js';
import { expectNothingChanged } from '../support/snapshot.js';
import { TestContext } from '../support/test-context.js';

interface Body {
  id: string;
  [key: string]: unknown;
}

/** Sender and recipients working a remiss: assigning, extensions, declining, corrections, external bodies. */
describe('a remiss between sender and recipients', () => {
  let ctx: TestContext;
  let sender: { id: string; officer: TestPerson; registrar: TestPerson };
  let district: { id: string; name: string; registrar: TestPerson; officer: TestPerson; departmentId: string };
  let other: { id: string; registrar: TestPerson };

  beforeAll(async () => {
    ctx = await TestContext.create();
    ctx.clock.set('2025-09-15T08:00:00+02:00', { running: true });
    const s = await ctx.factories.organisation({ kind: OrganisationKind.ExecutiveBoard });
    sender = {
      id: s.id,
      officer: await ctx.factories.person(s.id, { roles: [Role.CaseOfficer] }),
      registrar: await ctx.factories.person(s.id, { roles: [Role.Registrar] }),
    };
    const d = await ctx.factories.organisation();
    const department = await ctx.factories.department(d.id);
    district = {
      id: d.id,
      name: d.name,
      departmentId: department.id,
      registrar: await ctx.factories.person(d.id, { roles: [Role.Registrar] }),
      officer: await ctx.factories.person(d.id, { roles: [Role.CaseOfficer], departmentId: department.id }),
    };
    const o = await ctx.factories.organisation();
    other = { id: o.id, registrar: await ctx.factories.person(o.id, { roles: [Role.Registrar] }) };
  });

  afterAll(() => ctx.close());

  async function draft(extra: Record<string, unknown> = {}): Promise<Body> {
    const response = await ctx
      .http()
      .post('/api/v1/consultations')
      .set(await ctx.as(sender.officer))
      .send({
        title: 'Förslag till cykelplan',
        responseDeadline: '2025-11-07',
        sections: [{ title: 'Cykelvägar' }, { title: 'Parkering' }],
        recipients: { organisationIds: [district.id, other.id] },
        ...extra,
      })
      .expect(201);
    return response.body as Body;
  }

  /** The sender's officer attaches a one-page PDF to the draft's remissunderlag. */
  async function attachDocument(c: Body, title: string, fileName: string, text = title): Promise<void> {
    await ctx
      .http()
      .post(`/api/v1/consultations/${c.id}/documents`)
      .set(await ctx.as(sender.officer))
      .field('title', title)
      .attach('file', await samplePdf([text]), { filename: fileName, contentType: 'application/pdf' })
      .expect(201);
  }

  /** Sends the draft and lets the worker distribute it. */
  async function send(c: Body): Promise<void> {
    await ctx
      .http()
      .post(`/api/v1/consultations/${c.id}/send`)
      .set(await ctx.as(sender.officer))
      .expect(200);
    await ctx.drain();
  }

  async function sent(extra: Record<string, unknown> = {}): Promise<{ consultation: Body; recipientId: string }> {
    const c = await draft(extra);
    await send(c);
    const received = await ctx
      .http()
      .get(`/api/v1/consultations/${c.id}`)
      .set(await ctx.as(district.registrar))
      .expect(200);
    return { consultation: c, recipientId: (received.body as { asRecipient: { id: string } }).asRecipient.id };
  }

  it('lets the recipient’s registrar assign the remiss to a case officer, who is told', async () => {
    const { recipientId } = await sent();
    const assigned = await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${recipientId}/assign`)
      .set(await ctx.as(district.registrar))
      .send({ departmentId: district.departmentId, personId: district.officer.id })
      .expect(200);
    expect(assigned.body).toMatchObject({ state: 'assigned', assignedPerson: { id: district.officer.id } });
    const inbox = await ctx
      .http()
      .get('/api/v1/notifications')
      .set(await ctx.as(district.officer))
      .expect(200);
    expect((inbox.body as { items: { kind: string }[] }).items.map((i) => i.kind)).toContain('consultation_assigned');
  });

  it('dates notifications by the same clock as the registrations they tell about', async () => {
    // A clock standing still far from the database server's own time.
    ctx.clock.set('2025-09-16T10:11:12+02:00');
    try {
      const { recipientId } = await sent();
      await ctx
        .http()
        .post(`/api/v1/consultation-recipients/${recipientId}/assign`)
        .set(await ctx.as(district.registrar))
        .send({ departmentId: district.departmentId, personId: district.officer.id })
        .expect(200);
      await ctx.drain();
      const registrar = await ctx
        .http()
        .get('/api/v1/notifications')
        .set(await ctx.as(district.registrar));
      const received = (
        registrar.body as { items: { kind: string; link: { id: string } | null; createdAt: string }[] }
      ).items.find((i) => i.kind === 'consultation_received' && i.link?.id === recipientId);
      const officer = await ctx
        .http()
        .get('/api/v1/notifications')
        .set(await ctx.as(district.officer));
      const assigned = (officer.body as { items: { kind: string; createdAt: string }[] }).items.find(
        (i) => i.kind === 'consultation_assigned',
      );
      const recipient = await ctx
        .http()
        .get(`/api/v1/consultation-recipients/${recipientId}`)
        .set(await ctx.as(district.registrar))
        .expect(200);
      const cases = await ctx
        .http()
        .get('/api/v1/cases')
        .query({ diaryNumber: (recipient.body as { diaryNumber: string }).diaryNumber })
        .set(await ctx.as(district.registrar))
        .expect(200);
      const registeredAt = (cases.body as { items: { registeredAt: string }[] }).items[0]!.registeredAt;
      expect(registeredAt).toBe('2025-09-16T08:11:12.000Z');
      expect(received?.createdAt).toBe(registeredAt);
      expect(assigned?.createdAt).toBe('2025-09-16T08:11:12.000Z');
    } finally {
      ctx.clock.set('2025-09-15T08:00:00+02:00', { running: true });
    }
  });

  it('moves a recipient’s deadline when the sender grants an extension, and keeps it when refused', async () => {
    const { recipientId } = await sent();
    const asked = await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${recipientId}/extension-requests`)
      .set(await ctx.as(district.registrar))
      .send({ requestedDeadline: '2025-12-05', reason: 'Nämnden sammanträder först i november.' })
      .expect(201);
    const duplicate = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post(`/api/v1/consultation-recipients/${recipientId}/extension-requests`)
        .set(await ctx.as(district.registrar))
        .send({ requestedDeadline: '2025-12-10', reason: 'Igen.' }),
    );
    expect(duplicate.status).toBe(409);
    await ctx
      .http()
      .post(`/api/v1/extension-requests/${(asked.body as Body).id}/decision`)
      .set(await ctx.as(district.registrar))
      .send({ granted: true })
      .expect(404);
    await ctx
      .http()
      .post(`/api/v1/extension-requests/${(asked.body as Body).id}/decision`)
      .set(await ctx.as(sender.officer))
      .send({ granted: true, comment: 'Beviljas.' })
      .expect(200);
    const after = await ctx
      .http()
      .get(`/api/v1/consultation-recipients/${recipientId}`)
      .set(await ctx.as(sender.officer))
      .expect(200);
    expect(after.body).toMatchObject({ responseDeadline: '2025-12-05', pendingExtension: null });

    const again = await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${recipientId}/extension-requests`)
      .set(await ctx.as(district.registrar))
      .send({ requestedDeadline: '2026-01-15', reason: 'Mer tid behövs.' })
      .expect(201);
    await ctx
      .http()
      .post(`/api/v1/extension-requests/${(again.body as Body).id}/decision`)
      .set(await ctx.as(sender.officer))
      .send({ granted: false })
      .expect(200);
    const refused = await ctx
      .http()
      .get(`/api/v1/consultation-recipients/${recipientId}`)
      .set(await ctx.as(district.registrar))
      .expect(200);
    expect(refused.body).toMatchObject({ responseDeadline: '2025-12-05' });
  });

  it('dates the incoming remiss the day it was sent in Stockholm, also just after midnight', async () => {
    // 00:30 in Stockholm on 7 October is 22:30 UTC on 6 October.
    ctx.clock.set('2025-10-07T00:30:00+02:00', { running: true });
    try {
      const { recipientId } = await sent();
      const rows = await ctx.query<{ document_date: string; registered_on: string }>(
        `SELECT document_date::text, registered_on::text FROM registered_documents WHERE origin_key = $1`,
        [`consultation-recipient:${recipientId}:remiss`],
      );
      expect(rows).toEqual([{ document_date: '2025-10-07', registered_on: '2025-10-07' }]);
    } finally {
      ctx.clock.set('2025-09-15T08:00:00+02:00', { running: true });
    }
  });

  /** The signed avstående of a recipient, once made, with its text and the registry entries carrying it. */
  async function avstående(
    consultation: Body,
    recipientId: string,
  ): Promise<{ text: string; sha256: string; entries: { direction: string; title: string; sha256: string | null }[] }> {
    await ctx.drain();
    const [letter] = (
      (
        await ctx
          .http()
          .get('/api/v1/issued-documents')
          .query({ subjectId: recipientId })
          .set(await ctx.as(district.registrar))
          .expect(200)
      ).body as { id: string; kind: string; status: string; sha256: string }[]
    ).filter((d) => d.kind === 'decline_letter');
    expect(letter).toMatchObject({ status: 'signed' });
    const file = await ctx
      .http()
      .get(`/api/v1/issued-documents/${letter!.id}/file`)
      .set(await ctx.as(district.registrar))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const entries: { direction: string; title: string; sha256: string | null }[] = [];
    const received = await ctx
      .http()
      .get(`/api/v1/consultations/${consultation.id}`)
      .set(await ctx.as(district.registrar))
      .expect(200);
    const own = await ctx
      .http()
      .get('/api/v1/cases')
      .query({ diaryNumber: (received.body as { asRecipient: { diaryNumber: string } }).asRecipient.diaryNumber })
      .set(await ctx.as(district.registrar))
      .expect(200);
    for (const [caseId, as] of [
      [(own.body as { items: { id: string }[] }).items[0]!.id, district.registrar],
      [consultation.caseId as string, sender.registrar],
    ] as const) {
      const documents = await ctx
        .http()
        .get(`/api/v1/cases/${caseId}/documents`)
        .set(await ctx.as(as))
        .expect(200);
      for (const d of documents.body as { direction: string; title: string; file: { sha256: string } | null }[]) {
        if (d.direction !== 'internal' && /avstå/i.test(d.title)) {
          entries.push({ direction: d.direction, title: d.title, sha256: d.file?.sha256 ?? null });
        }
      }
    }
    return { text: normalise(inspectPdf(file.body as Buffer).text), sha256: letter!.sha256, entries };
  }

  it('records who decided a decline on the board’s behalf, and registers the signed avstående in both registries', async () => {
    const { consultation, recipientId } = await sent();
    const reason = 'Ärendet berör inte nämndens verksamhet.';
    const director = await ctx.factories.person(district.id, {
      roles: [Role.Director],
      name: 'Dora Direktör',
      title: 'stadsdelsdirektör',
    });
    const decline = async (body: Record<string, unknown>) =>
      ctx
        .http()
        .post(`/api/v1/consultation-recipients/${recipientId}/decline`)
        .set(await ctx.as(district.registrar))
        .send(body);
    // Who decided is part of the record: named, and one of the recipient's own.
    for (const [body, status, code] of [
      [{ reason }, 400, 'request.invalid'],
      [{ reason, decidedBy: sender.officer.id }, 422, 'consultation.decider_unknown'],
    ] as const) {
      const refused = await expectNothingChanged(ctx, () => decline(body));
      expect(refused.body).toMatchObject({ status, code });
    }
    const declined = await decline({ reason, decidedBy: director.id });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      state: 'declined',
      declineReason: reason,
      declineDecision: {
        by: 'administration',
        person: { id: director.id, name: 'Dora Direktör', title: 'stadsdelsdirektör' },
      },
    });
    const board = await ctx
      .http()
      .get(`/api/v1/consultations/${consultation.id}/status-board`)
      .set(await ctx.as(sender.officer))
      .expect(200);
    const row = (board.body as { recipients: { id: string; state: string; declineReason: string }[] }).recipients.find(
      (r) => r.id === recipientId,
    );
    expect(row).toMatchObject({ state: 'declined', declineReason: reason });
    const [organisation] = await ctx.query<{ administration_name: string }>(
      `SELECT administration_name FROM organisations WHERE id = $1`,
      [district.id],
    );
    const administration = organisation!.administration_name;
    const { text, sha256, entries } = await avstående(consultation, recipientId);
    expect(text).toContain(
      `${administration} beslutade 2025-09-15 på nämndens vägnar att avstå från att yttra sig. Beslutet fattades av Dora Direktör, stadsdelsdirektör.`,
    );
    expect(text).not.toContain(`${district.name} beslutade`);
    expect(text).toContain('Beslutat av Dora Direktör, stadsdelsdirektör');
    // One entry in each registry, each with the signed file.
    expect(entries).toEqual([
      { direction: 'outgoing', title: expect.stringContaining('Avstår från att yttra sig'), sha256 },
      { direction: 'incoming', title: `${district.name} avstår från att yttra sig: Förslag till cykelplan`, sha256 },
    ]);
    const again = await expectNothingChanged(ctx, () => decline({ reason: 'Igen.', decidedBy: director.id }));
    expect(again.status).toBe(409);
  });

  it('records the board’s own decision to decline with its meeting and paragraph, once per paragraph', async () => {
    const first = await sent();
    const second = await sent();
    const registrar = await ctx.as(district.registrar);
    const meeting = (
      await ctx
        .http()
        .post('/api/v1/meetings')
        .set(registrar)
        .send({ meetingDate: '2025-09-11', agendaDeadline: '2025-09-04' })
        .expect(201)
    ).body as { id: string };
    const coming = (
      await ctx
        .http()
        .post('/api/v1/meetings')
        .set(registrar)
        .send({ meetingDate: '2025-10-09', agendaDeadline: '2025-10-02' })
        .expect(201)
    ).body as { id: string };
    const decline = (recipientId: string, boardDecision: Record<string, unknown>) =>
      ctx
        .http()
        .post(`/api/v1/consultation-recipients/${recipientId}/decline`)
        .set(registrar)
        .send({ reason: 'Nämnden avstår från att yttra sig.', boardDecision });
    const declined = await decline(first.recipientId, {
      meetingId: meeting.id,
      paragraph: '§ 14',
      confirmation: { immediate: true },
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ declineDecision: { by: 'board', decisionId: expect.any(String) } });
    const { text, sha256, entries } = await avstående(first.consultation, first.recipientId);
    expect(text).toContain(
      `${district.name} beslutade vid sammanträde 2025-09-11, § 14, att avstå från att yttra sig.`,
    );
    expect(text).not.toContain('på nämndens vägnar');
    expect(entries.map((e) => [e.direction, e.sha256])).toEqual([
      ['outgoing', sha256],
      ['incoming', sha256],
    ]);
    for (const [boardDecision, status, code] of [
      [{ meetingId: meeting.id, paragraph: '14', confirmation: { immediate: true } }, 409, 'statement.paragraph_taken'],
      [{ meetingId: coming.id, paragraph: '2', confirmation: { immediate: true } }, 422, 'statement.meeting_not_held'],
      [
        { meetingId: meeting.id, paragraph: '15', confirmation: { on: '2025-09-30' } },
        422,
        'statement.confirmation_date_invalid',
      ],
    ] as const) {
      const refused = await expectNothingChanged(ctx, () => decline(second.recipientId, boardDecision));
      expect(refused.body).toMatchObject({ status, code });
    }
  });

  it('withholds remissunderlag the sender marked secret from the recipients, their copies marked alike', async () => {
    const c = await draft();
    await attachDocument(c, 'Säkerhetsanalys', 'analys.pdf');
    await send(c);
    const [doc] = await ctx.query<{ id: string; registered_document_id: string }>(
      `SELECT id, registered_document_id FROM consultation_documents WHERE consultation_id = $1`,
      [c.id],
    );
    const file = `/api/v1/consultations/${c.id}/documents/${doc!.id}/file`;
    await ctx
      .http()
      .get(file)
      .set(await ctx.as(district.officer))
      .expect(200);
    await ctx
      .http()
      .put(`/api/v1/documents/${doc!.registered_document_id}/secrecy`)
      .set(await ctx.as(sender.registrar))
      .send({ ground: 'OSL 18 kap. 8 §' })
      .expect(200);
    const withheld = await ctx
      .http()
      .get(file)
      .set(await ctx.as(district.officer))
      .expect(403);
    expect(withheld.body).toMatchObject({ code: 'consultation.document_withheld' });
    await ctx
      .http()
      .get(file)
      .set(await ctx.as(sender.registrar))
      .expect(200);
    // The district's registrar reads it in her own registry's copy, which now carries the marking.
    await ctx
      .http()
      .get(file)
      .set(await ctx.as(district.registrar))
      .expect(200);
    // Its title is masked too, for those who may not see it.
    const documentsAs = async (who: TestPerson) =>
      (
        (
          await ctx
            .http()
            .get(`/api/v1/consultations/${c.id}`)
            .set(await ctx.as(who))
            .expect(200)
        ).body as {
          documents: { title: string; masked: boolean }[];
        }
      ).documents;
    expect(await documentsAs(district.officer)).toEqual([
      expect.objectContaining({ title: 'Sekretessmarkerad handling (OSL 18 kap. 8 §)', masked: true }),
    ]);
    expect(await documentsAs(district.registrar)).toEqual([
      expect.objectContaining({ title: 'Säkerhetsanalys', masked: false }),
    ]);
    expect(await documentsAs(sender.registrar)).toEqual([
      expect.objectContaining({ title: 'Säkerhetsanalys', masked: false }),
    ]);
  });

  it('prints a compilation as it stood when asked for, however the answers change before it is made again', async () => {
    const { consultation } = await sent();
    const ask = async () =>
      (
        await ctx
          .http()
          .post(`/api/v1/consultations/${consultation.id}/compilation.pdf`)
          .set(await ctx.as(sender.officer))
          .expect(202)
      ).body as { id: string; revision: number };
    const first = await ask();
    expect(first.revision).toBe(0);
    await ctx.drain();
    const issuance = ctx.get(IssuanceService);
    const issuer = ctx.get(DocumentIssuerService);
    const row = (await issuance.findById(first.id))!;
    expect(row.status).toBe('signed');
    const before = await issuer.renderUnsigned(row);
    const otherRecipient = (
      (
        await ctx
          .http()
          .get(`/api/v1/consultations/${consultation.id}`)
          .set(await ctx.as(other.registrar))
          .expect(200)
      ).body as { asRecipient: { id: string } }
    ).asRecipient.id;
    await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${otherRecipient}/decline`)
      .set(await ctx.as(other.registrar))
      .send({ reason: 'Ärendet berör inte nämnden.', decidedBy: other.registrar.id })
      .expect(200);
    await ctx.drain();
    expect((await issuer.renderUnsigned(row)).equals(before)).toBe(true);
    const second = await ask();
    expect(second).toMatchObject({ revision: 1 });
    expect(second.id).not.toBe(first.id);
  });

  it('registers a correction of the remissunderlag at every recipient and tells them', async () => {
    const c = await draft();
    await attachDocument(c, 'Cykelplan', 'cykelplan.pdf', 'Cykelplan version 1');
    await send(c);
    const corrected = await ctx
      .http()
      .post(`/api/v1/consultations/${c.id}/corrections`)
      .set(await ctx.as(sender.officer))
      .field('note', 'Kartan på sidan 4 var fel.')
      .field('title', 'Cykelplan, rättad')
      .attach('file', await samplePdf(['Cykelplan version 2']), {
        filename: 'cykelplan-v2.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
    expect(corrected.body).toMatchObject({ documentsVersion: 2 });
    await ctx.drain();
    const received = await ctx
      .http()
      .get(`/api/v1/consultations/${c.id}`)
      .set(await ctx.as(district.registrar))
      .expect(200);
    const caseNumber = (received.body as { asRecipient: { diaryNumber: string } }).asRecipient.diaryNumber;
    const found = await ctx
      .http()
      .get('/api/v1/cases')
      .query({ diaryNumber: caseNumber })
      .set(await ctx.as(district.registrar))
      .expect(200);
    const caseId = (found.body as { items: { id: string }[] }).items[0]!.id;
    const docs = await ctx
      .http()
      .get(`/api/v1/cases/${caseId}/documents`)
      .set(await ctx.as(district.registrar))
      .expect(200);
    expect((docs.body as { title: string }[]).map((d) => d.title)).toEqual([
      'Remiss: Förslag till cykelplan (svar senast 2025-11-07)',
      'Cykelplan',
      'Cykelplan, rättad (rättelse 1)',
    ]);
    const inbox = await ctx
      .http()
      .get('/api/v1/notifications')
      .set(await ctx.as(district.registrar))
      .expect(200);
    expect((inbox.body as { items: { kind: string; body: string }[] }).items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'consultation_corrected',
          body: expect.stringContaining('Kartan på sidan 4 var fel.'),
        }),
      ]),
    );
  });

  it('gives an external recipient an e-mail-ready letter and counts its answer, registered by the sender', async () => {
    const c = await draft({
      recipients: {
        organisationIds: [district.id],
        external: [{ name: 'Cykelfrämjandet Stockholm', email: 'Kansli@Cykel.example' }],
      },
    });
    await attachDocument(c, 'Cykelplan', 'cykelplan.pdf');
    // The same file again, under another name: it would reach every recipient twice.
    const twiceAttached = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post(`/api/v1/consultations/${c.id}/documents`)
        .set(await ctx.as(sender.officer))
        .field('title', 'Cykelplanen igen')
        .attach('file', await samplePdf(['Cykelplan']), { filename: 'kopia.pdf', contentType: 'application/pdf' }),
    );
    expect(twiceAttached.body).toMatchObject({ status: 409, code: 'consultation.document_duplicate' });
    await send(c);
    const board = await ctx
      .http()
      .get(`/api/v1/consultations/${c.id}/status-board`)
      .set(await ctx.as(sender.officer))
      .expect(200);
    const external = (
      board.body as { recipients: { id: string; external: boolean; email: string; state: string }[] }
    ).recipients.find((r) => r.external)!;
    expect(external).toMatchObject({ email: 'kansli@cykel.example', state: 'sent' });

    const letter = await ctx
      .http()
      .get(`/api/v1/consultation-recipients/${external.id}/letter`)
      .set(await ctx.as(sender.registrar))
      .buffer(true)
      .expect(200);
    expect(letter.headers['content-type']).toBe('message/rfc822');
    const eml = letter.text;
    expect(eml).toContain('To: =?UTF-8?B?');
    const parsed = await simpleParser(eml);
    expect(parsed.to).toMatchObject({
      value: [{ address: 'kansli@cykel.example', name: 'Cykelfrämjandet Stockholm' }],
    });
    // The remiss's document and the signed missiv go with the letter.
    expect(parsed.attachments.map((a) => a.filename)).toEqual(
      expect.arrayContaining(['cykelplan.pdf', expect.stringMatching(/^Missiv .*\.pdf$/)]),
    );
    const text = parsed.text ?? '';
    expect(text).toContain('Svar senast 2025-11-07.');

    const sections = (c.sections as { id: string; title: string }[]).map((s) => s.id);
    const twice = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post(`/api/v1/consultation-recipients/${external.id}/external-answer`)
        .set(await ctx.as(sender.registrar))
        .field('position', 'supports')
        .field(
          'sections',
          JSON.stringify([
            { sectionId: sections[0], position: 'supports', comment: 'Bra.' },
            { sectionId: sections[0], position: 'opposes', comment: 'Dåligt.' },
          ]),
        )
        .attach('file', await samplePdf(['Yttrande']), { filename: 'yttrande.pdf', contentType: 'application/pdf' }),
    );
    expect(twice.body).toMatchObject({ status: 422, code: 'consultation.section_answered_twice' });
    await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${external.id}/external-answer`)
      .set(await ctx.as(sender.registrar))
      .field('position', 'supports_in_part')
      .field('comment', 'Vi tillstyrker med tillägg om vinterväghållning.')
      .field('sections', JSON.stringify([{ sectionId: sections[0], position: 'supports', comment: 'Bra.' }]))
      .attach('file', await samplePdf(['Yttrande från Cykelfrämjandet']), {
        filename: 'yttrande.pdf',
        contentType: 'application/pdf',
      })
      .expect(200);
    const after = await ctx
      .http()
      .get(`/api/v1/consultations/${c.id}/status-board`)
      .set(await ctx.as(sender.officer))
      .expect(200);
    expect((after.body as { counts: Record<string, number> }).counts).toMatchObject({ answered: 1, registered: 1 });

    // The compilation, as JSON and as the signed PDF, holds the same answers: the position on the
    // whole remiss first, then each section only where the answer takes it up.
    const compiled = await ctx
      .http()
      .get(`/api/v1/consultations/${c.id}/compilation`)
      .set(await ctx.as(sender.officer))
      .expect(200);
    expect(compiled.body).toMatchObject({
      overall: [{ name: 'Cykelfrämjandet Stockholm', position: 'supports_in_part' }],
      sections: [{ answers: [{ name: 'Cykelfrämjandet Stockholm', position: 'supports' }] }, { answers: [] }],
    });
    const asked = await ctx
      .http()
      .post(`/api/v1/consultations/${c.id}/compilation.pdf`)
      .set(await ctx.as(sender.officer))
      .expect(202);
    await ctx.drain();
    const pdf = await ctx
      .http()
      .get(`/api/v1/issued-documents/${(asked.body as Body).id}/file`)
      .set(await ctx.as(sender.officer))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const printed = normalise(inspectPdf(pdf.body as Buffer).text);
    expect(
      missingInOrder(printed, [
        'Hela remissen Cykelfrämjandet Stockholm Tillstyrker delvis. Vi tillstyrker med tillägg om vinterväghållning.',
        'Cykelvägar Cykelfrämjandet Stockholm Tillstyrker. Bra.',
        'Parkering Ingen remissinstans har tagit ställning till eller kommenterat denna del.',
      ]),
    ).toEqual([]);
    expect(printed).not.toContain('Inget ställningstagande');
  });

  describe('bad input gets a 4xx problem and changes nothing', () => {
    const cases: [
      string,
      () => Promise<{ method: 'post' | 'patch'; path: string; body?: object; as: TestPerson }>,
      number,
      string,
    ][] = [
      [
        'a deadline in the past',
        async () => ({
          method: 'post',
          path: '/api/v1/consultations',
          body: { title: 'Gammal', responseDeadline: '2025-09-01' },
          as: sender.officer,
        }),
        422,
        'consultation.deadline_past',
      ],
      [
        'a deadline of today',
        async () => ({
          method: 'post',
          path: '/api/v1/consultations',
          body: { title: 'I dag', responseDeadline: '2025-09-15' },
          as: sender.officer,
        }),
        422,
        'consultation.deadline_past',
      ],
      [
        'an unknown recipient',
        async () => ({
          method: 'post',
          path: '/api/v1/consultations',
          body: {
            title: 'Remiss X',
            responseDeadline: '2025-12-01',
            recipients: { organisationIds: ['5b0f0c64-5b8a-4c33-9d3c-6d5a5b3d1a11'] },
          },
          as: sender.officer,
        }),
        422,
        'consultation.unknown_recipient',
      ],
      [
        'a recipient without a diary series',
        async () => {
          const noSeries = await ctx.factories.organisation({ name: 'Stadsarkivet utan serie', diaryPrefix: null });
          return {
            method: 'post',
            path: '/api/v1/consultations',
            body: {
              title: 'Remiss X',
              responseDeadline: '2025-12-01',
              recipients: { organisationIds: [district.id, noSeries.id] },
            },
            as: sender.officer,
          };
        },
        422,
        'consultation.recipient_without_series',
      ],
      [
        'a duplicate recipient',
        async () => ({
          method: 'post',
          path: '/api/v1/consultations',
          body: {
            title: 'Remiss X',
            responseDeadline: '2025-12-01',
            recipients: { organisationIds: [district.id, district.id] },
          },
          as: sender.officer,
        }),
        422,
        'consultation.duplicate_recipient',
      ],
      [
        'a duplicate external e-mail',
        async () => ({
          method: 'post',
          path: '/api/v1/consultations',
          body: {
            title: 'Remiss X',
            responseDeadline: '2025-12-01',
            recipients: {
              external: [
                { name: 'Förening A', email: 'a@x.se' },
                { name: 'Förening B', email: 'A@x.se' },
              ],
            },
          },
          as: sender.officer,
        }),
        422,
        'consultation.duplicate_recipient',
      ],
      [
        'the sender as its own recipient',
        async () => ({
          method: 'post',
          path: '/api/v1/consultations',
          body: { title: 'Remiss X', responseDeadline: '2025-12-01', recipients: { organisationIds: [sender.id] } },
          as: sender.officer,
        }),
        422,
        'consultation.sender_as_recipient',
      ],
      [
        'two sections with one title',
        async () => ({
          method: 'post',
          path: '/api/v1/consultations',
          body: { title: 'Remiss X', responseDeadline: '2025-12-01', sections: [{ title: 'Mål' }, { title: 'mål' }] },
          as: sender.officer,
        }),
        422,
        'consultation.duplicate_section',
      ],
      [
        'an unknown group',
        async () => ({
          method: 'post',
          path: '/api/v1/consultations',
          body: { title: 'Remiss X', responseDeadline: '2025-12-01', recipients: { groups: ['alla'] } },
          as: sender.officer,
        }),
        400,
        'request.invalid',
      ],
      [
        'sending without recipients',
        async () => {
          const d = await draft({ recipients: {} });
          return { method: 'post', path: `/api/v1/consultations/${d.id}/send`, as: sender.officer };
        },
        422,
        'consultation.no_recipients',
      ],
      [
        'sending twice',
        async () => {
          const { consultation } = await sent();
          return { method: 'post', path: `/api/v1/consultations/${consultation.id}/send`, as: sender.officer };
        },
        409,
        'consultation.already_sent',
      ],
      [
        'editing a sent remiss',
        async () => {
          const { consultation } = await sent();
          return {
            method: 'patch',
            path: `/api/v1/consultations/${consultation.id}`,
            body: { title: 'Ändrad' },
            as: sender.officer,
          };
        },
        409,
        'consultation.already_sent',
      ],
      [
        'another organisation editing a draft',
        async () => {
          const d = await draft();
          return {
            method: 'patch',
            path: `/api/v1/consultations/${d.id}`,
            body: { title: 'Kapad' },
            as: district.officer,
          };
        },
        404,
        'consultation.not_found',
      ],
      [
        'an extension that is not later',
        async () => {
          const { recipientId } = await sent();
          return {
            method: 'post',
            path: `/api/v1/consultation-recipients/${recipientId}/extension-requests`,
            body: { requestedDeadline: '2025-11-01', reason: 'Tidigare?' },
            as: district.registrar,
          };
        },
        422,
        'consultation.extension_not_later',
      ],
      [
        'a compilation PDF of a remiss not sent',
        async () => {
          const c = await draft();
          return { method: 'post', path: `/api/v1/consultations/${c.id}/compilation.pdf`, as: sender.officer };
        },
        409,
        'consultation.not_sent',
      ],
      [
        'the sender answering for a recipient in the directory',
        async () => {
          const { recipientId } = await sent();
          return {
            method: 'post',
            path: `/api/v1/consultation-recipients/${recipientId}/external-answer`,
            body: { position: 'supports' },
            as: sender.registrar,
          };
        },
        409,
        'consultation.not_external',
      ],
    ];

    it.each(cases)('%s', async (_name, build, status, code) => {
      const request = await build();
      await ctx.drain();
      const headers = await ctx.as(request.as);
      const response = await expectNothingChanged(ctx, () =>
        ctx
          .http()
          [request.method](request.path)
          .set(headers)
          .send(request.body ?? {}),
      );
      expect(response.body).toMatchObject({ status, code });
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    });
  });
});
