import { MailService, NotificationService, StaffMailService } from '@app/notification';
import { Db } from '@app/platform';
import type { Attachment } from 'mailparser';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';

import { asBytes, samplePdf } from '../support/files.js';
import { reportSignature } from '../support/pdf-tools.js';
import {
  markSecret,
  REMISS_SECRET,
  type SecrecyOrganisation,
  secrecyOrganisations,
  secretDocuments,
  sendRemiss,
  type SentRemiss,
} from '../support/secrecy-world.js';
import { type ArrivedMail, TestSmtpServer } from '../support/smtp.js';
import { TestContext } from '../support/test-context.js';

const PASSWORD = `smtp-lösen-${randomBytes(6).toString('hex')}`;
/** The attachments above this total go as a link: the missiv and two small PDFs stay below it. */
const MAX_ATTACHMENT_BYTES = 2_000_000;

/**
 * E-mail over real SMTP: a server in the test's own process, what arrived read with mailparser.
 * The external recipient gets the remiss with its signed missiv and documents (a link above the
 * size limit), staff get what waits for them, a refusing server is retried or marked failed, and
 * no message or log line carries the SMTP password or a secret-marked title.
 */
describe('e-mail', () => {
  const smtp = new TestSmtpServer('remiss', PASSWORD);
  const logLines: string[] = [];
  let ctx: TestContext;
  let sender: SecrecyOrganisation;
  let district: SecrecyOrganisation;
  let remiss: SentRemiss;
  let externalEmail: string;

  beforeAll(async () => {
    await smtp.start();
    ctx = await TestContext.create({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Remiss Kommunen <remiss@kommunen.example.se>',
        MAIL_RATE_PER_SECOND: '500',
        MAIL_MAX_ATTACHMENT_BYTES: String(MAX_ATTACHMENT_BYTES),
        PUBLIC_URL: 'https://remiss.kommunen.example.se',
      },
      logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }),
    });
    ({ sender, district } = await secrecyOrganisations(ctx));
    remiss = await sendRemiss(ctx, { sender, district }, (await secretDocuments()).remiss);
    await ctx.drain();
    const [row] = await ctx.query<{ external_email: string }>(
      `SELECT external_email FROM consultation_recipients WHERE id = $1`,
      [remiss.externalRecipientId],
    );
    externalEmail = row!.external_email;
  });

  afterAll(async () => {
    await ctx.close();
    await smtp.stop();
  });

  const names = (m: ArrivedMail): string[] => m.parsed.attachments.map((a: Attachment) => a.filename ?? '');

  it('sends the external recipient the remiss with the signed missiv and the open document, never the secret one', async () => {
    const [mail] = await smtp.waitFor((m) => m.to.includes(externalEmail));
    const parsed = mail!.parsed;
    expect(parsed.subject).toMatch(/^Remiss: Program för trygga boenden \(.+\)$/);
    expect(parsed.to).toMatchObject({ value: [{ address: externalEmail, name: 'Föreningen Trygg' }] });
    expect(parsed.replyTo?.value[0]?.address).toBe(sender.registryEmail);
    expect(parsed.text).toContain('Svar senast 2099-12-31');
    expect(parsed.html).toContain('<p>');
    // Date in Stockholm time: +0100 in winter, +0200 in summer.
    expect(parsed.headers.get('date')).toBeDefined();
    expect(mail!.raw.toString('utf8')).toMatch(/^Date: .* \+0[12]00\r$/m);
    expect(names(mail!)).toEqual([expect.stringMatching(/^Missiv .*\.pdf$/), 'program.pdf']);
    const missiv = parsed.attachments[0]!.content;
    expect(reportSignature(missiv).pdfsig).toMatch(/Signature is Valid/i);
    // The secret plan is neither attached nor named; the letter says one is withheld under OSL.
    const everything = mail!.raw.toString('utf8') + (parsed.text ?? '');
    for (const word of REMISS_SECRET.words) {
      expect(everything).not.toContain(word);
    }
    expect(parsed.text).toContain('offentlighets- och sekretesslagen (OSL)');
    expect(parsed.messageId).toMatch(/@kommunen\.example\.se>$/);
  });

  it('shows the delivery on the sender’s status board', async () => {
    const board = await ctx
      .http()
      .get(`/api/v1/consultations/${remiss.consultationId}/status-board`)
      .set(await ctx.as(sender.registrar))
      .expect(200);
    expect((board.body as { deliveries: unknown[] }).deliveries).toEqual([
      expect.objectContaining({ recipientId: remiss.externalRecipientId, status: 'sent', address: externalEmail }),
    ]);
  });

  it('mails the officer a remiss assigned to them, with the diary number and title in the subject and a link', async () => {
    const officer = district.responsibleOfficer.email.toLowerCase();
    const [mail] = await smtp.waitFor(
      (m) => m.to.includes(officer) && /tilldelad|fått remissen/.test(m.parsed.subject ?? ''),
    );
    const [recipient] = await ctx.query<{ diary_number: string }>(
      `SELECT diary_number FROM consultation_recipients WHERE id = $1`,
      [remiss.recipientId],
    );
    expect(mail!.parsed.subject).toBe(`${recipient!.diary_number} Du har fått remissen Program för trygga boenden`);
    expect(mail!.parsed.text).toContain('https://remiss.kommunen.example.se/');
    expect(mail!.parsed.html).toContain('<a href="https://remiss.kommunen.example.se/');
  });

  it('sends what each person takes in the digest once, at 07:00, holding exactly what was new', async () => {
    const registrar = district.registrar;
    const staffMail = ctx.get(StaffMailService);
    // The district's registrar heard of the new remiss (a digest kind by default), not at once.
    expect(smtp.to(registrar.email).filter((m) => /Ny remiss/.test(m.parsed.subject ?? ''))).toEqual([]);
    ctx.clock.set(new Date(Date.now() + 3600_000));
    await staffMail.sendDigests();
    await staffMail.sendDigests(); // the same morning again: nothing more
    const [digest] = await smtp.waitFor(
      (m) => m.to.includes(registrar.email.toLowerCase()) && /sammanfattning/.test(m.parsed.subject ?? ''),
    );
    expect(digest!.parsed.text).toContain('Ny remiss: Program för trygga boenden');
    // The next morning holds only what came after.
    ctx.clock.set(new Date(Date.now() + 2 * 3600_000));
    await ctx.get(Db).transaction((tx) =>
      ctx.get(NotificationService).post(tx, {
        sourceKey: `test-digest:${randomBytes(4).toString('hex')}`,
        organisationId: district.id,
        audience: { personIds: [registrar.id] },
        kind: 'consultation_corrected',
        title: 'Rättelse av remissen Program för trygga boenden',
        body: 'Avsändaren har rättat remissunderlaget.',
      }),
    );
    ctx.clock.set(new Date(Date.now() + 25 * 3600_000));
    await staffMail.sendDigests();
    const digests = await smtp.waitFor(
      (m) => m.to.includes(registrar.email.toLowerCase()) && /sammanfattning/.test(m.parsed.subject ?? ''),
      2,
    );
    expect(digests).toHaveLength(2);
    expect(digests[1]!.parsed.text).toContain('Rättelse av remissen');
    expect(digests[1]!.parsed.text).not.toContain('Ny remiss:');
    ctx.clock.set(new Date(), { running: true });
  });

  it('lets a person choose per kind through /me/notification-preferences', async () => {
    const officer = await ctx.as(district.responsibleOfficer);
    const before = await ctx.http().get('/api/v1/me/notification-preferences').set(officer).expect(200);
    const prefs = (before.body as { preferences: { kind: string; delivery: string }[] }).preferences;
    expect(prefs.find((p) => p.kind === 'consultation_assigned')?.delivery).toBe('immediate');
    const after = await ctx
      .http()
      .put('/api/v1/me/notification-preferences')
      .set(officer)
      .send({ preferences: [{ kind: 'consultation_assigned', delivery: 'off' }] })
      .expect(200);
    expect(
      (after.body as { preferences: { kind: string; delivery: string }[] }).preferences.find(
        (p) => p.kind === 'consultation_assigned',
      )?.delivery,
    ).toBe('off');
    await ctx
      .http()
      .put('/api/v1/me/notification-preferences')
      .set(officer)
      .send({ preferences: [{ kind: 'consultation_assigned', delivery: 'sometimes' }] })
      .expect(400);
  });

  /** A message to an address, written as any cause writes one, and the id it got. */
  async function queueTo(address: string, cause = randomBytes(6).toString('hex')): Promise<string> {
    return (await ctx.get(Db).transaction((tx) =>
      ctx.get(MailService).queue(tx, {
        causeKey: `test:${cause}`,
        kind: 'test',
        to: { name: 'Åsa Öberg', address },
        subject: `Prov ${cause} – åäö`,
        text: 'Hej!',
      }),
    ))!;
  }

  async function statusOf(id: string): Promise<{ status: string; last_error: string | null }> {
    const [row] = await ctx.query<{ status: string; last_error: string | null }>(
      `SELECT status, last_error FROM mail_messages WHERE id = $1`,
      [id],
    );
    return row!;
  }

  async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error('timed out');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('retries a 4xx answer and delivers exactly once when the server accepts', async () => {
    const address = `greylist.${randomBytes(3).toString('hex')}@example.se`;
    smtp.refuse(address, 451, '4.7.1 Greylisted, try again later', 2);
    const id = await queueTo(address);
    await smtp.waitFor((m) => m.to.includes(address));
    await until(async () => (await statusOf(id)).status === 'sent');
    await ctx.drain();
    // A job delivered again finds the message sent.
    await ctx.get(MailService).send(id, { lastAttempt: false }, () => Promise.reject(new Error('no files')));
    expect(smtp.to(address)).toHaveLength(1);
    expect(smtp.to(address)[0]!.parsed.subject).toMatch(/ – åäö$/);
  });

  it('marks a 5xx answer failed with the reason on the status board, and sends again once the registrar corrects the address', async () => {
    smtp.refuse(/^trygg\./, 550, '5.1.1 Mailbox does not exist');
    const other = await sendRemiss(ctx, { sender, district }, (await secretDocuments()).remiss);
    smtp.acceptAll();
    const [mail] = await ctx.query<{ id: string; to_address: string }>(
      `SELECT id, to_address FROM mail_messages WHERE recipient_id = $1`,
      [other.externalRecipientId],
    );
    await until(async () => (await statusOf(mail!.id)).status === 'failed');
    expect(smtp.to(mail!.to_address)).toHaveLength(0);
    const registrar = await ctx.as(sender.registrar);
    const board = await ctx
      .http()
      .get(`/api/v1/consultations/${other.consultationId}/status-board`)
      .set(registrar)
      .expect(200);
    expect((board.body as { deliveries: unknown[] }).deliveries).toEqual([
      expect.objectContaining({
        status: 'failed',
        address: mail!.to_address,
        error: expect.stringContaining('Mailbox does not exist'),
      }),
    ]);
    await ctx
      .http()
      .put(`/api/v1/consultation-recipients/${other.externalRecipientId}/email`)
      .set(registrar)
      .send({ email: 'inte en adress' })
      .expect(400);
    // An address another recipient of the same remiss has is refused, and nothing changes.
    const [neighbour] = await ctx.query<{ external_email: string }>(
      `INSERT INTO consultation_recipients (consultation_id, external_name, external_email, response_deadline)
       SELECT consultation_id, 'Föreningen Granne', $2, response_deadline FROM consultation_recipients WHERE id = $1
       RETURNING external_email`,
      [other.externalRecipientId, `granne.${other.externalRecipientId}@example.se`],
    );
    const taken = await ctx
      .http()
      .put(`/api/v1/consultation-recipients/${other.externalRecipientId}/email`)
      .set(registrar)
      .send({ email: neighbour!.external_email })
      .expect(409);
    expect(taken.body).toMatchObject({ code: 'consultation.recipient_address_taken' });
    expect(await statusOf(mail!.id)).toMatchObject({ status: 'failed' });
    const right = mail!.to_address.replace('trygg.', 'kansliet.');
    await ctx
      .http()
      .put(`/api/v1/consultation-recipients/${other.externalRecipientId}/email`)
      .set(registrar)
      .send({ email: right })
      .expect(200);
    const [resent] = await smtp.waitFor((m) => m.to.includes(right));
    expect(names(resent!)).toEqual([expect.stringMatching(/^Missiv /), 'program.pdf']);
    await until(async () => (await statusOf(mail!.id)).status === 'sent');
    expect(smtp.to(right)).toHaveLength(1);
  });

  it('sends a link instead of attachments above the size limit, which works for that recipient only', async () => {
    const big = Buffer.concat([await samplePdf(['Stor bilaga']), randomBytes(MAX_ATTACHMENT_BYTES)]);
    // Marked secret only after it went: at sending it counted towards the size, and the link
    // does not open it once it is marked.
    const large = await sendRemiss(
      ctx,
      { sender, district },
      { ...(await secretDocuments()).remiss, bytes: big },
      { markBeforeSending: false },
    );
    const [row] = await ctx.query<{ external_email: string }>(
      `SELECT external_email FROM consultation_recipients WHERE id = $1`,
      [large.externalRecipientId],
    );
    const [mail] = await smtp.waitFor((m) => m.to.includes(row!.external_email));
    expect(mail!.parsed.attachments).toHaveLength(0);
    const link = /https:\/\/remiss\.kommunen\.example\.se(\/api\/v1\/remissunderlag\/(\S+)\?nyckel=(\S+))/.exec(
      mail!.parsed.text ?? '',
    );
    expect(link).not.toBeNull();
    const [, path, recipientId, key] = link! as unknown as [string, string, string, string];
    expect(recipientId).toBe(large.externalRecipientId);
    await markSecret(ctx, sender.registrar, large.senderEntries.secret, REMISS_SECRET.ground);
    const page = await ctx.http().get(path).expect(200);
    expect(page.text).toContain('program.pdf');
    const file = await ctx
      .http()
      .get(`/api/v1/remissunderlag/${recipientId}/filer/1?nyckel=${key}`)
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    expect((file.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
    // The secret (large) file is not among them.
    expect(page.text).not.toContain('Lindgården');
    await ctx.http().get(`/api/v1/remissunderlag/${recipientId}/filer/2?nyckel=${key}`).expect(404);
    // This key for another recipient, a guessed key, and an expired link are 404.
    await ctx.http().get(`/api/v1/remissunderlag/${remiss.externalRecipientId}?nyckel=${key}`).expect(404);
    await ctx
      .http()
      .get(`/api/v1/remissunderlag/${recipientId}?nyckel=${key.slice(0, -2)}xx`)
      .expect(404);
    await ctx.http().get(`/api/v1/remissunderlag/${recipientId}?nyckel=gissning`).expect(404);
    ctx.clock.set('2100-01-31T12:00:00+01:00');
    await ctx.http().get(path).expect(404);
    ctx.clock.set('2100-01-30T12:00:00+01:00');
    await ctx.http().get(path).expect(200);
    ctx.clock.set(new Date(), { running: true });
  });

  it('delivers all of 200 messages that waited while the server was away, none twice', async () => {
    await smtp.stop();
    const addresses = Array.from({ length: 200 }, (_, i) => `massutskick.${i}@example.se`);
    await ctx.get(Db).transaction(async (tx) => {
      for (const [i, address] of addresses.entries()) {
        await ctx.get(MailService).queue(tx, {
          causeKey: `test-outage:${i}`,
          kind: 'test',
          to: { name: `Mottagare ${i}`, address },
          subject: `Utskick ${i}`,
          text: 'Hej!',
        });
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await smtp.start();
    await smtp.waitFor((m) => m.to[0]?.startsWith('massutskick.') ?? false, 200, 120_000);
    await until(
      async () =>
        (
          await ctx.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM mail_messages WHERE cause_key LIKE 'test-outage:%' AND status = 'sent'`,
          )
        )[0]!.n === 200,
      60_000,
    );
    await ctx.drain(60_000);
    const arrived = smtp.arrived.filter((m) => m.to[0]?.startsWith('massutskick.'));
    expect(arrived).toHaveLength(200);
    expect(new Set(arrived.map((m) => m.parsed.messageId)).size).toBe(200);
  }, 240_000);

  it('never puts the SMTP password, a download key or a secret-marked title in a log line, nor the password or the title in a message', () => {
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toContain(encodeURIComponent(PASSWORD));
      expect(line).not.toMatch(/nyckel=/);
      for (const word of REMISS_SECRET.words) {
        expect(line).not.toContain(word);
      }
    }
    for (const m of smtp.arrived) {
      const text = `${m.raw.toString('utf8')}\n${m.parsed.text ?? ''}\n${String(m.parsed.html)}`;
      expect(text).not.toContain(PASSWORD);
      for (const word of REMISS_SECRET.words) {
        expect(text).not.toContain(word);
      }
    }
  });
});
