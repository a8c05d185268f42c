import { type Api, apiAs, ok } from './api';
import { ALEXANDER, type Board, HA_BOARD, JENS, LEE, type Person, SARA } from './people';

const sessions = new Map<string, Promise<Api>>();

/** The API as a person, logged in once per test worker. */
export function as(baseUrl: string, person: Person): Promise<Api> {
  const key = `${baseUrl} ${person.email}`;
  let session = sessions.get(key);
  if (!session) {
    session = apiAs(baseUrl, person);
    sessions.set(key, session);
  }
  return session;
}

export function isoDay(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(day);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited in vain for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface RegisteredRemiss {
  readonly consultationId: string;
  readonly recipientId: string;
  readonly diaryNumber: string;
  readonly title: string;
  readonly responseDeadline: string;
}

export interface AssignedRemiss extends RegisteredRemiss {
  readonly caseId: string;
}

interface RemissOptions {
  deadlineInDays?: number;
  board?: Board;
  description?: string;
  sections?: readonly { title: string; description: string }[];
  /** Files sent with the remiss (remissunderlag), registered in the board's case with it. */
  documents?: readonly { title: string; fileName: string; pdf: Uint8Array<ArrayBuffer> }[];
}

/**
 * Kommunstyrelsen (Sara Ekström) sends a remiss to one board alone (Hägersten-Älvsjö unless
 * told), and it is registered there, waiting for the board's registrar to assign it.
 */
export async function remissRegistered(
  baseUrl: string,
  title: string,
  {
    deadlineInDays = 30,
    board = HA_BOARD,
    description = 'Kommunstyrelsen remitterar förslaget till stadsdelsnämnderna.',
    sections = [
      { title: 'Kunskap och information', description: 'Målen för kunskap och information.' },
      { title: 'Välfärd och service', description: 'Målen för välfärd och service.' },
    ],
    documents = [],
  }: RemissOptions = {},
): Promise<RegisteredRemiss> {
  const sara = await as(baseUrl, SARA);
  const registrar = await as(baseUrl, board.registrar);
  const organisations = await ok(sara.GET('/api/v1/organisations'));
  const recipient = organisations.find((o) => o.name === board.name)!;
  const responseDeadline = isoDay(deadlineInDays);
  const consultation = await ok(
    sara.POST('/api/v1/consultations', {
      body: {
        title,
        description,
        responseDeadline,
        sections: sections.map((section) => ({ ...section })),
        recipients: { organisationIds: [recipient.id] },
      },
    }),
  );
  for (const document of documents) {
    const form = new FormData();
    form.append('title', document.title);
    form.append('file', new Blob([document.pdf], { type: 'application/pdf' }), document.fileName);
    await ok(
      sara.POST('/api/v1/consultations/{id}/documents', {
        params: { path: { id: consultation.id } },
        body: { title: document.title, file: new Blob([document.pdf]) },
        bodySerializer: () => form,
      }),
    );
  }
  await ok(sara.POST('/api/v1/consultations/{id}/send', { params: { path: { id: consultation.id } } }));
  const registered = await until('the registration at the board', async () => {
    const seen = await ok(registrar.GET('/api/v1/consultations/{id}', { params: { path: { id: consultation.id } } }));
    return seen.asRecipient?.state === 'registered' ? seen.asRecipient : undefined;
  });
  return {
    consultationId: consultation.id,
    recipientId: registered.id,
    diaryNumber: registered.diaryNumber!,
    title,
    responseDeadline,
  };
}

/**
 * A remiss registered at the board (see remissRegistered) that the board's registrar has
 * assigned to a case officer (Jens Westlund unless told). Each test makes its own, under its
 * own title.
 */
export async function remissAssigned(
  baseUrl: string,
  title: string,
  { officer = JENS, ...options }: RemissOptions & { officer?: Person } = {},
): Promise<AssignedRemiss> {
  const board = options.board ?? HA_BOARD;
  const registered = await remissRegistered(baseUrl, title, options);
  const registrar = await as(baseUrl, board.registrar);
  const people = await ok(registrar.GET('/api/v1/people'));
  const person = people.find((p) => p.email === officer.email)!;
  await ok(
    registrar.POST('/api/v1/consultation-recipients/{id}/assign', {
      params: { path: { id: registered.recipientId } },
      body: { personId: person.id, ...(person.departmentId ? { departmentId: person.departmentId } : {}) },
    }),
  );
  const cases = await ok(
    registrar.GET('/api/v1/cases', { params: { query: { diaryNumber: registered.diaryNumber } } }),
  );
  return { ...registered, caseId: cases.items[0]!.id };
}

/**
 * The board's meeting today, held as far as the calendar goes (a decision is recorded at a
 * meeting on or before today). Its agenda closed yesterday, so it is no coming meeting that a
 * new statement is addressed to (see comingMeeting).
 */
export async function meetingToday(baseUrl: string, board: Board = HA_BOARD): Promise<string> {
  const registrar = await as(baseUrl, board.registrar);
  const today = isoDay(0);
  const meetings = await ok(registrar.GET('/api/v1/meetings', { params: { query: { from: today } } }));
  const existing = meetings.find((m) => m.meetingDate === today);
  if (existing) {
    return existing.id;
  }
  const created = await ok(
    registrar.POST('/api/v1/meetings', { body: { meetingDate: today, agendaDeadline: isoDay(-1) } }),
  );
  return created.id;
}

/**
 * A tjänsteutlåtande answering a new remiss, written by Jens, addressed to the meeting, and
 * approved by Alexander (avdelningschef) and Lee (förvaltningschef): ready for the board.
 */
export async function approvedStatement(baseUrl: string, title: string, meetingId: string) {
  const remiss = await remissAssigned(baseUrl, title);
  const draft = await draftStatement(baseUrl, remiss.caseId);
  const jens = await as(baseUrl, JENS);
  const id = draft.id;
  const saved = await retryingConcurrent(() =>
    ok(
      jens.PUT('/api/v1/statements/{id}', {
        params: { path: { id } },
        body: {
          baseRevision: draft.currentRevision,
          parts: {
            ...draft.revision.parts,
            proposedDecision: [`Nämnden godkänner förvaltningens förslag till yttrande över ${title}.`],
            summary: 'Förvaltningen ser positivt på förslaget.',
            views: 'Förvaltningen tillstyrker förslaget.',
            position: 'supports',
            meetingId,
          },
        },
      }),
    ),
  );
  await retryingConcurrent(() =>
    ok(
      jens.POST('/api/v1/statements/{id}/submit', {
        params: { path: { id } },
        body: { revision: saved.currentRevision },
      }),
    ),
  );
  for (const [approver, step] of [
    [ALEXANDER, 1],
    [LEE, 2],
  ] as const) {
    const api = await as(baseUrl, approver);
    await retryingConcurrent(() =>
      ok(
        api.POST('/api/v1/statements/{id}/approve', {
          params: { path: { id } },
          body: { revision: saved.currentRevision, step },
        }),
      ),
    );
  }
  return { ...remiss, statementId: id };
}

/** The issued documents of a subject once the worker has signed them all. */
export async function signedDocuments(baseUrl: string, subjectId: string, board: Board = HA_BOARD) {
  const registrar = await as(baseUrl, board.registrar);
  return until(
    'the signed documents',
    async () => {
      const documents = await ok(registrar.GET('/api/v1/issued-documents', { params: { query: { subjectId } } }));
      return documents.length > 0 && documents.every((d) => d.status === 'signed') ? documents : undefined;
    },
    60_000,
  );
}

/** The bytes of an issued document's signed file. */
export async function issuedFile(baseUrl: string, documentId: string, board: Board = HA_BOARD): Promise<Buffer> {
  const registrar = await as(baseUrl, board.registrar);
  const file = await ok(
    registrar.GET('/api/v1/issued-documents/{id}/file', {
      params: { path: { id: documentId } },
      parseAs: 'arrayBuffer',
    }),
  );
  return Buffer.from(file);
}

/**
 * A coming meeting of the board (its registrar adds one when none is ahead), so that a statement
 * can go for approval: a revision is submitted only with a meeting to go before.
 */
export async function comingMeeting(baseUrl: string, board: Board = HA_BOARD): Promise<string> {
  const registrar = await as(baseUrl, board.registrar);
  const today = isoDay(0);
  const meetings = await ok(registrar.GET('/api/v1/meetings', { params: { query: { from: today } } }));
  const open = meetings.find((m) => !m.cancelled && m.agendaDeadline >= today);
  if (open) {
    return open.id;
  }
  const created = await ok(
    registrar.POST('/api/v1/meetings', { body: { meetingDate: isoDay(20), agendaDeadline: isoDay(10) } }),
  );
  return created.id;
}

/**
 * A call that two tests making the same kind of change at the same moment can meet in the
 * database's serialisable check: the API then answers 409 request.concurrent_change ("försök
 * igen"), and the call is made again.
 */
async function retryingConcurrent<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('request.concurrent_change')) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** Jens's (or the officer's) draft statement for a case, made through the API. */
export async function draftStatement(baseUrl: string, caseId: string, officer: Person = JENS) {
  const api = await as(baseUrl, officer);
  return retryingConcurrent(() => ok(api.POST('/api/v1/statements', { body: { caseId } })));
}
