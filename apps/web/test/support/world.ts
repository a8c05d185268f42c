import { type Api, apiAs, ok } from './api';
import { type Board, HA_BOARD, JENS, type Person, SARA } from './people';

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

export interface AssignedRemiss {
  readonly consultationId: string;
  readonly recipientId: string;
  readonly caseId: string;
  readonly diaryNumber: string;
  readonly title: string;
  readonly responseDeadline: string;
}

/**
 * Kommunstyrelsen (Sara Ekström) sends a remiss to one board alone (Hägersten-Älvsjö unless
 * told); it is registered there and the board's registrar assigns it to a case officer (Jens
 * Westlund unless told). Each test makes its own, under its own title.
 */
export async function remissAssigned(
  baseUrl: string,
  title: string,
  {
    deadlineInDays = 30,
    board = HA_BOARD,
    officer = JENS,
    description = 'Kommunstyrelsen remitterar förslaget till stadsdelsnämnderna.',
    sections = [
      { title: 'Kunskap och information', description: 'Målen för kunskap och information.' },
      { title: 'Välfärd och service', description: 'Målen för välfärd och service.' },
    ],
    documents = [],
  }: {
    deadlineInDays?: number;
    board?: Board;
    officer?: Person;
    description?: string;
    sections?: readonly { title: string; description: string }[];
    /** Files sent with the remiss (remissunderlag), registered in the board's case with it. */
    documents?: readonly { title: string; fileName: string; pdf: Uint8Array<ArrayBuffer> }[];
  } = {},
): Promise<AssignedRemiss> {
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
  const people = await ok(registrar.GET('/api/v1/people'));
  const person = people.find((p) => p.email === officer.email)!;
  await ok(
    registrar.POST('/api/v1/consultation-recipients/{id}/assign', {
      params: { path: { id: registered.id } },
      body: { personId: person.id, ...(person.departmentId ? { departmentId: person.departmentId } : {}) },
    }),
  );
  const cases = await ok(
    registrar.GET('/api/v1/cases', { params: { query: { diaryNumber: registered.diaryNumber! } } }),
  );
  return {
    consultationId: consultation.id,
    recipientId: registered.id,
    caseId: cases.items[0]!.id,
    diaryNumber: registered.diaryNumber!,
    title,
    responseDeadline,
  };
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
