import { EXECUTIVE_BOARD, REFERENCE_BOARD, type SeedOrganisation, type SeedPerson, STOCKHOLM } from '@app/directory';
import { addDays, localDate, Role } from '@app/platform';
import { REFERENCE_CASE } from '@app/testing';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

import { ApiProblem, type ApiClient, type PersonSession } from './api-client.js';
import { DECLINE_REASON, DECLINING_BOARD, type DistrictAnswer, OTHER_ANSWERS } from './district-answers.js';

interface Recipient {
  id: string;
  name: string;
  state: string;
  diaryNumber: string | null;
  assignedPerson: { id: string } | null;
}

interface Consultation {
  id: string;
  title: string;
  status: 'draft' | 'sent';
  caseId: string;
  senderDiaryNumber: string;
  sentAt: string | null;
  documents: unknown[];
  sections: { id: string; title: string }[];
  asRecipient: Recipient | null;
}

interface Statement {
  id: string;
  status: string;
  currentRevision: number;
  approvedRevision: number | null;
  revision: { number: number; parts: Record<string, unknown> };
  nextStep: { step: number; role: string } | null;
  meeting: { id: string; meetingDate: string; cancelled: boolean } | null;
  decision: { id: string } | null;
}

interface Meeting {
  id: string;
  meetingDate: string;
  cancelled: boolean;
}

interface IssuedDocument {
  id: string;
  kind: string;
  revision: number;
  status: string;
  failureReason: string | null;
  sha256: string | null;
  fileName: string | null;
}

export interface DemoFile {
  readonly organisation: string;
  readonly kind: string;
  readonly file: string;
  readonly sha256: string;
}

export interface DemoSummary {
  readonly remiss: { readonly title: string; readonly diaryNumber: string; readonly responseDeadline: string };
  readonly recipients: readonly {
    readonly name: string;
    readonly diaryNumber: string | null;
    readonly state: string;
  }[];
  readonly files: readonly DemoFile[];
  readonly outDir: string;
}

export interface DemoOptions {
  readonly client: ApiClient;
  readonly outDir: string;
  readonly log: (line: string) => void;
  /** How long to wait for the worker to finish a step (distribution, signing, delivery). */
  readonly timeoutMs?: number;
}

const STATE_LABEL: Readonly<Record<string, string>> = {
  sent: 'skickad',
  registered: 'registrerad',
  assigned: 'tilldelad',
  drafting: 'under arbete',
  in_approval: 'under beslutsgång',
  decided: 'beslutad',
  answered: 'besvarad',
  declined: 'avstår',
};

function organisation(name: string): SeedOrganisation {
  const found = STOCKHOLM.find((o) => o.name === name);
  if (!found) {
    throw new Error(`${name} finns inte i katalogen`);
  }
  return found;
}

function holder(org: SeedOrganisation, role: Role): SeedPerson {
  const found = org.people.find((p) => p.roles.includes(role));
  if (!found) {
    throw new Error(`${org.name} har ingen med rollen ${role}`);
  }
  return found;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The remissunderlag the sender attaches: a small PDF standing in for the plan itself. */
async function remissunderlag(): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    info: { Title: REFERENCE_CASE.statement.attachments[0], CreationDate: new Date('2025-09-01T00:00:00Z') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(18).text('Handlingsplan för romsk inkludering 2030');
  doc.moveDown().fontSize(11).text('Remissversion. Kommunstyrelsen, Stockholms stad.');
  for (const section of REFERENCE_CASE.sender.sections) {
    doc.moveDown().fontSize(13).text(section.title);
    doc.fontSize(11).text(section.description);
  }
  doc.end();
  return done;
}

/**
 * The reference case, run against the live system through its HTTP API, in the present: the
 * remiss from kommunstyrelsen to the eleven district boards, Hägersten-Älvsjö's tjänsteutlåtande
 * with the text of the original, its approvals and the board's decision, two more districts
 * answering and one declining, and the compilation. Every step looks first at what is there, so
 * a second run picks up where the first stopped and repeats nothing.
 */
export class ReferenceDemo {
  readonly #client: ApiClient;
  readonly #log: (line: string) => void;
  readonly #timeoutMs: number;
  readonly #today = localDate(new Date());
  readonly #year = Number(this.#today.slice(0, 4));
  readonly #sender = organisation(EXECUTIVE_BOARD);
  readonly #reference = organisation(REFERENCE_BOARD);

  constructor(private readonly options: DemoOptions) {
    this.#client = options.client;
    this.#log = options.log;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
  }

  #as(person: SeedPerson): PersonSession {
    return this.#client.as(person.email);
  }

  async run(): Promise<DemoSummary> {
    await this.#client.waitUntilUp(30_000);
    await this.#startSeries();
    await this.#ensureMeeting(this.#reference);
    const consultation = await this.#remiss();
    await this.#waitForRegistrations(consultation.id);
    await this.#answer(consultation, this.#reference, () => this.#referenceParts(consultation));
    for (const district of OTHER_ANSWERS) {
      const org = organisation(district.board);
      await this.#ensureMeeting(org);
      await this.#answer(consultation, org, () => this.#districtParts(consultation, district));
    }
    await this.#decline(consultation, organisation(DECLINING_BOARD));
    return this.#collect(consultation);
  }

  /** HÄ <year>/578: the year's series continues at 578, as in the original. */
  async #startSeries(): Promise<void> {
    const registrar = this.#as(holder(this.#reference, Role.Registrar));
    const series = await registrar.get<{ nextNumber: number }>('/api/v1/registry/series', {
      year: String(this.#year),
    });
    if (series.nextNumber < REFERENCE_CASE.recipient.diarySequence) {
      await registrar.put(`/api/v1/registry/series/${this.#year}`, {
        nextNumber: REFERENCE_CASE.recipient.diarySequence,
      });
      this.#log(`Hägersten-Älvsjös diarieserie ${this.#year} fortsätter på ${REFERENCE_CASE.recipient.diarySequence}.`);
    }
  }

  /**
   * The board meets today (the original's decision date, moved into the present): the meeting
   * each statement is written for, approved for, and decided at once it has been held.
   */
  async #ensureMeeting(org: SeedOrganisation): Promise<Meeting> {
    const registrar = this.#as(holder(org, Role.Registrar));
    const today = async (): Promise<Meeting | undefined> =>
      (await registrar.get<Meeting[]>('/api/v1/meetings')).find((m) => m.meetingDate === this.#today && !m.cancelled);
    let meeting = await today();
    if (!meeting) {
      await registrar.post('/api/v1/meetings', { meetingDate: this.#today, agendaDeadline: this.#today });
      meeting = (await today())!;
    }
    return meeting;
  }

  async #remiss(): Promise<Consultation> {
    const officer = this.#as(holder(this.#sender, Role.CaseOfficer));
    const sent = await officer.get<Consultation[]>('/api/v1/consultations', { role: 'sent' });
    let consultation = sent.find(
      (c) =>
        c.title === REFERENCE_CASE.sender.remissTitle && (c.sentAt === null || c.sentAt.startsWith(String(this.#year))),
    );
    if (!consultation) {
      consultation = await officer.post<Consultation>('/api/v1/consultations', {
        title: REFERENCE_CASE.sender.remissTitle,
        description:
          'Kommunstyrelsen remitterar förslaget till handlingsplan för romsk inkludering till stadsdelsnämnderna.',
        responseDeadline: addDays(this.#today, 42),
        sections: REFERENCE_CASE.sender.sections.map((s) => ({ title: s.title, description: s.description })),
        recipients: { groups: ['district_boards'] },
      });
      this.#log(`Remissen är upprättad hos kommunstyrelsen (${consultation.senderDiaryNumber}).`);
    }
    if (consultation.documents.length === 0) {
      const form = new FormData();
      form.set('title', REFERENCE_CASE.statement.attachments[0]);
      form.set(
        'file',
        new Blob([await remissunderlag()], { type: 'application/pdf' }),
        'Handlingsplan för romsk inkludering 2030.pdf',
      );
      await officer.upload(`/api/v1/consultations/${consultation.id}/documents`, form);
    }
    if (consultation.status === 'draft') {
      await officer.post(`/api/v1/consultations/${consultation.id}/send`);
      this.#log('Remissen är skickad till de elva stadsdelsnämnderna.');
    }
    return officer.get<Consultation>(`/api/v1/consultations/${consultation.id}`);
  }

  async #boardOf(consultationId: string): Promise<Recipient[]> {
    const officer = this.#as(holder(this.#sender, Role.CaseOfficer));
    const board = await officer.get<{ recipients: Recipient[] }>(
      `/api/v1/consultations/${consultationId}/status-board`,
    );
    return board.recipients;
  }

  async #waitForRegistrations(consultationId: string): Promise<void> {
    await this.#waitFor('registrering hos alla mottagare', async () =>
      (await this.#boardOf(consultationId)).every((r) => r.state !== 'sent'),
    );
  }

  async #waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + this.#timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error(`Väntade förgäves på ${what}. Körs workern (npm start startar den)?`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** One board's way from registered remiss to delivered answer; each step only when not yet done. */
  async #answer(
    consultation: Consultation,
    org: SeedOrganisation,
    parts: () => Promise<Record<string, unknown>>,
  ): Promise<void> {
    const registrar = this.#as(holder(org, Role.Registrar));
    const officerSeed = holder(org, Role.CaseOfficer);
    const officer = this.#as(officerSeed);
    const own = (await registrar.get<Consultation>(`/api/v1/consultations/${consultation.id}`)).asRecipient!;
    if (own.state === 'answered' || own.state === 'declined') {
      return;
    }
    if (!own.assignedPerson) {
      const people =
        await registrar.get<{ id: string; email: string; departmentId: string | null }[]>('/api/v1/people');
      const person = people.find((p) => p.email === officerSeed.email)!;
      await registrar.post(`/api/v1/consultation-recipients/${own.id}/assign`, {
        departmentId: person.departmentId,
        personId: person.id,
      });
    }
    const found = await registrar.get<{ items: { id: string }[] }>('/api/v1/cases', { diaryNumber: own.diaryNumber! });
    const caseId = found.items[0]!.id;
    let statement: Statement;
    try {
      statement = await officer.get<Statement>(`/api/v1/statements/by-case/${caseId}`);
    } catch (error) {
      if (!(error instanceof ApiProblem && error.status === 404)) {
        throw error;
      }
      statement = await officer.post<Statement>('/api/v1/statements', { caseId });
    }
    if (statement.status === 'drafting') {
      statement = await officer.put<Statement>(`/api/v1/statements/${statement.id}`, {
        baseRevision: statement.currentRevision,
        parts: { ...statement.revision.parts, ...(await parts()) },
      });
      statement = await officer.post<Statement>(`/api/v1/statements/${statement.id}/submit`, {
        revision: statement.currentRevision,
      });
      this.#log(`${org.name}: tjänsteutlåtandet (${own.diaryNumber}) är skickat till beslutsgången.`);
    }
    while (statement.status === 'in_approval' && statement.nextStep) {
      const approver = holder(org, statement.nextStep.role as Role);
      statement = await this.#as(approver).post<Statement>(`/api/v1/statements/${statement.id}/approve`, {
        revision: statement.currentRevision,
        step: statement.nextStep.step,
      });
      this.#log(`${org.name}: godkänt av ${approver.name}, ${approver.title}.`);
    }
    if (statement.status === 'approved') {
      const meeting = await this.#ensureMeeting(org);
      if (statement.meeting?.id !== meeting.id) {
        // Approved for a meeting on another day (an earlier run): the registrar puts it on today's.
        statement = await registrar.post<Statement>(`/api/v1/statements/${statement.id}/meeting`, {
          meetingId: meeting.id,
        });
        this.#log(`${org.name}: tjänsteutlåtandet är flyttat till sammanträdet ${meeting.meetingDate}.`);
      }
      await registrar.post(`/api/v1/statements/${statement.id}/decision`, {
        meetingId: meeting.id,
        paragraph: org.name === REFERENCE_BOARD ? '12' : '7',
        outcome: 'adopted',
        confirmation: { immediate: true },
      });
      this.#log(
        `${org.name}: nämnden har beslutat (sammanträde ${meeting.meetingDate}) och paragrafen är omedelbart justerad.`,
      );
    }
    await this.#waitFor(`svaret från ${org.name}`, async () => {
      const now = (await registrar.get<Consultation>(`/api/v1/consultations/${consultation.id}`)).asRecipient!;
      return now.state === 'answered';
    });
  }

  async #decline(consultation: Consultation, org: SeedOrganisation): Promise<void> {
    const registrar = this.#as(holder(org, Role.Registrar));
    const own = (await registrar.get<Consultation>(`/api/v1/consultations/${consultation.id}`)).asRecipient!;
    if (own.state !== 'declined') {
      // The administration declines on the board's behalf: its director decides.
      const director = holder(org, Role.Director);
      const people = await registrar.get<{ id: string; email: string }[]>('/api/v1/people');
      await registrar.post(`/api/v1/consultation-recipients/${own.id}/decline`, {
        reason: DECLINE_REASON,
        decidedBy: people.find((p) => p.email === director.email)!.id,
      });
      this.#log(`${org.name} avstår från att yttra sig (beslut av ${director.name}, ${director.title}).`);
    }
  }

  /** The parts of the original, word for word; the dates move into the present. */
  async #referenceParts(consultation: Consultation): Promise<Record<string, unknown>> {
    const s = REFERENCE_CASE.statement;
    const officer = this.#as(holder(this.#reference, Role.CaseOfficer));
    const departments = await officer.get<{ id: string; name: string }[]>('/api/v1/departments');
    return {
      summary: s.summary,
      background: s.background,
      matter: s.matter,
      preparation: {
        text: s.preparation.text,
        consultedDepartmentIds: departments
          .filter((d) => (s.preparation.consultedDepartments as readonly string[]).includes(d.name))
          .map((d) => d.id),
        unionsInformedOn: this.#today,
        unionForum: s.preparation.unionForum,
      },
      views: s.views,
      position: 'supports',
      documentDate: this.#today,
      sections: consultation.sections.map((section) => ({ sectionId: section.id, position: null, comment: '' })),
    };
  }

  async #districtParts(consultation: Consultation, district: DistrictAnswer): Promise<Record<string, unknown>> {
    return Promise.resolve({
      summary: district.summary,
      background: district.background,
      matter: district.matter,
      views: district.views,
      position: district.position,
      documentDate: this.#today,
      sections: consultation.sections.map((section, i) => ({
        sectionId: section.id,
        position: district.sections[i]?.position ?? null,
        comment: district.sections[i]?.comment ?? '',
      })),
    });
  }

  /** Downloads every signed document of the demo to the output folder and sums up. */
  async #collect(consultation: Consultation): Promise<DemoSummary> {
    await mkdir(this.options.outDir, { recursive: true });
    const senderOfficer = this.#as(holder(this.#sender, Role.CaseOfficer));
    const compilation = await senderOfficer.post<IssuedDocument>(
      `/api/v1/consultations/${consultation.id}/compilation.pdf`,
    );
    const files: DemoFile[] = [];
    const save = async (org: SeedOrganisation, session: PersonSession, subjectId: string): Promise<void> => {
      const documents = await this.#signed(session, subjectId);
      for (const document of documents) {
        const bytes = await session.download(`/api/v1/issued-documents/${document.id}/file`);
        const file = `${org.name} - ${document.fileName ?? `${document.kind}.pdf`}`;
        await writeFile(join(this.options.outDir, file), bytes);
        files.push({ organisation: org.name, kind: document.kind, file, sha256: sha256(bytes) });
      }
    };
    await this.#waitFor('sammanställningen', async () =>
      ['signed', 'failed'].includes(
        (await senderOfficer.get<IssuedDocument>(`/api/v1/issued-documents/${compilation.id}`)).status,
      ),
    );
    await save(this.#sender, senderOfficer, consultation.id);
    for (const org of [this.#reference, ...OTHER_ANSWERS.map((d) => organisation(d.board))]) {
      const registrar = this.#as(holder(org, Role.Registrar));
      const own = (await registrar.get<Consultation>(`/api/v1/consultations/${consultation.id}`)).asRecipient!;
      const found = await registrar.get<{ items: { id: string }[] }>('/api/v1/cases', {
        diaryNumber: own.diaryNumber!,
      });
      const statement = await registrar.get<Statement>(`/api/v1/statements/by-case/${found.items[0]!.id}`);
      await save(org, registrar, statement.id);
      if (statement.decision) {
        await save(org, registrar, statement.decision.id);
      }
    }
    const decliner = organisation(DECLINING_BOARD);
    const declinerRegistrar = this.#as(holder(decliner, Role.Registrar));
    const declined = (await declinerRegistrar.get<Consultation>(`/api/v1/consultations/${consultation.id}`))
      .asRecipient!;
    await save(decliner, declinerRegistrar, declined.id);

    const board = await this.#boardOf(consultation.id);
    const fresh = await senderOfficer.get<Consultation & { responseDeadline: string }>(
      `/api/v1/consultations/${consultation.id}`,
    );
    return {
      remiss: {
        title: fresh.title,
        diaryNumber: fresh.senderDiaryNumber,
        responseDeadline: fresh.responseDeadline,
      },
      recipients: board.map((r) => ({ name: r.name, diaryNumber: r.diaryNumber, state: r.state })),
      files,
      outDir: this.options.outDir,
    };
  }

  /** The signed documents of a subject, once every one of them is made. */
  async #signed(session: PersonSession, subjectId: string): Promise<IssuedDocument[]> {
    let documents: IssuedDocument[] = [];
    await this.#waitFor('de signerade dokumenten', async () => {
      documents = await session.get<IssuedDocument[]>('/api/v1/issued-documents', { subjectId });
      return documents.every((d) => d.status === 'signed' || d.status === 'failed');
    });
    const failed = documents.filter((d) => d.status === 'failed');
    if (failed.length > 0) {
      throw new Error(`Dokument kunde inte skapas: ${failed.map((d) => `${d.kind}: ${d.failureReason}`).join('; ')}`);
    }
    // Only the latest compilation: earlier ones were made with fewer answers.
    const latest = Math.max(...documents.filter((d) => d.kind === 'compilation').map((d) => d.revision));
    return documents.filter((d) => d.kind !== 'compilation' || d.revision === latest);
  }
}

/** The summary the demo prints. */
export function formatSummary(summary: DemoSummary): string {
  const lines = [
    '',
    `Remiss: ${summary.remiss.title} (${summary.remiss.diaryNumber}), svar senast ${summary.remiss.responseDeadline}`,
    '',
    'Mottagare                                   Diarienummer      Status',
    ...summary.recipients.map(
      (r) => `  ${r.name.padEnd(42)}${(r.diaryNumber ?? '–').padEnd(18)}${STATE_LABEL[r.state] ?? r.state}`,
    ),
    '',
    `Signerade PDF-filer i ${summary.outDir}:`,
    ...summary.files.map((f) => `  ${f.file}\n      SHA-256 ${f.sha256}`),
    '',
  ];
  return lines.join('\n');
}
