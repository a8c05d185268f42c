import { REFERENCE_CASE } from '@app/testing';
import { createHash } from 'node:crypto';

import { asBytes, samplePdf } from '../support/files.js';
import { seedStockholm, type Stockholm } from '../support/stockholm.js';
import { TestContext } from '../support/test-context.js';

// Board names take the genitive of the district, as the city writes them.
const DISTRICTS = [
  'Järva',
  'Hässelby-Vällingby',
  'Bromma',
  'Kungsholmens',
  'Norra innerstadens',
  'Södermalms',
  'Enskede-Årsta-Vantörs',
  'Skarpnäcks',
  'Farsta',
  'Hägersten-Älvsjö',
  'Skärholmens',
].map((d) => `${d} stadsdelsnämnd`);

/**
 * The reference remiss: kommunstyrelsen sends "Handlingsplan för romsk inkludering" with its
 * three focus areas and a PDF to the eleven stadsdelsnämnder; each registers it in its own
 * diarium, Hägersten-Älvsjö as HÄ 2025/578.
 */
describe('sending the reference remiss to the eleven district boards', () => {
  let ctx: TestContext;
  let city: Stockholm;
  let consultationId: string;
  let pdf: Buffer;

  beforeAll(async () => {
    ctx = await TestContext.create();
    ctx.clock.set('2025-09-15T08:00:00+02:00', { running: true });
    city = await seedStockholm(ctx);
    pdf = await samplePdf(['Handlingsplan för romsk inkludering 2030', 'Remissversion']);
  });

  afterAll(() => ctx.close());

  it('lets Hägersten-Älvsjö’s registrar continue the series at 578', async () => {
    const response = await ctx
      .http()
      .put('/api/v1/registry/series/2025')
      .set(await city.as('maja.lindqvist@stockholm.se'))
      .send({ nextNumber: 578 })
      .expect(200);
    expect(response.body).toMatchObject({ prefix: 'HÄ', year: 2025, nextNumber: 578 });
  });

  it('lets the sender’s case officer draft the remiss with its sections, recipients and remissunderlag', async () => {
    const sara = await city.as('sara.ekstrom@stockholm.se');
    const created = await ctx
      .http()
      .post('/api/v1/consultations')
      .set(sara)
      .send({
        title: REFERENCE_CASE.sender.remissTitle,
        description:
          'Kommunstyrelsen remitterar förslaget till handlingsplan för romsk inkludering.\n\nSynpunkter på de tre fokusområdena är särskilt välkomna.',
        responseDeadline: '2025-11-07',
        sections: REFERENCE_CASE.sender.sections.map((s) => ({ title: s.title, description: s.description })),
        recipients: { groups: ['district_boards'] },
      })
      .expect(201);
    const draft = created.body as {
      id: string;
      status: string;
      senderDiaryNumber: string;
      sections: { title: string }[];
      recipients: { name: string }[];
    };
    consultationId = draft.id;
    expect(draft.status).toBe('draft');
    expect(draft.senderDiaryNumber).toMatch(/^KS 2025\/\d+$/);
    expect(draft.sections.map((s) => s.title)).toEqual([
      'Kunskap och information',
      'Välfärd och service',
      'Delaktighet och inflytande',
    ]);
    expect(draft.recipients.map((r) => r.name).sort()).toEqual([...DISTRICTS].sort());

    const withFile = await ctx
      .http()
      .post(`/api/v1/consultations/${consultationId}/documents`)
      .set(sara)
      .field('title', REFERENCE_CASE.statement.attachments[0])
      .attach('file', pdf, {
        filename: 'Remissunderlag – Handlingsplan för romsk inkludering 2030.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
    expect((withFile.body as { documents: { sha256: string; fileName: string }[] }).documents).toEqual([
      expect.objectContaining({
        sha256: createHash('sha256').update(pdf).digest('hex'),
        fileName: 'Remissunderlag – Handlingsplan för romsk inkludering 2030.pdf',
      }),
    ]);
  });

  it('sends it; the worker registers it at every recipient, Hägersten-Älvsjö as HÄ 2025/578', async () => {
    await ctx
      .http()
      .post(`/api/v1/consultations/${consultationId}/send`)
      .set(await city.as('sara.ekstrom@stockholm.se'))
      .expect(200);
    await ctx.drain();
    const board = await ctx
      .http()
      .get(`/api/v1/consultations/${consultationId}/status-board`)
      .set(await city.as('sara.ekstrom@stockholm.se'))
      .expect(200);
    const body = board.body as {
      total: number;
      counts: Record<string, number>;
      recipients: { name: string; state: string; diaryNumber: string; responseDeadline: string; overdue: boolean }[];
    };
    expect(body.total).toBe(11);
    expect(body.counts).toMatchObject({ registered: 11, overdue: 0 });
    expect(body.recipients.map((r) => r.name).sort()).toEqual([...DISTRICTS].sort());
    const ha = body.recipients.find((r) => r.name === 'Hägersten-Älvsjö stadsdelsnämnd')!;
    expect(ha).toMatchObject({
      state: 'registered',
      diaryNumber: 'HÄ 2025/578',
      responseDeadline: '2025-11-07',
      overdue: false,
    });
    for (const r of body.recipients) {
      expect(r.diaryNumber).toMatch(/^[A-ZÅÄÖ]+ 2025\/\d+$/);
    }
    // The total counts what the filters select; the counts per state stay those of the whole remiss.
    const filtered = async (query: Record<string, string>) =>
      (
        await ctx
          .http()
          .get(`/api/v1/consultations/${consultationId}/status-board`)
          .query(query)
          .set(await city.as('sara.ekstrom@stockholm.se'))
          .expect(200)
      ).body as typeof body;
    for (const [query, total] of [
      [{ q: 'hägersten' }, 1],
      [{ q: 'Ingen sådan nämnd' }, 0],
      [{ state: 'answered' }, 0],
      [{ state: 'registered', q: 'skär' }, 1],
    ] as const) {
      const answer = await filtered(query);
      expect(answer.total).toBe(answer.recipients.length);
      expect(answer.total).toBe(total);
      expect(answer.counts).toMatchObject({ registered: 11 });
    }
  });

  it('registers the remiss and its attachment as incoming documents in Hägersten-Älvsjö’s case, linked to the sender’s number', async () => {
    const maja = await city.as('maja.lindqvist@stockholm.se');
    const found = await ctx.http().get('/api/v1/cases').query({ diaryNumber: 'HÄ 2025/578' }).set(maja).expect(200);
    const [haCase] = (
      found.body as {
        items: { id: string; title: string; counterpart: string; linkedDiaryNumber: string; registeredOn: string }[];
      }
    ).items;
    expect(haCase).toMatchObject({
      title: 'Handlingsplan för romsk inkludering',
      counterpart: 'Kommunstyrelsen',
      linkedDiaryNumber: expect.stringMatching(/^KS 2025\/\d+$/),
      registeredOn: '2025-09-15',
    });
    const documents = await ctx.http().get(`/api/v1/cases/${haCase!.id}/documents`).set(maja).expect(200);
    const docs = documents.body as {
      documentNumber: string;
      direction: string;
      kind: string;
      title: string;
      file: { name: string; sha256: string } | null;
    }[];
    expect(docs.map((d) => [d.documentNumber, d.direction, d.kind])).toEqual([
      ['HÄ 2025/578-1', 'incoming', 'remiss'],
      ['HÄ 2025/578-2', 'incoming', 'remissunderlag'],
    ]);
    // The remiss itself arrives as the signed missiv, the very file of the sender's outgoing copy.
    const [missiv] = await ctx.query<{ sha256: string; status: string }>(
      `SELECT sha256, status FROM issued_documents WHERE kind = 'covering_letter' AND subject_id = $1`,
      [consultationId],
    );
    expect(missiv).toMatchObject({ status: 'signed' });
    expect(docs[0]!.file).toMatchObject({ sha256: missiv!.sha256 });
    expect(docs[1]!.file).toMatchObject({
      name: 'Remissunderlag – Handlingsplan för romsk inkludering 2030.pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });

    const download = await ctx
      .http()
      .get(`/api/v1/documents/${(docs[1] as unknown as { id: string }).id}/file`)
      .set(maja)
      .buffer(true)
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''Remissunderlag%20%E2%80%93%20Handlingsplan%20f%C3%B6r%20romsk%20inkludering%202030.pdf",
    );
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
  });

  it('stores the attachment once however many recipients have it', async () => {
    const sha = createHash('sha256').update(pdf).digest('hex');
    const [blobs] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM file_blobs WHERE sha256 = $1`, [
      sha,
    ]);
    expect(blobs!.n).toBe(1);
    const [refs] = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM registered_documents d JOIN file_blobs b ON b.id = d.file_blob_id WHERE b.sha256 = $1`,
      [sha],
    );
    expect(refs!.n).toBe(12); // the sender's entry and one per recipient
  });

  it('tells every recipient’s registrars, and shows the remiss to recipients but not its other recipients’ details', async () => {
    const maja = await city.as('maja.lindqvist@stockholm.se');
    const inbox = await ctx.http().get('/api/v1/notifications').set(maja).expect(200);
    expect((inbox.body as { items: { kind: string; title: string }[] }).items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'consultation_received',
          title: 'Ny remiss: Handlingsplan för romsk inkludering',
        }),
      ]),
    );
    const received = await ctx.http().get('/api/v1/consultations').query({ role: 'received' }).set(maja).expect(200);
    const [remiss] = received.body as { id: string; asRecipient: { diaryNumber: string }; sections: unknown[] }[];
    expect(remiss).toMatchObject({ id: consultationId, asRecipient: { diaryNumber: 'HÄ 2025/578' } });
    expect(remiss!.sections).toHaveLength(3);
    await ctx.http().get(`/api/v1/consultations/${consultationId}/status-board`).set(maja).expect(404);
  });

  it('gives the status board as CSV that Swedish Excel opens', async () => {
    const csv = await ctx
      .http()
      .get(`/api/v1/consultations/${consultationId}/status-board.csv`)
      .set(await city.as('sara.ekstrom@stockholm.se'))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const bytes = csv.body as Buffer;
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Remissinstans;Diarienummer hos remissinstansen;Status;Försenad;Handläggare;Svarsdatum;Besvarad;Avstod;Skäl att avstå',
    );
    expect(lines).toContain('Hägersten-Älvsjö stadsdelsnämnd;HÄ 2025/578;Registrerad;Nej;;2025-11-07;;;');
    expect(lines.filter((l) => l.length > 0)).toHaveLength(12);
  });

  it('flags recipients as overdue once their deadline has passed', async () => {
    ctx.clock.set('2025-11-08T09:00:00+01:00', { running: true });
    try {
      const board = await ctx
        .http()
        .get(`/api/v1/consultations/${consultationId}/status-board`)
        .query({ overdue: true })
        .set(await city.as('sara.ekstrom@stockholm.se'))
        .expect(200);
      expect(board.body).toMatchObject({ counts: { overdue: 11 } });
      expect((board.body as { recipients: unknown[] }).recipients).toHaveLength(11);
    } finally {
      ctx.clock.set('2025-09-16T08:00:00+02:00', { running: true });
    }
  });
});
