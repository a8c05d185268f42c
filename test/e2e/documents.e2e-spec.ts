import { ConsultationService } from '@app/consultation';
import { OrganisationKind } from '@app/directory';
import { DocumentIssuerService, SigningCertificateService } from '@app/document';
import { DocumentKind, IssuanceService } from '@app/issuance';
import { sha256 } from '@app/pdf';
import { Db, PermanentJobFailure, personActor, Role } from '@app/platform';
import type { TestPerson } from '@app/testing';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expectNothingChanged } from '../support/snapshot.js';
import { statementWorld, type StatementWorld } from '../support/statement-world.js';
import { reportSignature } from '../support/pdf-tools.js';
import { asBytes } from '../support/files.js';
import { TestContext } from '../support/test-context.js';

interface IssuedDocument {
  id: string;
  kind: string;
  status: string;
  failureReason: string | null;
  sha256: string | null;
  certificateFingerprint: string | null;
}

/** A PKCS#12 made by openssl with a Swedish subject, as an organisation's real certificate would be. */
function makePkcs12(directory: string, options: { subject: string; passphrase: string; days?: number }): Buffer {
  const run = (...args: string[]): void => {
    const result = spawnSync('openssl', args, { cwd: directory, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
    }
  };
  const name = randomUUID();
  run(
    'req',
    '-x509',
    '-utf8',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-subj',
    options.subject,
    '-days',
    String(options.days ?? 365),
  );
  run(
    'pkcs12',
    '-export',
    '-inkey',
    `${name}.key`,
    '-in',
    `${name}.pem`,
    '-passout',
    `pass:${options.passphrase}`,
    '-out',
    `${name}.p12`,
  );
  return readFileSync(join(directory, `${name}.p12`));
}

/** The signing certificates, the documents' progress and what the system never lets out. */
describe('issued documents and signing certificates', () => {
  let ctx: TestContext;
  let world: StatementWorld;
  let admin: TestPerson;
  let directory: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    directory = mkdtempSync(join(tmpdir(), 'remiss-certificates-'));
    world = await statementWorld(ctx);
    admin = await ctx.factories.person(world.organisationId, { roles: [Role.Administrator] });
  });

  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    await ctx.close();
  });

  async function declineLetter(): Promise<IssuedDocument> {
    const registrar = await ctx.as(world.registrar);
    await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${world.recipientId}/decline`)
      .set(registrar)
      .send({ reason: 'Nämnden avstår från att yttra sig i ärendet.', decidedBy: world.director.id })
      .expect((r) => expect([200, 409]).toContain(r.status)); // 409: declined by an earlier test
    await ctx.drain();
    const list = await ctx
      .http()
      .get('/api/v1/issued-documents')
      .query({ subjectId: world.recipientId })
      .set(registrar)
      .expect(200);
    return (list.body as IssuedDocument[]).find((d) => d.kind === 'decline_letter')!;
  }

  it('signs with a development certificate in the administration’s Swedish name until one is installed', async () => {
    // The recipient has signed nothing yet: no certificate.
    const none = await ctx
      .http()
      .get('/api/v1/signing-certificate')
      .set(await ctx.as(admin))
      .expect(200);
    expect(none.text === '' || none.text === 'null').toBe(true);
    // The sender signed the missiv of its remiss with one made for it.
    const sender = world.senderOfficer.organisationId;
    const senderAdmin = await ctx.factories.person(sender, { roles: [Role.Administrator] });
    const made = await ctx
      .http()
      .get('/api/v1/signing-certificate')
      .set(await ctx.as(senderAdmin))
      .expect(200);
    const [organisation] = await ctx.query<{ name: string; administration_name: string }>(
      `SELECT name, administration_name FROM organisations WHERE id = $1`,
      [sender],
    );
    // The organisation's e-seal, in its administration's name, not the board's.
    expect(made.body).toMatchObject({
      kind: 'development',
      subject: `${organisation!.administration_name}, Stockholms stad`,
    });
    expect(JSON.stringify(made.body)).not.toContain(organisation!.name);
    expect(JSON.stringify(made.body)).not.toMatch(/pkcs12|passphrase|PRIVATE KEY/i);
    const [missiv] = await ctx.query<{ certificate_fingerprint: string }>(
      `SELECT certificate_fingerprint FROM issued_documents WHERE kind = 'covering_letter' AND subject_id = $1`,
      [world.consultationId],
    );
    expect(missiv!.certificate_fingerprint).toBe((made.body as { fingerprintSha256: string }).fingerprintSha256);
  });

  it('installs the organisation’s own certificate for its administrator, never handing the key back', async () => {
    const p12 = makePkcs12(directory, {
      subject: '/C=SE/O=Stockholms stad/CN=Nämnden för Ängby och Örby',
      passphrase: 'hemligt-lösen',
    });
    const headers = await ctx.as(admin);
    const installed = await ctx
      .http()
      .put('/api/v1/signing-certificate')
      .set(headers)
      .field('passphrase', 'hemligt-lösen')
      .attach('file', p12, { filename: 'nämnden.p12', contentType: 'application/x-pkcs12' })
      .expect(200);
    expect(installed.body).toMatchObject({
      kind: 'configured',
      subject: expect.stringContaining('Nämnden för Ängby och Örby'),
      fingerprintSha256: expect.stringMatching(/^[0-9a-f:]+$/i),
    });
    const text = JSON.stringify(installed.body);
    expect(text).not.toContain('hemligt-lösen');
    expect(text).not.toMatch(/pkcs12|passphrase|PRIVATE KEY/i);
    expect(text).not.toContain(p12.toString('base64').slice(0, 40));
    const current = await ctx.http().get('/api/v1/signing-certificate').set(headers).expect(200);
    expect(current.body).toEqual(installed.body);

    // The next document is signed with it.
    const letter = await declineLetter();
    expect(letter).toMatchObject({
      status: 'signed',
      certificateFingerprint: (installed.body as { fingerprintSha256: string }).fingerprintSha256,
    });
    const file = await ctx
      .http()
      .get(`/api/v1/issued-documents/${letter.id}/file`)
      .set(await ctx.as(world.registrar))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const pdf = file.body as Buffer;
    expect(sha256(pdf)).toBe(letter.sha256);
    const signature = reportSignature(pdf);
    expect(signature.pdfsig).toContain('Signature is Valid');
    expect(signature.pdfsig).toContain('Nämnden för Ängby och Örby');

    // Neither the key, the container nor the passphrase is in a job, an audit record or a notification.
    const leaks = await ctx.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM outbox_jobs WHERE payload::text ~* 'passphrase|pkcs12|private|hemligt')
            + (SELECT count(*) FROM audit_records WHERE before::text || after::text ~* 'passphrase|pkcs12|private|hemligt')
            + (SELECT count(*) FROM notification_messages WHERE body ~* 'hemligt') AS n`,
    );
    expect(Number(leaks[0]!.n)).toBe(0);
  });

  describe('refuses a certificate it cannot use with a problem, and keeps the one it has', () => {
    afterEach(() => ctx.clock.reset());

    it.each([
      ['a wrong passphrase', () => makePkcs12(directory, { subject: '/CN=Fel', passphrase: 'rätt' }), 'fel', 0],
      ['bytes that are no PKCS#12', () => Buffer.from('inte ett certifikat'), 'x', 0],
      // A one-day certificate, presented a month later.
      [
        'a certificate that has expired',
        () => makePkcs12(directory, { subject: '/CN=Gammal', passphrase: 'gammalt-lösen', days: 1 }),
        'gammalt-lösen',
        30,
      ],
    ])('%s', async (_name, bytes, passphrase, daysLater) => {
      const p12 = bytes();
      ctx.clock.set(new Date(Date.now() + daysLater * 24 * 3600 * 1000), { running: true });
      const headers = await ctx.as(admin);
      const response = await expectNothingChanged(ctx, () =>
        ctx
          .http()
          .put('/api/v1/signing-certificate')
          .set(headers)
          .field('passphrase', passphrase)
          .attach('file', p12, { filename: 'cert.p12', contentType: 'application/x-pkcs12' }),
      );
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(response.body)).not.toContain(passphrase === 'x' ? 'inte ett certifikat' : passphrase);
    });

    it('without a passphrase', async () => {
      const headers = await ctx.as(admin);
      const response = await expectNothingChanged(ctx, () =>
        ctx
          .http()
          .put('/api/v1/signing-certificate')
          .set(headers)
          .attach('file', Buffer.from('x'), { filename: 'cert.p12', contentType: 'application/x-pkcs12' }),
      );
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  it('makes a new development certificate when the old one expires, and signs nothing with an expired installed one', async () => {
    const certificates = ctx.get(SigningCertificateService);
    const other = await ctx.factories.organisation();
    const first = await certificates.identityFor(other.id);
    try {
      ctx.clock.set(new Date(first.validTo.getTime() + 24 * 3600 * 1000));
      const renewed = await certificates.identityFor(other.id);
      expect(renewed.fingerprintSha256).not.toBe(first.fingerprintSha256);
      expect(renewed.validTo.getTime()).toBeGreaterThan(ctx.clock.now().getTime());
      expect(renewed.commonName).toBe(first.commonName);
      const retired = await ctx.query<{ action: string }>(
        `SELECT a.action FROM audit_records a JOIN signing_certificates c ON c.id::text = a.entity_id
         WHERE c.fingerprint_sha256 = $1`,
        [first.fingerprintSha256],
      );
      expect(retired.map((r) => r.action)).toContain('signing_certificate.expired');
      // The organisation's own certificate (installed above, valid a year) is not replaced.
      ctx.clock.set(new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000));
      await expect(certificates.identityFor(world.organisationId)).rejects.toMatchObject({
        code: 'document.certificate_expired',
      });
    } finally {
      ctx.clock.reset();
    }
  });

  it('shows a document that cannot be made as failed, with the reason', async () => {
    const issuance = ctx.get(IssuanceService);
    const requested = await ctx.get(Db).transaction((tx) =>
      issuance.request(tx, {
        kind: DocumentKind.OfficialReport,
        subjectId: randomUUID(), // no such statement
        revision: 1,
        organisationId: world.organisationId,
        caseId: world.caseId,
      }),
    );
    await ctx.drain();
    const response = await ctx
      .http()
      .get(`/api/v1/issued-documents/${requested.id}`)
      .set(await ctx.as(world.registrar))
      .expect(200);
    expect(response.body).toMatchObject({ status: 'failed', sha256: null, failureReason: expect.any(String) });
    expect((response.body as IssuedDocument).failureReason!.length).toBeGreaterThan(5);
    const file = await ctx
      .http()
      .get(`/api/v1/issued-documents/${requested.id}/file`)
      .set(await ctx.as(world.registrar))
      .expect(409);
    expect(file.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('stores a document whose case was closed meanwhile, opening the case again as its registrar would', async () => {
    const w = await statementWorld(ctx);
    const as = async (p: TestPerson) => ctx.as(p);
    let s = (
      await ctx
        .http()
        .post('/api/v1/statements')
        .set(await as(w.officer))
        .send({ caseId: w.caseId })
        .expect(201)
    ).body as { id: string; currentRevision: number; revision: { parts: Record<string, unknown> } };
    s = (
      await ctx
        .http()
        .put(`/api/v1/statements/${s.id}`)
        .set(await as(w.officer))
        .send({ baseRevision: 1, parts: { ...s.revision.parts, summary: 'Förvaltningen tillstyrker.' } })
        .expect(200)
    ).body as typeof s;
    const step = async (who: TestPerson, action: 'submit' | 'approve', seen?: number) =>
      ctx
        .http()
        .post(`/api/v1/statements/${s.id}/${action}`)
        .set(await as(who))
        .send({ revision: 2, ...(seen ? { step: seen } : {}) })
        .expect(200);
    await step(w.officer, 'submit');
    await step(w.head, 'approve', 1);
    // The registrar closes the case while the director gives the last approval.
    const registrar = await as(w.registrar);
    await ctx.http().post(`/api/v1/cases/${w.caseId}/close`).set(registrar).expect(200);
    await step(w.director, 'approve', 2);
    await ctx.drain();
    const [report] = (
      await ctx.http().get('/api/v1/issued-documents').query({ subjectId: s.id }).set(registrar).expect(200)
    ).body as IssuedDocument[];
    expect(report).toMatchObject({ kind: 'official_report', status: 'signed' });
    const reopened = await ctx.http().get(`/api/v1/cases/${w.caseId}`).set(registrar).expect(200);
    expect(reopened.body).toMatchObject({ status: 'open' });
    const audit = await ctx
      .http()
      .get('/api/v1/audit/records')
      .query({ entityType: 'case', entityId: w.caseId })
      .set(registrar)
      .expect(200);
    expect((audit.body as { action: string }[]).map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.closed', 'case.reopened']),
    );
  });

  it('withholds a signed document marked secret from those the registry withholds it from', async () => {
    const letter = await declineLetter();
    const registrar = await ctx.as(world.registrar);
    const made = (await ctx.http().get(`/api/v1/issued-documents/${letter.id}`).set(registrar).expect(200)).body as {
      registeredDocumentId: string;
    };
    await ctx
      .http()
      .put(`/api/v1/documents/${made.registeredDocumentId}/secrecy`)
      .set(registrar)
      .send({ ground: 'OSL 26 kap. 1 §' })
      .expect(200);
    const withheld = await ctx
      .http()
      .get(`/api/v1/issued-documents/${letter.id}/file`)
      .set(await ctx.as(world.otherOfficer))
      .expect(403);
    expect(withheld.body).toMatchObject({ code: 'registry.file_withheld' });
    // Its file name, which carries the title, is withheld in the listing too.
    const listed = async (who: TestPerson) =>
      (
        (
          await ctx
            .http()
            .get(`/api/v1/issued-documents/${letter.id}`)
            .set(await ctx.as(who))
            .expect(200)
        ).body as {
          fileName: string;
        }
      ).fileName;
    expect(await listed(world.otherOfficer)).toBe('Sekretessmarkerad handling.pdf');
    expect(await listed(world.registrar)).toMatch(/^Avstående .+ Program för trygghet\.pdf$/);
    await ctx.http().get(`/api/v1/issued-documents/${letter.id}/file`).set(registrar).expect(200);
  });

  it('renders the same document to the same bytes before signing, whenever it is rendered', async () => {
    const [missiv] = await ctx.query<{ id: string }>(
      `SELECT id FROM issued_documents WHERE kind = 'covering_letter' AND subject_id = $1`,
      [world.consultationId],
    );
    const issuer = ctx.get(DocumentIssuerService);
    const document = (await ctx.get(IssuanceService).findById(missiv!.id))!;
    const first = await issuer.renderUnsigned(document);
    ctx.clock.set('2031-02-03T04:05:06Z');
    const second = await issuer.renderUnsigned(document);
    expect(second.equals(first)).toBe(true);
    const signedAgain = await issuer.renderAndSign(document);
    expect(signedAgain.unsigned.length).toBeGreaterThan(first.length); // the signature placeholder is added
  });
});

/** A document whose signing fails for a while: back in the queue, and failed on the queue's last attempt. */
describe('a document the time-stamping authority keeps from being signed', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    // Nothing listens on the discard port; no worker runs, the test runs the job itself.
    ctx = await TestContext.create({ worker: false, env: { SIGNING_TSA_URL: 'http://127.0.0.1:9/tsa' } });
  });

  afterAll(() => ctx.close());

  it('goes back to the queue after a failed attempt and is failed, with the reason, after the last', async () => {
    const sender = await ctx.factories.organisation({ kind: OrganisationKind.ExecutiveBoard });
    const officer = await ctx.factories.person(sender.id, { roles: [Role.CaseOfficer] });
    const recipient = await ctx.factories.organisation();
    const actor = personActor(officer.id, sender.id, [Role.CaseOfficer]);
    const consultations = ctx.get(ConsultationService);
    const draft = await consultations.create(actor, {
      title: 'Plan för stadens parker',
      responseDeadline: '2099-06-30',
      recipients: { organisationIds: [recipient.id] },
    });
    await consultations.send(actor, draft.id);
    const [missiv] = await ctx.get(IssuanceService).forSubjects([draft.id]);
    const issuer = ctx.get(DocumentIssuerService);

    await expect(issuer.issue(missiv!.id)).rejects.toMatchObject({ code: 'signing.timestamp_failed' });
    expect(await ctx.get(IssuanceService).findById(missiv!.id)).toMatchObject({
      status: 'queued',
      failureReason: expect.any(String),
    });

    await expect(issuer.issue(missiv!.id, { lastAttempt: true })).rejects.toBeInstanceOf(PermanentJobFailure);
    const failed = await ctx.get(IssuanceService).findById(missiv!.id);
    expect(failed).toMatchObject({ status: 'failed', sha256: null });
    expect(failed!.failureReason!.length).toBeGreaterThan(5);

    // Once the time-stamping service is back, a registrar puts it back in the queue; only a
    // registrar, and only a failed document.
    const registrar = await ctx.factories.person(sender.id, { roles: [Role.Registrar] });
    const retry = `/api/v1/issued-documents/${missiv!.id}/retry`;
    await ctx
      .http()
      .post(retry)
      .set(await ctx.as(officer))
      .expect(403);
    const retried = await ctx
      .http()
      .post(retry)
      .set(await ctx.as(registrar))
      .expect(202);
    expect(retried.body).toMatchObject({ id: missiv!.id, status: 'queued', failureReason: null });
    const jobs = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_jobs WHERE name = 'document.render' AND payload->>'documentId' = $1`,
      [missiv!.id],
    );
    expect(jobs[0]!.n).toBe(2);
    // No worker runs here, so "nothing changed" is read directly: no third job, still queued.
    const again = await ctx
      .http()
      .post(retry)
      .set(await ctx.as(registrar))
      .expect(409);
    expect(again.body).toMatchObject({ code: 'document.not_failed' });
    const after = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_jobs WHERE name = 'document.render' AND payload->>'documentId' = $1`,
      [missiv!.id],
    );
    expect(after[0]!.n).toBe(2);
    expect(await ctx.get(IssuanceService).findById(missiv!.id)).toMatchObject({ status: 'queued' });
  });
});
