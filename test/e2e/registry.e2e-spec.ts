import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';
import { createHash } from 'node:crypto';

import { PNG_BYTES, samplePdf } from '../support/files.js';
import { expectNothingChanged } from '../support/snapshot.js';
import { TestContext } from '../support/test-context.js';

describe('the registry (diarium)', () => {
  let ctx: TestContext;
  let registrar: TestPerson;
  let officer: TestPerson;
  let otherOfficer: TestPerson;
  let prefix: string;
  let organisationId: string;
  let departmentId: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    ctx.clock.set('2025-03-10T09:00:00+01:00', { running: true });
    const org = await ctx.factories.organisation();
    organisationId = org.id;
    prefix = org.diaryPrefix!;
    departmentId = (await ctx.factories.department(org.id)).id;
    registrar = await ctx.factories.person(org.id, { roles: [Role.Registrar] });
    officer = await ctx.factories.person(org.id, { roles: [Role.CaseOfficer], departmentId });
    otherOfficer = await ctx.factories.person(org.id, { roles: [Role.CaseOfficer], departmentId });
  });

  afterAll(() => ctx.close());

  async function registerCase(
    title = 'Ansökan om bidrag',
    by: TestPerson = registrar,
  ): Promise<{ id: string; diaryNumber: string }> {
    const response = await ctx
      .http()
      .post('/api/v1/cases')
      .set(await ctx.as(by))
      .send({ title })
      .expect(201);
    return response.body as { id: string; diaryNumber: string };
  }

  it('numbers cases PREFIX YEAR/N from 1 per series and year', async () => {
    const first = await registerCase('Första ärendet');
    const second = await registerCase('Andra ärendet', officer);
    expect(first.diaryNumber).toBe(`${prefix} 2025/1`);
    expect(second.diaryNumber).toBe(`${prefix} 2025/2`);
    ctx.clock.set('2026-01-02T09:00:00+01:00', { running: true });
    try {
      expect((await registerCase('Nytt år')).diaryNumber).toBe(`${prefix} 2026/1`);
    } finally {
      ctx.clock.set('2025-03-10T10:00:00+01:00', { running: true });
    }
  });

  it('uses the year of Stockholm, not of the server, at New Year', async () => {
    ctx.clock.set('2025-12-31T23:30:00Z'); // 00:30 on 1 January 2026 in Stockholm
    try {
      const c = await registerCase('Nyårsnatt');
      expect(c.diaryNumber).toMatch(new RegExp(`^${prefix} 2026/\\d+$`));
    } finally {
      ctx.clock.set('2025-03-10T10:00:00+01:00', { running: true });
    }
  });

  it('numbers documents within the case and keeps annulled ones visible', async () => {
    const c = await registerCase();
    const headers = await ctx.as(registrar);
    const one = await ctx
      .http()
      .post(`/api/v1/cases/${c.id}/documents`)
      .set(headers)
      .send({
        direction: 'incoming',
        kind: 'ansökan',
        title: 'Ansökan',
        documentDate: '2025-03-07',
        counterpart: 'Föreningen Gemenskap',
      })
      .expect(201);
    expect(one.body).toMatchObject({
      documentNumber: `${c.diaryNumber}-1`,
      documentDate: '2025-03-07',
      registeredOn: '2025-03-10',
    });
    const two = await ctx
      .http()
      .post(`/api/v1/cases/${c.id}/documents`)
      .set(headers)
      .send({ direction: 'internal', kind: 'anteckning', title: 'Fel ärende' })
      .expect(201);
    await ctx
      .http()
      .post(`/api/v1/documents/${(two.body as { id: string }).id}/annul`)
      .set(headers)
      .send({ reason: 'Registrerad i fel ärende.' })
      .expect(200);
    const list = await ctx.http().get(`/api/v1/cases/${c.id}/documents`).set(headers).expect(200);
    expect(
      (list.body as { documentNumber: string; annulled: { reason: string } | null }[]).map((d) => [
        d.documentNumber,
        d.annulled?.reason ?? null,
      ]),
    ).toEqual([
      [`${c.diaryNumber}-1`, null],
      [`${c.diaryNumber}-2`, 'Registrerad i fel ärende.'],
    ]);
  });

  it('assigns a case, and closes it so it takes no new documents until reopened', async () => {
    const c = await registerCase();
    const headers = await ctx.as(registrar);
    await ctx
      .http()
      .post(`/api/v1/cases/${c.id}/assign`)
      .set(headers)
      .send({ departmentId, personId: officer.id })
      .expect(200);
    const closed = await ctx.http().post(`/api/v1/cases/${c.id}/close`).set(headers).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: registrar.id, responsiblePersonId: officer.id });
    const refused = await expectNothingChanged(ctx, () =>
      ctx
        .http()
        .post(`/api/v1/cases/${c.id}/documents`)
        .set(headers)
        .send({ direction: 'incoming', kind: 'brev', title: 'Sent brev' })
        .expect(409),
    );
    expect(refused.body).toMatchObject({ code: 'registry.case_closed' });
    await ctx.http().post(`/api/v1/cases/${c.id}/reopen`).set(headers).expect(200);
    await ctx
      .http()
      .post(`/api/v1/cases/${c.id}/documents`)
      .set(headers)
      .send({ direction: 'incoming', kind: 'brev', title: 'Sent brev' })
      .expect(201);
  });

  it('classifies cases from the records plan only', async () => {
    const headers = await ctx.as(registrar);
    await ctx
      .http()
      .post('/api/v1/registry/records-plan')
      .set(headers)
      .send({ code: '1.4.2', title: 'Remisser' })
      .expect(201);
    await ctx
      .http()
      .post('/api/v1/cases')
      .set(headers)
      .send({ title: 'Remiss', classificationCode: '1.4.2' })
      .expect(201);
    const refused = await expectNothingChanged(ctx, () =>
      ctx.http().post('/api/v1/cases').set(headers).send({ title: 'Remiss', classificationCode: '9.9.9' }).expect(422),
    );
    expect(refused.body).toMatchObject({ code: 'registry.classification_unknown' });
  });

  it('masks a secret document’s title and withholds its file from those without access, and records lifting the mark', async () => {
    const c = await registerCase('Ärende med känsliga uppgifter');
    await ctx
      .http()
      .post(`/api/v1/cases/${c.id}/assign`)
      .set(await ctx.as(registrar))
      .send({ personId: officer.id })
      .expect(200);
    const pdf = await samplePdf(['Utredning om enskild']);
    const registered = await ctx
      .http()
      .post(`/api/v1/cases/${c.id}/documents`)
      .set(await ctx.as(registrar))
      .field('direction', 'incoming')
      .field('kind', 'utredning')
      .field('title', 'Utredning om Anna Andersson')
      .attach('file', pdf, { filename: 'utredning.pdf', contentType: 'application/pdf' })
      .expect(201);
    const id = (registered.body as { id: string }).id;
    await ctx
      .http()
      .put(`/api/v1/documents/${id}/secrecy`)
      .set(await ctx.as(registrar))
      .send({ ground: 'OSL 26 kap. 1 §' })
      .expect(200);

    const outsider = await ctx.as(otherOfficer);
    const seen = await ctx.http().get(`/api/v1/documents/${id}`).set(outsider).expect(200);
    expect(seen.body).toMatchObject({
      title: 'Sekretessmarkerad handling (OSL 26 kap. 1 §)',
      masked: true,
      file: null,
      secrecy: { ground: 'OSL 26 kap. 1 §' },
    });
    await ctx.http().get(`/api/v1/documents/${id}/file`).set(outsider).expect(403);
    const search = await ctx.http().get('/api/v1/documents').query({ q: 'Anna Andersson' }).set(outsider).expect(200);
    expect((search.body as { total: number }).total).toBe(0);

    const responsible = await ctx
      .http()
      .get(`/api/v1/documents/${id}`)
      .set(await ctx.as(officer))
      .expect(200);
    expect(responsible.body).toMatchObject({ title: 'Utredning om Anna Andersson', masked: false });
    await ctx
      .http()
      .get(`/api/v1/documents/${id}/file`)
      .set(await ctx.as(officer))
      .expect(200);

    await ctx
      .http()
      .post(`/api/v1/documents/${id}/secrecy/lift`)
      .set(await ctx.as(registrar))
      .send({ reason: 'Ny sekretessprövning.' })
      .expect(200);
    const audit = await ctx
      .http()
      .get('/api/v1/audit/records')
      .query({ entityType: 'registered_document', entityId: id })
      .set(await ctx.as(registrar))
      .expect(200);
    expect((audit.body as { action: string }[]).map((a) => a.action)).toEqual([
      'document.secrecy_lifted',
      'document.secrecy_marked',
      'document.registered',
    ]);
    expect((await ctx.http().get(`/api/v1/documents/${id}`).set(outsider).expect(200)).body).toMatchObject({
      title: 'Utredning om Anna Andersson',
      masked: false,
    });
  });

  it('stores a file once per SHA-256 and serves it back with its Swedish name', async () => {
    const pdf = await samplePdf(['Samma innehåll', 'åäö']);
    const headers = await ctx.as(registrar);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await registerCase(`Ärende ${i}`);
      const r = await ctx
        .http()
        .post(`/api/v1/cases/${c.id}/documents`)
        .set(headers)
        .field('direction', 'incoming')
        .field('kind', 'skrivelse')
        .field('title', 'Skrivelse')
        .attach('file', pdf, { filename: 'Skrivelse från Älvsjö föräldraförening.pdf', contentType: 'application/pdf' })
        .expect(201);
      ids.push((r.body as { id: string }).id);
    }
    const sha = createHash('sha256').update(pdf).digest('hex');
    const [row] = await ctx.query<{ n: number; chunks: number }>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM file_chunks c JOIN file_blobs b ON b.id = c.blob_id WHERE b.sha256 = $1) AS chunks FROM file_blobs WHERE sha256 = $1`,
      [sha],
    );
    expect(row).toEqual({ n: 1, chunks: 1 });
    const download = await ctx.http().get(`/api/v1/documents/${ids[2]}/file`).set(headers).buffer(true).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(pdf.length));
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Skrivelse fr?n ?lvsj? f?r?ldraf?rening.pdf"; filename*=UTF-8''Skrivelse%20fr%C3%A5n%20%C3%84lvsj%C3%B6%20f%C3%B6r%C3%A4ldraf%C3%B6rening.pdf`,
    );
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
  });

  it('streams a large file in and out in chunks', async () => {
    const c = await registerCase('Stor bilaga');
    const big = Buffer.concat([Buffer.from('Rad med text åäö\n'.repeat(60_000), 'utf8')]);
    const r = await ctx
      .http()
      .post(`/api/v1/cases/${c.id}/documents`)
      .set(await ctx.as(registrar))
      .field('direction', 'incoming')
      .field('kind', 'bilaga')
      .field('title', 'Lång textfil')
      .attach('file', big, { filename: 'lång.txt', contentType: 'text/plain' })
      .expect(201);
    const [blob] = await ctx.query<{ chunk_count: number; size: string }>(
      `SELECT chunk_count, size::text FROM file_blobs WHERE sha256 = $1`,
      [createHash('sha256').update(big).digest('hex')],
    );
    expect(blob).toEqual({ chunk_count: Math.ceil(big.length / (256 * 1024)), size: String(big.length) });
    const download = await ctx
      .http()
      .get(`/api/v1/documents/${(r.body as { id: string }).id}/file`)
      .set(await ctx.as(registrar))
      .buffer(true)
      .expect(200);
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(createHash('sha256').update(download.text).digest('hex')).toBe(
      createHash('sha256').update(big).digest('hex'),
    );
  });

  it('searches and lists cases by number, title, status, dates and officer, a page at a time', async () => {
    const headers = await ctx.as(registrar);
    const mine = await registerCase('Trafiksäkerhet vid Älvsjö skola');
    await ctx
      .http()
      .post(`/api/v1/cases/${mine.id}/assign`)
      .set(headers)
      .send({ personId: otherOfficer.id })
      .expect(200);
    const byTitle = await ctx.http().get('/api/v1/cases').query({ q: 'trafiksäkerhet' }).set(headers).expect(200);
    expect((byTitle.body as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([mine.id]);
    const byNumber = await ctx
      .http()
      .get('/api/v1/cases')
      .query({ diaryNumber: mine.diaryNumber })
      .set(headers)
      .expect(200);
    expect((byNumber.body as { total: number }).total).toBe(1);
    const byOfficer = await ctx
      .http()
      .get('/api/v1/cases')
      .query({ responsiblePersonId: otherOfficer.id })
      .set(headers)
      .expect(200);
    expect((byOfficer.body as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([mine.id]);
    const page = await ctx
      .http()
      .get('/api/v1/cases')
      .query({ limit: 2, offset: 1, status: 'open', registeredFrom: '2025-01-01', registeredTo: '2025-12-31' })
      .set(headers)
      .expect(200);
    expect(page.body).toMatchObject({ limit: 2, offset: 1 });
    expect((page.body as { items: unknown[]; total: number }).items).toHaveLength(2);
    expect((page.body as { total: number }).total).toBeGreaterThan(3);
  });

  describe('bad input gets a 4xx problem and changes nothing', () => {
    it.each([
      [
        'a file whose content is not its declared type',
        () => ({ bytes: PNG_BYTES, filename: 'rapport.pdf', type: 'application/pdf' }),
        415,
        'registry.file_type_mismatch',
      ],
      [
        'a file type outside the allow-list',
        () => ({ bytes: Buffer.from('MZ\x90\x00'), filename: 'program.exe', type: 'application/octet-stream' }),
        415,
        'registry.file_type_not_allowed',
      ],
      [
        'a name and a media type that disagree',
        () => ({ bytes: PNG_BYTES, filename: 'bild.png', type: 'application/pdf' }),
        415,
        'registry.file_type_mismatch',
      ],
      [
        'a text file with binary content',
        () => ({ bytes: Buffer.from([0x41, 0x00, 0x42]), filename: 'a.txt', type: 'text/plain' }),
        415,
        'registry.file_type_mismatch',
      ],
      [
        'a document declared DOCX that is a plain ZIP',
        () => ({
          bytes: Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100)]),
          filename: 'a.docx',
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
        415,
        'registry.file_type_mismatch',
      ],
    ])('%s', async (_name, file, status, code) => {
      const c = await registerCase();
      const f = file();
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .post(`/api/v1/cases/${c.id}/documents`)
          .set(await ctx.as(registrar))
          .field('direction', 'incoming')
          .field('kind', 'bilaga')
          .field('title', 'Bilaga')
          .attach('file', f.bytes, { filename: f.filename, contentType: f.type }),
      );
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ code });
    });

    it('an oversized file', async () => {
      const small = await TestContext.create({ env: { FILE_MAX_BYTES: '4096' } });
      try {
        const org = await small.factories.organisation();
        const reg = await small.factories.person(org.id, { roles: [Role.Registrar] });
        const c = (
          await small
            .http()
            .post('/api/v1/cases')
            .set(await small.as(reg))
            .send({ title: 'Stort' })
            .expect(201)
        ).body as { id: string };
        const response = await expectNothingChanged(small, async () =>
          small
            .http()
            .post(`/api/v1/cases/${c.id}/documents`)
            .set(await small.as(reg))
            .field('direction', 'incoming')
            .field('kind', 'bilaga')
            .field('title', 'För stor')
            .attach('file', Buffer.alloc(20_000, 0x41), { filename: 'stor.txt', contentType: 'text/plain' }),
        );
        expect(response.status).toBe(413);
        expect(response.body).toMatchObject({ code: 'registry.file_too_large' });
      } finally {
        await small.close();
      }
    });

    it('a malformed diary number', async () => {
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .get('/api/v1/cases')
          .query({ diaryNumber: 'HÄ-2025-578' })
          .set(await ctx.as(registrar)),
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'registry.diary_number_invalid' });
    });

    it('registering in another organisation’s case', async () => {
      const other = await ctx.factories.organisation();
      const otherRegistrar = await ctx.factories.person(other.id, { roles: [Role.Registrar] });
      const theirs = (
        await ctx
          .http()
          .post('/api/v1/cases')
          .set(await ctx.as(otherRegistrar))
          .send({ title: 'Deras' })
          .expect(201)
      ).body as { id: string };
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .post(`/api/v1/cases/${theirs.id}/documents`)
          .set(await ctx.as(registrar))
          .send({ direction: 'incoming', kind: 'brev', title: 'Intrång' }),
      );
      expect(response.status).toBe(404);
    });

    it('moving a series backwards', async () => {
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .put('/api/v1/registry/series/2025')
          .set(await ctx.as(registrar))
          .send({ nextNumber: 1 }),
      );
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'registry.series_start_too_low' });
    });

    it('a series start for a year beyond any integer the registry holds, naming the field', async () => {
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .put('/api/v1/registry/series/99999999999')
          .set(await ctx.as(registrar))
          .send({ nextNumber: 5 }),
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'request.invalid', errors: [{ field: 'year' }] });
    });

    it.each([['0'], ['-3']])('a series start for the year %s', async (year) => {
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .put(`/api/v1/registry/series/${year}`)
          .set(await ctx.as(registrar))
          .send({ nextNumber: 5 }),
      );
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'registry.year_invalid' });
    });

    it('an invalid secrecy ground', async () => {
      const c = await registerCase();
      const d = (
        await ctx
          .http()
          .post(`/api/v1/cases/${c.id}/documents`)
          .set(await ctx.as(registrar))
          .send({ direction: 'incoming', kind: 'brev', title: 'Brev' })
          .expect(201)
      ).body as { id: string };
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .put(`/api/v1/documents/${d.id}/secrecy`)
          .set(await ctx.as(registrar))
          .send({ ground: 'hemligt' }),
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'registry.secrecy_ground_invalid' });
    });

    it('an impossible date', async () => {
      const c = await registerCase();
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .post(`/api/v1/cases/${c.id}/documents`)
          .set(await ctx.as(registrar))
          .send({ direction: 'incoming', kind: 'brev', title: 'Brev', documentDate: '2025-02-30' }),
      );
      expect(response.status).toBe(400);
    });
  });

  it('keeps the organisation’s audit chain intact through all of this', async () => {
    const response = await ctx
      .http()
      .get('/api/v1/audit/verify')
      .set(await ctx.as(registrar))
      .expect(200);
    expect(response.body).toMatchObject({ organisationId, valid: true });
  });
});
