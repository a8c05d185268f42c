import type { TestPerson } from '@app/testing';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Response } from 'superagent';
import request from 'supertest';

import { createApiApp } from '../../apps/api/src/api-app.js';
import { readEmail } from '../support/email.js';
import { asBytes } from '../support/files.js';
import { pdfText } from '../support/pdf-tools.js';
import {
  adoptStatement,
  markSecret,
  OPEN_TITLE,
  registerSecretLetter,
  type SecrecyOrganisation,
  secretDocuments,
  type SecrecyWorld,
  sendRemiss,
  secrecyOrganisations,
} from '../support/secrecy-world.js';
import { expectNothingChanged } from '../support/snapshot.js';
import { TestContext } from '../support/test-context.js';

interface Entry {
  id: string;
  title: string;
  counterpart: string | null;
  file: { name: string; sha256: string } | null;
  secrecy: { ground: string } | null;
  masked: boolean;
}

const masked = (ground: string) => `Sekretessmarkerad handling (${ground})`;

/** A document marked secret under OSL stays secret wherever it travels: copies, letters, prints, audit, caches, logs. */
describe('secrecy that travels with the document', () => {
  let ctx: TestContext;
  let sender: SecrecyOrganisation;
  let district: SecrecyOrganisation;
  let secrets: SecrecyWorld['secrets'];

  beforeAll(async () => {
    ctx = await TestContext.create();
    ({ sender, district } = await secrecyOrganisations(ctx));
    secrets = await secretDocuments();
  });

  afterAll(() => ctx.close());

  async function get(who: TestPerson, path: string): Promise<Response> {
    return ctx
      .http()
      .get(path)
      .set(await ctx.as(who));
  }

  async function bytes(who: TestPerson, path: string): Promise<Response> {
    return ctx
      .http()
      .get(path)
      .set(await ctx.as(who))
      .buffer(true)
      .parse(asBytes);
  }

  async function entry(who: TestPerson, id: string): Promise<Entry> {
    const response = await get(who, `/api/v1/documents/${id}`);
    expect(response.status).toBe(200);
    return response.body as Entry;
  }

  it('registers the recipient’s copy with the sender’s marking, which its registrar may review and lift', async () => {
    const remiss = await sendRemiss(ctx, { sender, district }, secrets.remiss);
    const copy = remiss.districtEntries.secret;
    // In the district's registry the copy is secret under the sender's ground.
    const listed = (await get(district.otherOfficer, `/api/v1/cases/${remiss.districtCaseId}/documents`))
      .body as Entry[];
    expect(listed.find((d) => d.id === copy)).toMatchObject({
      title: masked(secrets.remiss.ground),
      file: null,
      secrecy: { ground: secrets.remiss.ground },
      masked: true,
    });
    expect(JSON.stringify(listed)).not.toContain('Lindgården');
    const searched = await get(district.otherOfficer, '/api/v1/documents?q=Lindg%C3%A5rden');
    expect(searched.body).toMatchObject({ total: 0 });
    const refused = await expectNothingChanged(ctx, () =>
      bytes(district.otherOfficer, `/api/v1/documents/${copy}/file`),
    );
    expect(refused.status).toBe(403);
    expect((refused.body as Buffer).includes(secrets.remiss.bytes)).toBe(false);
    // The remiss view at the district follows its copy, as the registry does.
    const view = (await get(district.otherOfficer, `/api/v1/consultations/${remiss.consultationId}`)).body as {
      documents: { id: string; title: string; masked: boolean }[];
    };
    expect(view.documents.find((d) => d.id === remiss.consultationDocumentIds.secret)).toMatchObject({
      title: masked(secrets.remiss.ground),
      masked: true,
    });
    // The district's registrar and the responsible officer see it, to review it.
    expect(await entry(district.registrar, copy)).toMatchObject({ title: secrets.remiss.title, masked: false });
    expect(await entry(district.responsibleOfficer, copy)).toMatchObject({ title: secrets.remiss.title });
    const downloaded = await bytes(district.responsibleOfficer, `/api/v1/documents/${copy}/file`);
    expect(downloaded.status).toBe(200);
    expect((downloaded.body as Buffer).equals(secrets.remiss.bytes)).toBe(true);
    // The registrar lifts the marking of her copy: her organisation sees it, the sender's marking stays.
    await ctx
      .http()
      .post(`/api/v1/documents/${copy}/secrecy/lift`)
      .set(await ctx.as(district.registrar))
      .send({ reason: 'Prövad: uppgifterna omfattas inte av sekretess hos nämnden.' })
      .expect(200);
    expect(await entry(district.otherOfficer, copy)).toMatchObject({ title: secrets.remiss.title, masked: false });
    const opened = await bytes(
      district.otherOfficer,
      `/api/v1/consultations/${remiss.consultationId}/documents/${remiss.consultationDocumentIds.secret}/file`,
    );
    expect(opened.status).toBe(200);
    expect(await entry(sender.otherOfficer, remiss.senderEntries.secret)).toMatchObject({ masked: true });
    const audit = await get(
      district.registrar,
      `/api/v1/audit/records?entityType=registered_document&entityId=${copy}`,
    );
    expect((audit.body as { action: string }[]).map((a) => a.action)).toEqual([
      'document.secrecy_lifted',
      'document.registered',
    ]);
  });

  it('carries a marking made after sending to the copies already registered', async () => {
    const remiss = await sendRemiss(ctx, { sender, district }, secrets.remiss, { markBeforeSending: false });
    const copy = remiss.districtEntries.secret;
    expect(await entry(district.otherOfficer, copy)).toMatchObject({ title: secrets.remiss.title, masked: false });
    await markSecret(ctx, sender.registrar, remiss.senderEntries.secret, secrets.remiss.ground);
    expect(await entry(district.otherOfficer, copy)).toMatchObject({
      title: masked(secrets.remiss.ground),
      masked: true,
      file: null,
    });
    const audit = await get(
      district.registrar,
      `/api/v1/audit/records?entityType=registered_document&entityId=${copy}`,
    );
    expect(audit.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'document.secrecy_marked',
          organisationId: district.id,
          actingOrganisationId: sender.id,
          after: expect.objectContaining({ secrecyGround: secrets.remiss.ground }) as unknown,
        }),
      ]),
    );
    // The public draft went unmarked.
    expect(await entry(district.otherOfficer, remiss.districtEntries.open)).toMatchObject({ masked: false });
  });

  it('prints the masked title in the signed missiv, the pre-filled statement, the tjänsteutlåtande and the yttrande', async () => {
    const remiss = await sendRemiss(ctx, { sender, district }, secrets.remiss);
    const missiv = await bytes(district.otherOfficer, `/api/v1/consultations/${remiss.consultationId}/covering-letter`);
    expect(missiv.status).toBe(200);
    const missivText = pdfText(missiv.body as Buffer);
    expect(missivText).toContain(masked(secrets.remiss.ground));
    expect(missivText).toContain(OPEN_TITLE);
    expect(missivText).not.toContain('Lindgården');
    // The officer who may read the plan pre-fills the statement: the attachment is named masked.
    const { statementId, decisionId } = await adoptStatement(ctx, district, remiss.districtCaseId);
    const statement = (await get(district.head, `/api/v1/statements/${statementId}`)).body as {
      revision: { parts: { attachments: { title: string }[] } };
    };
    expect(statement.revision.parts.attachments.map((a) => a.title)).toEqual([
      masked(secrets.remiss.ground),
      OPEN_TITLE,
    ]);
    const printed = async (subjectId: string, kind: string) => {
      const list = (await get(district.registrar, `/api/v1/issued-documents?subjectId=${subjectId}`)).body as {
        id: string;
        kind: string;
      }[];
      const id = list.find((d) => d.kind === kind)!.id;
      return pdfText((await bytes(district.registrar, `/api/v1/issued-documents/${id}/file`)).body as Buffer);
    };
    for (const text of [await printed(statementId, 'official_report'), await printed(decisionId, 'board_statement')]) {
      expect(text).toContain(masked(secrets.remiss.ground));
      expect(text).not.toContain('Lindgården');
    }
  });

  it('names an attachment marked secret after the statement was pre-filled by its masked title', async () => {
    const remiss = await sendRemiss(ctx, { sender, district }, secrets.remiss, { markBeforeSending: false });
    const created = await ctx
      .http()
      .post('/api/v1/statements')
      .set(await ctx.as(district.responsibleOfficer))
      .send({ caseId: remiss.districtCaseId })
      .expect(201);
    const id = (created.body as { id: string }).id;
    expect(JSON.stringify(created.body)).toContain('Lindgården');
    await markSecret(ctx, district.registrar, remiss.districtEntries.secret, 'OSL 18 kap. 8 §');
    for (const path of [`/api/v1/statements/${id}`, `/api/v1/statements/${id}/revisions`]) {
      const read = await get(district.director, path);
      expect(read.status).toBe(200);
      expect(read.text).not.toContain('Lindgården');
      expect(read.text).toContain(masked('OSL 18 kap. 8 §'));
    }
  });

  it('never attaches a secret file to the letter for an external recipient, and says how to ask for it', async () => {
    const remiss = await sendRemiss(ctx, { sender, district }, secrets.remiss);
    // Even the officer who may read the plan in the registry gets a letter without it.
    const response = await get(
      sender.responsibleOfficer,
      `/api/v1/consultation-recipients/${remiss.externalRecipientId}/letter`,
    );
    expect(response.status).toBe(200);
    const letter = readEmail(response.text);
    expect(letter.attachments.map((a) => a.fileName)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Missiv /), 'program.pdf']),
    );
    expect(letter.attachments).toHaveLength(2);
    expect(letter.attachments.some((a) => a.content.includes(secrets.remiss.bytes))).toBe(false);
    expect(letter.text).not.toContain('Lindgården');
    expect(letter.text).not.toContain(secrets.remiss.fileName);
    expect(letter.text).toContain(`– ${masked(secrets.remiss.ground)}`);
    expect(letter.text).toContain('offentlighets- och sekretesslagen (OSL)');
    expect(letter.text).toContain(sender.registryEmail);
    // The officer without access is refused the file in the registry, and nothing changes.
    const refused = await expectNothingChanged(ctx, () =>
      bytes(sender.otherOfficer, `/api/v1/documents/${remiss.senderEntries.secret}/file`),
    );
    expect(refused.status).toBe(403);
  });

  it('masks what a secret document’s audit records hold from an administrator who is not a registrar', async () => {
    const remiss = await sendRemiss(ctx, { sender, district }, secrets.remiss);
    const letter = await registerSecretLetter(ctx, sender.registrar, remiss.senderCaseId, secrets.senderLetter);
    const records = async (who: TestPerson, entityType: string, entityId: string) =>
      get(who, `/api/v1/audit/records?entityType=${entityType}&entityId=${entityId}`);
    const [blob] = await ctx.query<{ file_blob_id: string }>(
      `SELECT file_blob_id FROM registered_documents WHERE id = $1`,
      [letter],
    );
    const adminView = await records(sender.administrator, 'registered_document', letter);
    expect(adminView.status).toBe(200);
    for (const secret of [
      'Anna Andersson',
      secrets.senderLetter.title,
      secrets.senderLetter.fileName,
      blob!.file_blob_id,
    ]) {
      expect(adminView.text).not.toContain(secret);
    }
    expect(adminView.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'document.registered',
          after: expect.objectContaining({
            title: masked(secrets.senderLetter.ground),
            counterpart: 'Sekretessmarkerad uppgift',
            fileName: 'Sekretessmarkerad handling.pdf',
          }) as unknown,
        }),
      ]),
    );
    // The remiss's own records list its files: the secret one is masked there too.
    const remissRecords = await records(sender.administrator, 'consultation', remiss.consultationId);
    expect(remissRecords.text).toContain('program.pdf');
    expect(remissRecords.text).not.toContain(secrets.remiss.fileName);
    const copyRecords = await records(district.administrator, 'registered_document', remiss.districtEntries.secret);
    expect(copyRecords.text).not.toContain('Lindgården');
    // Registrars read them whole.
    const registrarView = await records(sender.registrar, 'registered_document', letter);
    expect(registrarView.text).toContain('Anna Andersson');
    expect(registrarView.text).toContain(secrets.senderLetter.title);
    // A case officer is refused the audit trail, and nothing changes.
    const refused = await expectNothingChanged(ctx, () =>
      records(sender.responsibleOfficer, 'registered_document', letter),
    );
    expect(refused.status).toBe(403);
  });

  it('masks a secret document’s counterpart with its title', async () => {
    const remiss = await sendRemiss(ctx, { sender, district }, secrets.remiss);
    const letter = await registerSecretLetter(ctx, district.registrar, remiss.districtCaseId, secrets.recipientLetter);
    for (const path of [
      `/api/v1/documents/${letter}`,
      `/api/v1/cases/${remiss.districtCaseId}/documents`,
      '/api/v1/documents',
    ]) {
      const read = await get(district.head, path);
      expect(read.status).toBe(200);
      expect(read.text).not.toContain('Bertil Berg');
      expect(read.text).toContain('Sekretessmarkerad uppgift');
    }
    // The copy of the remiss's secret plan names its sender only to those who may read it.
    expect(await entry(district.director, remiss.districtEntries.secret)).toMatchObject({
      counterpart: 'Sekretessmarkerad uppgift',
    });
    expect(await entry(district.director, remiss.districtEntries.open)).toMatchObject({ counterpart: sender.name });
    expect(await entry(district.responsibleOfficer, letter)).toMatchObject({ counterpart: 'Bertil Berg' });
    expect(await entry(district.registrar, letter)).toMatchObject({ counterpart: 'Bertil Berg' });
    const refused = await expectNothingChanged(ctx, () => bytes(district.head, `/api/v1/documents/${letter}/file`));
    expect(refused.status).toBe(403);
  });

  it('shows of a withheld file only what the rule allows: no hash, size, type, signatories or file id', async () => {
    const remiss = await sendRemiss(ctx, { sender, district }, secrets.remiss);
    const view = (await get(district.otherOfficer, `/api/v1/consultations/${remiss.consultationId}`)).body as {
      documents: Record<string, unknown>[];
    };
    expect(view.documents.find((d) => d.id === remiss.consultationDocumentIds.secret)).toEqual(
      expect.objectContaining({
        fileName: 'Sekretessmarkerad handling.pdf',
        size: null,
        mediaType: null,
        sha256: null,
        masked: true,
      }),
    );
    expect(view.documents.find((d) => d.id === remiss.consultationDocumentIds.open)).toEqual(
      expect.objectContaining({ fileName: 'program.pdf', mediaType: 'application/pdf', masked: false }),
    );
    // A signed document marked secret: the tjänsteutlåtande, signed by the head and the director.
    const { statementId } = await adoptStatement(ctx, district, remiss.districtCaseId);
    const list = (await get(district.registrar, `/api/v1/issued-documents?subjectId=${statementId}`)).body as {
      id: string;
      kind: string;
      registeredDocumentId: string;
    }[];
    const report = list.find((d) => d.kind === 'official_report')!;
    await markSecret(ctx, district.registrar, report.registeredDocumentId, 'OSL 39 kap. 3 §');
    const withheld = (await get(district.otherOfficer, `/api/v1/issued-documents/${report.id}`)).body as Record<
      string,
      unknown
    >;
    expect(withheld).toMatchObject({
      status: 'signed',
      sha256: null,
      fileBlobId: null,
      signatories: null,
      fileName: 'Sekretessmarkerad handling.pdf',
    });
    const listed = (await get(district.otherOfficer, `/api/v1/issued-documents?subjectId=${statementId}`)).body as {
      id: string;
    }[];
    expect(listed.find((d) => d.id === report.id)).toEqual(withheld);
    const refused = await expectNothingChanged(ctx, () =>
      bytes(district.otherOfficer, `/api/v1/issued-documents/${report.id}/file`),
    );
    expect(refused.status).toBe(403);
    const whole = (await get(district.registrar, `/api/v1/issued-documents/${report.id}`)).body as Record<
      string,
      unknown
    >;
    expect(whole).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    expect((whole.signatories as unknown[]).length).toBe(2);
  });

  it('keeps answers out of caches, and search terms out of the log', async () => {
    const remiss = await sendRemiss(ctx, { sender, district }, secrets.remiss);
    const file = await bytes(sender.registrar, `/api/v1/documents/${remiss.senderEntries.secret}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');
    const json = await get(sender.registrar, `/api/v1/documents/${remiss.senderEntries.secret}`);
    expect(json.headers['cache-control']).toBe('no-store');
    const refused = await expectNothingChanged(ctx, () =>
      bytes(sender.otherOfficer, `/api/v1/documents/${remiss.senderEntries.secret}/file`),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers['cache-control']).toBe('no-store');

    // An API with a logger writing where the test reads it.
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const api = await createApiApp(ctx.config, { clock: ctx.clock, logger });
    try {
      await request(api.app.getHttpServer())
        .get('/api/v1/documents')
        .query({ q: 'Anna Andersson', limit: 5 })
        .set(await ctx.as(sender.registrar))
        .expect(200);
    } finally {
      await api.app.close();
    }
    const log = lines.join('');
    expect(log).toContain('"queryParameters":["q","limit"]');
    expect(log).toContain('"url":"/api/v1/documents"');
    expect(log).not.toContain('Andersson');
    expect(log).not.toContain('limit=5');
  });
});
