import type { TestPerson } from '@app/testing';

import { afterMeeting, type StatementWorld } from './statement-world.js';
import type { TestContext } from './test-context.js';

/** A statement as the API answers it, as far as the tests look. */
export interface Statement {
  id: string;
  diaryNumber: string;
  status: string;
  currentRevision: number;
  approvedRevision: number | null;
  revision: { number: number; parts: Record<string, unknown> };
  /** The step waiting, as an approver's screen shows it. */
  nextStep?: { step: number; role: string } | null;
  meeting: { id: string; meetingDate: string; cancelled: boolean } | null;
  decision?: {
    id: string;
    meetingId: string;
    meetingDate: string;
    paragraph: string;
    paragraphNumber: number;
    confirmed: boolean;
  } | null;
}

/** A statement's way through the API, step by step, as the people of a statement world take it. */
export class StatementFlow {
  constructor(private readonly ctx: TestContext) {}

  /** The world's officer starts the statement of the world's case, or of another case of the board. */
  async start(w: StatementWorld, caseId = w.caseId): Promise<Statement> {
    const r = await this.ctx
      .http()
      .post('/api/v1/statements')
      .set(await this.ctx.as(w.officer))
      .send({ caseId })
      .expect(201);
    return r.body as Statement;
  }

  async save(
    s: Statement,
    as: TestPerson,
    changes: Record<string, unknown> = { summary: `Text ${Math.random()}` },
  ): Promise<Statement> {
    const r = await this.ctx
      .http()
      .put(`/api/v1/statements/${s.id}`)
      .set(await this.ctx.as(as))
      .send({ baseRevision: s.currentRevision, parts: { ...s.revision.parts, ...changes } })
      .expect(200);
    return r.body as Statement;
  }

  async act(
    s: Statement,
    as: TestPerson,
    action: 'submit' | 'approve' | 'request-changes',
    revision = s.currentRevision,
    expected = 200,
  ): Promise<Statement> {
    const r = await this.ctx
      .http()
      .post(`/api/v1/statements/${s.id}/${action}`)
      .set(await this.ctx.as(as))
      .send({
        revision,
        ...(action === 'submit' ? {} : { step: s.nextStep?.step ?? 1 }),
        ...(action === 'request-changes' ? { comment: 'Ändra.' } : {}),
      })
      .expect(expected);
    return r.body as Statement;
  }

  /** A statement drafted, submitted and approved in both steps of the default chain: frozen. */
  async approved(w: StatementWorld, started?: Statement): Promise<Statement> {
    const draft = started ?? (await this.start(w));
    const submitted = await this.act(await this.save(draft, w.officer), w.officer, 'submit');
    return this.act(await this.act(submitted, w.head, 'approve'), w.director, 'approve');
  }

  /**
   * The registrar records the board's decision on a frozen statement, at the world's meeting
   * (held by now) unless the decision names another; answers the statement as it then is.
   */
  async decide(w: StatementWorld, s: Statement, decision: Record<string, unknown>): Promise<Statement> {
    if (!decision.meetingId) {
      afterMeeting(this.ctx, w.meetingDate!);
    }
    const r = await this.ctx
      .http()
      .post(`/api/v1/statements/${s.id}/decision`)
      .set(await this.ctx.as(w.registrar))
      .send({ meetingId: w.meetingId, ...decision })
      .expect(200);
    return r.body as Statement;
  }
}
