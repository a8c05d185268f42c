import { REFERENCE_CASE } from '@app/testing';

import { samplePdf } from './files.js';
import type { Stockholm } from './stockholm.js';
import type { TestContext } from './test-context.js';

export interface ReferenceRemiss {
  readonly consultationId: string;
  readonly recipientId: string;
  readonly caseId: string;
  readonly sectionIds: readonly string[];
}

/**
 * The sender's side of the reference case over HTTP: kommunstyrelsen sends the action plan to
 * the eleven district boards; Hägersten-Älvsjö registers it as HÄ <year>/578 and its registrar
 * assigns it to Jens Westlund.
 */
export async function sendReferenceRemiss(
  ctx: TestContext,
  city: Stockholm,
  options: { year: number; deadline: string },
): Promise<ReferenceRemiss> {
  const maja = await city.as('maja.lindqvist@stockholm.se');
  await ctx.http().put(`/api/v1/registry/series/${options.year}`).set(maja).send({ nextNumber: 578 }).expect(200);
  const sara = await city.as('sara.ekstrom@stockholm.se');
  const created = await ctx
    .http()
    .post('/api/v1/consultations')
    .set(sara)
    .send({
      title: REFERENCE_CASE.sender.remissTitle,
      description:
        'Kommunstyrelsen remitterar förslaget till handlingsplan för romsk inkludering till stadsdelsnämnderna.',
      responseDeadline: options.deadline,
      sections: REFERENCE_CASE.sender.sections.map((s) => ({ title: s.title, description: s.description })),
      recipients: { groups: ['district_boards'] },
    })
    .expect(201);
  const consultation = created.body as { id: string; sections: { id: string }[] };
  await ctx
    .http()
    .post(`/api/v1/consultations/${consultation.id}/documents`)
    .set(sara)
    .field('title', REFERENCE_CASE.statement.attachments[0])
    .attach('file', await samplePdf(['Handlingsplan för romsk inkludering 2030', 'Remissversion']), {
      filename: 'Handlingsplan för romsk inkludering 2030.pdf',
      contentType: 'application/pdf',
    })
    .expect(201);
  await ctx.http().post(`/api/v1/consultations/${consultation.id}/send`).set(sara).expect(200);
  await ctx.drain();
  const received = await ctx.http().get(`/api/v1/consultations/${consultation.id}`).set(maja).expect(200);
  const recipient = (received.body as { asRecipient: { id: string; diaryNumber: string } }).asRecipient;
  const jens = await city.person('jens.westlund@stockholm.se');
  await ctx
    .http()
    .post(`/api/v1/consultation-recipients/${recipient.id}/assign`)
    .set(maja)
    .send({ departmentId: jens.departmentId, personId: jens.id })
    .expect(200);
  const found = await ctx
    .http()
    .get('/api/v1/cases')
    .query({ diaryNumber: recipient.diaryNumber })
    .set(maja)
    .expect(200);
  return {
    consultationId: consultation.id,
    recipientId: recipient.id,
    caseId: (found.body as { items: { id: string }[] }).items[0]!.id,
    sectionIds: consultation.sections.map((s) => s.id),
  };
}
