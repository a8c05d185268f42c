import { DocumentIssuerService, VerificationService } from '@app/document';
import { IssuanceService } from '@app/issuance';
import { generateDevelopmentCertificate, loadSigningIdentity, sha256 } from '@app/pdf';
import { inspectPdf, missingInOrder, normalise, REFERENCE_CASE, referenceBodyParts, sentences } from '@app/testing';

import { asBytes, samplePdf } from '../support/files.js';
import { reportSignature } from '../support/pdf-tools.js';

import { sendReferenceRemiss, type ReferenceRemiss } from '../support/reference-flow.js';
import { seedStockholm, type Stockholm } from '../support/stockholm.js';
import { TestContext } from '../support/test-context.js';

interface IssuedDocument {
  id: string;
  kind: string;
  subjectId: string;
  revision: number;
  status: string;
  sha256: string;
  failureReason: string | null;
}

interface Statement {
  id: string;
  status: string;
  currentRevision: number;
  approvedRevision: number | null;
  revision: {
    number: number;
    parts: Record<string, unknown> & { preparation: Record<string, unknown>; sections: { sectionId: string }[] };
  };
  signatories: { name: string; title: string; organisation: string }[];
  nextStep: { step: number } | null;
  decision: { id: string; outcome: string; decisionText: string; confirmed: boolean } | null;
}

/**
 * The whole reference case through the HTTP API, on the reference dates: the remiss goes out,
 * Hägersten-Älvsjö registers it as HÄ 2025/578, Jens Westlund drafts the tjänsteutlåtande with
 * exactly the text of the original, Alexander Baena asks for a change, Jens revises, Alexander
 * and Lee Orberson approve, the registrar records the decision of 2025-10-23, and kommunstyrelsen
 * sees the answer on its status board and in its compilation.
 */
describe('the reference case, from remiss to answer', () => {
  let ctx: TestContext;
  let city: Stockholm;
  let remiss: ReferenceRemiss;
  let statement: Statement;
  const s = REFERENCE_CASE.statement;

  beforeAll(async () => {
    ctx = await TestContext.create();
    ctx.clock.set('2025-09-15T09:00:00+02:00', { running: true });
    city = await seedStockholm(ctx);
  });

  afterAll(() => ctx.close());

  it('registers the remiss at Hägersten-Älvsjö as HÄ 2025/578 and assigns it to Jens Westlund', async () => {
    const maja = await city.as('maja.lindqvist@stockholm.se');
    await ctx
      .http()
      .post('/api/v1/meetings')
      .set(maja)
      .send({ meetingDate: '2025-10-23', agendaDeadline: '2025-10-09' })
      .expect(201);
    await ctx
      .http()
      .post('/api/v1/meetings')
      .set(maja)
      .send({ meetingDate: '2025-11-20', agendaDeadline: '2025-11-06' })
      .expect(201);
    remiss = await sendReferenceRemiss(ctx, city, { year: 2025, deadline: '2025-11-07' });
    const c = await ctx.http().get(`/api/v1/cases/${remiss.caseId}`).set(maja).expect(200);
    expect(c.body).toMatchObject({
      diaryNumber: 'HÄ 2025/578',
      responsiblePersonId: (await city.person('jens.westlund@stockholm.se')).id,
    });
    const work = await ctx
      .http()
      .get('/api/v1/my-work')
      .set(await city.as('jens.westlund@stockholm.se'))
      .expect(200);
    expect(work.body).toEqual([
      expect.objectContaining({ kind: 'start_statement', diaryNumber: 'HÄ 2025/578', deadline: '2025-11-07' }),
    ]);
  });

  it('pre-fills the statement from the remiss and the case', async () => {
    ctx.clock.set('2025-09-18T10:00:00+02:00', { running: true });
    const jens = await city.as('jens.westlund@stockholm.se');
    const created = await ctx.http().post('/api/v1/statements').set(jens).send({ caseId: remiss.caseId }).expect(201);
    statement = created.body as Statement;
    const parts = statement.revision.parts;
    expect(parts).toMatchObject({
      title: s.title,
      heading: s.heading,
      proposedDecision: s.proposedDecision,
      officerId: (await city.person('jens.westlund@stockholm.se')).id,
      attachments: [{ title: s.attachments[0] }],
    });
    // The remiss's sections in its own order.
    expect(parts.sections.map((x) => x.sectionId)).toEqual(remiss.sectionIds);
    const meetings = await ctx.http().get('/api/v1/meetings').set(jens).expect(200);
    expect(parts.meetingId).toBe(
      (meetings.body as { id: string; meetingDate: string }[]).find((m) => m.meetingDate === '2025-10-23')!.id,
    );
    expect(
      (created.body as { schedule: { deadlineBeforeNextMeeting: boolean } }).schedule.deadlineBeforeNextMeeting,
    ).toBe(false);
  });

  async function save(as: string, changes: Record<string, unknown>): Promise<Statement> {
    const response = await ctx
      .http()
      .put(`/api/v1/statements/${statement.id}`)
      .set(await city.as(as))
      .send({ baseRevision: statement.currentRevision, parts: { ...statement.revision.parts, ...changes } })
      .expect(200);
    statement = response.body as Statement;
    return statement;
  }

  it('lets Jens draft every part with the text of the original, and submit it', async () => {
    const departments = await ctx
      .http()
      .get('/api/v1/departments')
      .set(await city.as('jens.westlund@stockholm.se'))
      .expect(200);
    const consulted = (departments.body as { id: string; name: string }[])
      .filter((d) => s.preparation.consultedDepartments.includes(d.name as never))
      .map((d) => d.id);
    expect(consulted).toHaveLength(4);
    await save('jens.westlund@stockholm.se', {
      summary: s.summary.split('\n\n')[0], // the first draft has only the first paragraph
      background: s.background,
      matter: s.matter,
      preparation: {
        text: s.preparation.text,
        consultedDepartmentIds: consulted,
        unionsInformedOn: s.preparation.unionsInformedOn,
        unionForum: s.preparation.unionForum,
      },
      views: s.views,
      position: 'supports',
      documentDate: REFERENCE_CASE.recipient.documentDate,
    });
    expect(statement.currentRevision).toBe(2);
    const submitted = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/submit`)
      .set(await city.as('jens.westlund@stockholm.se'))
      .send({ revision: 2 })
      .expect(200);
    statement = submitted.body as Statement;
    expect(statement).toMatchObject({ status: 'in_approval', nextStep: { step: 1 } });
  });

  it('lets Alexander Baena ask for a change, and Jens revise and resubmit', async () => {
    const alexander = await city.as('alexander.baena@stockholm.se');
    const work = await ctx.http().get('/api/v1/my-work').set(alexander).expect(200);
    expect(work.body).toEqual([expect.objectContaining({ kind: 'approve', diaryNumber: 'HÄ 2025/578' })]);
    const asked = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/request-changes`)
      .set(alexander)
      .send({ revision: 2, step: 1, comment: 'Sammanfattningen bör också säga vad förvaltningen tycker.' })
      .expect(200);
    statement = asked.body as Statement;
    expect(statement.status).toBe('drafting');
    await save('jens.westlund@stockholm.se', { summary: s.summary });
    const compared = await ctx
      .http()
      .get(`/api/v1/statements/${statement.id}/compare`)
      .query({ from: 2, to: 3 })
      .set(alexander)
      .expect(200);
    expect((compared.body as { part: string; changed: boolean }[]).filter((c) => c.changed).map((c) => c.part)).toEqual(
      ['summary'],
    );
    await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/submit`)
      .set(await city.as('jens.westlund@stockholm.se'))
      .send({ revision: 3 })
      .expect(200);
  });

  it('is approved by Alexander Baena and then Lee Orberson, who sign it last approver first', async () => {
    ctx.clock.set('2025-09-24T15:02:00+02:00');
    await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/approve`)
      .set(await city.as('alexander.baena@stockholm.se'))
      .send({ revision: 3, step: 1 })
      .expect(200);
    ctx.clock.set('2025-09-25T09:14:00+02:00', { running: true });
    const approved = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/approve`)
      .set(await city.as('lee.orberson@stockholm.se'))
      .send({ revision: 3, step: 2 })
      .expect(200);
    statement = approved.body as Statement;
    expect(statement).toMatchObject({ status: 'approved', approvedRevision: 3 });
    expect(statement.signatories).toEqual(REFERENCE_CASE.signatories.map((p) => ({ ...p, onBehalfOf: null })));
    // The final approval asked for the signed tjänsteutlåtande; its progress can be followed.
    const maja = await city.as('maja.lindqvist@stockholm.se');
    const queued = await ctx
      .http()
      .get('/api/v1/issued-documents')
      .query({ subjectId: statement.id })
      .set(maja)
      .expect(200);
    expect(queued.body).toEqual([
      expect.objectContaining({
        kind: 'official_report',
        revision: 3,
        status: expect.stringMatching(/^(queued|rendering|signed)$/),
      }),
    ]);
    await ctx.drain();
    const [report] = (
      await ctx.http().get('/api/v1/issued-documents').query({ subjectId: statement.id }).set(maja).expect(200)
    ).body as IssuedDocument[];
    expect(report).toMatchObject({
      status: 'signed',
      failureReason: null,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const single = await ctx.http().get(`/api/v1/issued-documents/${report!.id}`).set(maja).expect(200);
    expect(single.body).toEqual(report);
  });

  it('holds every part exactly as the original has it', async () => {
    const parts = statement.revision.parts;
    expect(parts).toMatchObject({
      title: s.title,
      heading: s.heading,
      proposedDecision: s.proposedDecision,
      summary: s.summary,
      background: s.background,
      matter: s.matter,
      views: s.views,
      documentDate: '2025-09-25',
      attachments: [{ title: 'Remissunderlag Handlingsplan för romska inkludering 2030' }],
    });
    expect(parts.preparation).toMatchObject({
      text: s.preparation.text,
      unionsInformedOn: '2025-10-14',
      unionForum: 'förvaltningsgruppen',
    });
    const view = await ctx
      .http()
      .get(`/api/v1/statements/${statement.id}`)
      .set(await city.as('maja.lindqvist@stockholm.se'))
      .expect(200);
    expect(
      (view.body as { consultedDepartments: { name: string }[] }).consultedDepartments.map((d) => d.name).sort(),
    ).toEqual([...s.preparation.consultedDepartments].sort());
  });

  it('takes the board’s decision of 2025-10-23 with immediate confirmation and delivers the answer', async () => {
    ctx.clock.set('2025-10-23T19:00:00+02:00', { running: true });
    const maja = await city.as('maja.lindqvist@stockholm.se');
    const meetings = (await ctx.http().get('/api/v1/meetings').set(maja).expect(200)).body as {
      id: string;
      meetingDate: string;
    }[];
    const decided = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/decision`)
      .set(maja)
      .send({
        meetingId: meetings.find((m) => m.meetingDate === REFERENCE_CASE.decision.meetingDate)!.id,
        paragraph: '12',
        outcome: 'adopted',
        confirmation: { immediate: true },
      })
      .expect(200);
    expect(decided.body).toMatchObject({
      status: 'adopted',
      decision: { outcome: 'adopted', decisionText: REFERENCE_CASE.decision.text, confirmed: true },
    });
    await ctx.drain();
    const after = await ctx.http().get(`/api/v1/statements/${statement.id}`).set(maja).expect(200);
    expect(after.body).toMatchObject({ status: 'answered' });
    const docs = await ctx.http().get(`/api/v1/cases/${remiss.caseId}/documents`).set(maja).expect(200);
    expect((docs.body as { direction: string; kind: string }[]).map((d) => `${d.direction}:${d.kind}`)).toContain(
      'outgoing:yttrande',
    );
  });

  it('shows Hägersten-Älvsjö as answered on kommunstyrelsen’s status board, and the answer in its compilation', async () => {
    const sara = await city.as('sara.ekstrom@stockholm.se');
    const board = await ctx
      .http()
      .get(`/api/v1/consultations/${remiss.consultationId}/status-board`)
      .set(sara)
      .expect(200);
    const ha = (board.body as { recipients: { name: string; state: string; diaryNumber: string }[] }).recipients.find(
      (r) => r.name === 'Hägersten-Älvsjö stadsdelsnämnd',
    );
    expect(ha).toMatchObject({ state: 'answered', diaryNumber: 'HÄ 2025/578' });
    expect((board.body as { counts: Record<string, number> }).counts).toMatchObject({ answered: 1, registered: 10 });
    const compilation = await ctx
      .http()
      .get(`/api/v1/consultations/${remiss.consultationId}/compilation`)
      .set(sara)
      .expect(200);
    const c = compilation.body as {
      counts: Record<string, number>;
      overall: { name: string; position: string; comment: string }[];
      notAnswered: unknown[];
    };
    expect(c.counts).toMatchObject({ supports: 1, notAnswered: 10, declined: 0 });
    expect(c.overall).toEqual([
      expect.objectContaining({
        name: 'Hägersten-Älvsjö stadsdelsnämnd',
        position: 'supports',
        comment: expect.stringContaining('Förvaltningen välkomnar att staden tagit fram'),
      }),
    ]);
    expect(c.notAnswered).toHaveLength(10);
    const ks = await ctx.http().get(`/api/v1/consultations/${remiss.consultationId}`).set(sara).expect(200);
    const senderDocs = await ctx
      .http()
      .get(`/api/v1/cases/${(ks.body as { caseId: string }).caseId}/documents`)
      .set(await city.as('per.holm@stockholm.se'))
      .expect(200);
    const incoming = (
      senderDocs.body as { direction: string; title: string; file: { sha256: string; mediaType: string } | null }[]
    ).filter((d) => d.direction === 'incoming');
    expect(incoming.map((d) => d.title)).toEqual([
      'Yttrande från Hägersten-Älvsjö stadsdelsnämnd: Handlingsplan för romsk inkludering (§ 12, 2025-10-23)',
    ]);
    // It arrives with its file: the signed yttrande the board adopted, byte for byte.
    const maja = await city.as('maja.lindqvist@stockholm.se');
    const decided = (await ctx.http().get(`/api/v1/statements/${statement.id}`).set(maja).expect(200))
      .body as Statement;
    const yttrande = (
      await ctx.http().get(`/api/v1/issued-documents?subjectId=${decided.decision!.id}`).set(maja).expect(200)
    ).body as IssuedDocument[];
    const signedYttrande = yttrande.find((d) => d.kind === 'board_statement');
    expect(incoming[0]!.file).toMatchObject({ sha256: signedYttrande!.sha256, mediaType: 'application/pdf' });
    // The compilation as a signed PDF, asked for and followed until it is made.
    const asked = await ctx
      .http()
      .post(`/api/v1/consultations/${remiss.consultationId}/compilation.pdf`)
      .set(sara)
      .expect(202);
    expect(asked.body).toMatchObject({ kind: 'compilation', revision: 1 });
    await ctx.drain();
    const made = await ctx
      .http()
      .get(`/api/v1/issued-documents/${(asked.body as IssuedDocument).id}`)
      .set(sara)
      .expect(200);
    expect(made.body).toMatchObject({ status: 'signed' });
    const again = await ctx
      .http()
      .post(`/api/v1/consultations/${remiss.consultationId}/compilation.pdf`)
      .set(sara)
      .expect(202);
    expect((again.body as IssuedDocument).id).toBe((asked.body as IssuedDocument).id); // nothing new to compile
  });

  it('lets nothing in the statement change after the decision', async () => {
    const response = await ctx
      .http()
      .put(`/api/v1/statements/${statement.id}`)
      .set(await city.as('jens.westlund@stockholm.se'))
      .send({ baseRevision: 3, parts: { ...statement.revision.parts, summary: 'Ändrad efter beslutet.' } })
      .expect(409);
    expect(response.body).toMatchObject({ code: 'statement.frozen' });
  });

  /** Every signed document the reference case produced, as the registrar downloads them. */
  async function issuedPdfs(): Promise<{ document: IssuedDocument; pdf: Buffer }[]> {
    const maja = await city.as('maja.lindqvist@stockholm.se');
    const sara = await city.as('sara.ekstrom@stockholm.se');
    const [decision] = await ctx.query<{ id: string }>(`SELECT id FROM board_decisions WHERE statement_id = $1`, [
      statement.id,
    ]);
    const lists = [
      ...((await ctx.http().get('/api/v1/issued-documents').query({ subjectId: statement.id }).set(maja).expect(200))
        .body as IssuedDocument[]),
      ...((await ctx.http().get('/api/v1/issued-documents').query({ subjectId: decision!.id }).set(maja).expect(200))
        .body as IssuedDocument[]),
    ];
    const missiv = (
      await ctx.http().get('/api/v1/issued-documents').query({ subjectId: remiss.consultationId }).set(sara).expect(200)
    ).body as IssuedDocument[];
    const out: { document: IssuedDocument; pdf: Buffer }[] = [];
    for (const [document, as] of [...lists.map((d) => [d, maja] as const), ...missiv.map((d) => [d, sara] as const)]) {
      const file = await ctx
        .http()
        .get(`/api/v1/issued-documents/${document.id}/file`)
        .set(as)
        .buffer(true)
        .parse(asBytes)
        .expect(200)
        .expect('content-type', 'application/pdf');
      out.push({ document, pdf: file.body as Buffer });
    }
    return out;
  }

  it('issues the tjänsteutlåtande, the yttrande, the protokollsutdrag, the missiv and the compilation as signed PDFs', async () => {
    const documents = await issuedPdfs();
    expect(documents.map((d) => d.document.kind).sort()).toEqual([
      'board_statement',
      'compilation',
      'covering_letter',
      'minutes_extract',
      'official_report',
    ]);
    for (const { document, pdf } of documents) {
      expect(document.status).toBe('signed');
      expect(sha256(pdf)).toBe(document.sha256);
    }
  });

  it('prints the tjänsteutlåtande in the city’s layout with a PAdES signature every tool accepts', async () => {
    const { pdf } = (await issuedPdfs()).find((d) => d.document.kind === 'official_report')!;
    const signature = reportSignature(pdf);
    expect(signature.pdfsig).toContain('Signature is Valid');
    expect(signature.pdfsig).toContain('Total document signed');
    expect(signature.pdfsig).toContain('ETSI.CAdES.detached');
    // The administration's seal signs the administration's report, not the board.
    expect(signature.pdfsig).toContain('Signer Certificate Common Name: Hägersten-Älvsjö stadsdelsförvaltning');
    expect(signature.pdfsig).not.toContain('Hägersten-Älvsjö stadsdelsnämnd');
    expect(signature.cms).toContain('id-smime-aa-signingCertificateV2');
    expect(signature.cms).not.toMatch(/signingTime/i);

    const inspection = inspectPdf(pdf);
    expect(inspection.info).toMatch(/^Tagged:\s+yes$/m);
    expect(inspection.info).toMatch(/^Title:\s+Handlingsplan för romsk inkludering$/m);
    expect(inspection.info).toMatch(/^Author:\s+Hägersten-Älvsjö stadsdelsförvaltning$/m);
    expect(inspection.info).toMatch(/^Keywords:.*HÄ 2025\/578/m);
    const fonts = inspection.fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/ yes +yes +yes /); // embedded, subset, unicode map
    }
    expect(inspection.qpdfCheck).toContain('No syntax or stream encoding errors found');
    expect(inspection.xmp).toContain('<pdfaid:part>2</pdfaid:part>');

    const r = REFERENCE_CASE.recipient;
    let text = normalise(inspection.text);
    expect(text).toContain(`${r.administration} Tjänsteutlåtande Dnr ${r.diaryNumber}`);
    // The meeting it was approved for stands in the header, as in the original.
    expect(text).toContain(`Till ${r.board} ${r.meetingDate}`);
    expect(text).toContain(`${r.streetAddress} ${r.postalCode} ${r.postalTown}`);
    expect(text).toContain(r.footerEmail);
    expect(text).toContain('Lee Orberson stadsdelsdirektör');
    // The page furniture out, so that sentences crossing the page break read whole.
    const footer = `${r.administration} ${r.department} ${r.streetAddress} ${r.postalCode} ${r.postalTown} ${r.footerEmail} ${r.website}`;
    text = text
      .split(footer)
      .join(' ')
      .split(`${r.administration} Tjänsteutlåtande Dnr ${r.diaryNumber} Sida 2 (2)`)
      .join(' ');
    const expected = referenceBodyParts().flatMap(sentences);
    expect(missingInOrder(normalise(text), expected)).toEqual([]);
  });

  it('prints the board’s meeting and paragraph in the yttrande, and every position in the compilation', async () => {
    const documents = await issuedPdfs();
    const text = (kind: string): string =>
      normalise(inspectPdf(documents.find((d) => d.document.kind === kind)!.pdf).text);
    const yttrande = text('board_statement');
    expect(yttrande).toContain('Hägersten-Älvsjö stadsdelsnämnd, sammanträde 2025-10-23, § 12');
    expect(yttrande).not.toContain('§ §');
    expect(yttrande).toContain('Beslutat av Hägersten-Älvsjö stadsdelsnämnd, § 12');
    expect(text('minutes_extract')).toContain('Protokoll från sammanträde 2025-10-23 § 12');
    // The compilation holds what its JSON holds: the position on the whole remiss first. The
    // tjänsteutlåtande takes no position on the three sections, so no section lists it.
    const compilation = text('compilation');
    expect(
      missingInOrder(compilation, [
        'Hela remissen Hägersten-Älvsjö stadsdelsnämnd Tillstyrker. Förvaltningen välkomnar att staden tagit fram',
        ...REFERENCE_CASE.sender.sections.map(
          (x) => `${x.title} Ingen remissinstans har tagit ställning till eller kommenterat denna del.`,
        ),
      ]),
    ).toEqual([]);
    expect(compilation).not.toContain('Inget ställningstagande');
  });

  it('renders the approved revision to the same bytes every time before signing', async () => {
    const { document } = (await issuedPdfs()).find((d) => d.document.kind === 'official_report')!;
    const issuer = ctx.get(DocumentIssuerService);
    const view = (await ctx.get(IssuanceService).findById(document.id))!;
    const first = await issuer.renderUnsigned(view);
    ctx.clock.set('2027-03-01T12:00:00+01:00', { running: true });
    expect((await issuer.renderUnsigned(view)).equals(first)).toBe(true);
  });

  it('says issued and unaltered for every document it issued, with the facts of the issue', async () => {
    const jens = await city.as('jens.westlund@stockholm.se');
    for (const { document, pdf } of await issuedPdfs()) {
      const answer = await ctx
        .http()
        .post('/api/v1/verification')
        .set(jens)
        .attach('file', pdf, { filename: 'vilket-namn-som-helst.pdf', contentType: 'application/pdf' })
        .expect(200);
      expect(answer.body).toMatchObject({
        verdict: 'issued_unaltered',
        document: { id: document.id, kind: document.kind, revision: document.revision, sha256: document.sha256 },
      });
    }
    const { pdf } = (await issuedPdfs()).find((d) => d.document.kind === 'official_report')!;
    const answer = await ctx
      .http()
      .post('/api/v1/verification')
      .set(await city.as('sara.ekstrom@stockholm.se'))
      .attach('file', pdf, { filename: 'x.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(answer.body).toMatchObject({
      verdict: 'issued_unaltered',
      document: {
        organisation: { name: 'Hägersten-Älvsjö stadsdelsnämnd' },
        diaryNumber: 'HÄ 2025/578',
        documentNumber: expect.stringMatching(/^HÄ 2025\/578-\d+$/),
        revision: 3,
        signatories: [
          { name: 'Alexander Baena', title: 'avdelningschef', approvedAt: '2025-09-24 15:02' },
          { name: 'Lee Orberson', title: 'stadsdelsdirektör', approvedAt: '2025-09-25 09:14' },
        ],
        signedAt: expect.any(String),
      },
    });
  });

  it('says altered when any single byte inside the signed range is flipped', async () => {
    const { pdf } = (await issuedPdfs()).find((d) => d.document.kind === 'official_report')!;
    const verification = ctx.get(VerificationService);
    const text = pdf.toString('latin1');
    const open = text.lastIndexOf('/Contents <') + '/Contents '.length;
    const close = text.indexOf('>', open);
    const signed = [...Array(pdf.length).keys()].filter((i) => i < open || i > close);
    // Every 41st byte of the signed range, and the first and last few.
    const positions = [...signed.slice(0, 5), ...signed.filter((_, i) => i % 41 === 0), ...signed.slice(-5)];
    expect(positions.length).toBeGreaterThan(500);
    const wrong: { position: number; verdict: string }[] = [];
    for (const position of positions) {
      const altered = Buffer.from(pdf);
      altered[position] = altered[position]! ^ 0x20;
      const answer = await verification.verify(altered);
      if (answer.verdict !== 'altered') {
        wrong.push({ position, verdict: answer.verdict });
      }
    }
    expect(wrong).toEqual([]);
    const flipped = Buffer.from(pdf);
    flipped[Math.floor(open / 2)] = flipped[Math.floor(open / 2)]! ^ 0x01;
    const answer = await ctx
      .http()
      .post('/api/v1/verification')
      .set(await city.as('jens.westlund@stockholm.se'))
      .attach('file', flipped, { filename: 'x.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(answer.body).toMatchObject({ verdict: 'altered', document: { diaryNumber: 'HÄ 2025/578' } });
  });

  it('says not issued here for a PDF signed elsewhere, even in the same name, and for an unsigned one', async () => {
    const { pdf } = (await issuedPdfs()).find((d) => d.document.kind === 'official_report')!;
    const elsewhere = generateDevelopmentCertificate({
      commonName: 'Hägersten-Älvsjö stadsdelsförvaltning',
      organisationalUnit: 'Hägersten-Älvsjö stadsdelsförvaltning',
      organisation: 'Stockholms stad',
      validFrom: new Date('2025-01-01T00:00:00Z'),
    });
    const jens = await city.as('jens.westlund@stockholm.se');
    const unsigned = await samplePdf(['Tjänsteutlåtande', 'Dnr HÄ 2025/578']);
    const identity = loadSigningIdentity(elsewhere.p12, elsewhere.passphrase);
    for (const candidate of [
      await samplePdf(['Tjänsteutlåtande', 'Dnr HÄ 2025/578'], identity),
      unsigned,
      pdf.subarray(0, 400),
    ]) {
      const answer = await ctx
        .http()
        .post('/api/v1/verification')
        .set(jens)
        .attach('file', candidate, { filename: 'Tjänsteutlåtande HÄ 2025-578.pdf', contentType: 'application/pdf' })
        .expect(200);
      expect(answer.body).toMatchObject({ verdict: 'not_issued' });
    }
  });
});
