import { Role } from '@app/platform';

import { expectNothingChanged } from '../support/snapshot.js';
import { TestContext } from '../support/test-context.js';

interface Case {
  id: string;
  diaryNumber: string;
}

interface Series {
  template: string;
  documentSeparator: string;
  nextNumber: number;
  nextDiaryNumber: string | null;
}

/**
 * Registers carried over from older systems keep the numbers they had: a series writes its
 * numbers in its own format (`1.5.1-135-2012`, `302-260-04`, `316-259/2012`), gapless per year
 * and classification, and every number printed reads back to its case.
 */
describe('diary series in the formats of registers from before', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });

  afterAll(() => ctx.close());

  async function registry(): Promise<Record<string, string>> {
    const org = await ctx.factories.organisation();
    const registrar = await ctx.factories.person(org.id, { roles: [Role.Registrar] });
    return ctx.as(registrar);
  }

  async function format(as: Record<string, string>, template: string, documentSeparator = '-'): Promise<Series> {
    const r = await ctx
      .http()
      .put('/api/v1/registry/series/format')
      .set(as)
      .send({ template, documentSeparator })
      .expect(200);
    return r.body as Series;
  }

  async function start(as: Record<string, string>, year: number, nextNumber: number, classificationCode?: string) {
    const r = await ctx
      .http()
      .put(`/api/v1/registry/series/${year}`)
      .set(as)
      .send({ nextNumber, ...(classificationCode ? { classificationCode } : {}) })
      .expect(200);
    return r.body as Series;
  }

  async function register(as: Record<string, string>, body: Record<string, unknown>): Promise<Case> {
    const r = await ctx.http().post('/api/v1/cases').set(as).send(body).expect(201);
    return r.body as Case;
  }

  /** The case a printed number (a case's or a document's) leads to. */
  async function lookUp(as: Record<string, string>, diaryNumber: string): Promise<string[]> {
    const r = await ctx.http().get('/api/v1/cases').query({ diaryNumber }).set(as).expect(200);
    return (r.body as { items: Case[] }).items.map((c) => c.id);
  }

  async function firstDocument(as: Record<string, string>, c: Case): Promise<string> {
    const r = await ctx
      .http()
      .post(`/api/v1/cases/${c.id}/documents`)
      .set(as)
      .send({ direction: 'incoming', kind: 'skrivelse', title: 'Skrivelse' })
      .expect(201);
    return (r.body as { documentNumber: string }).documentNumber;
  }

  it('registers 60 cases at once in a 1.5.1-135-2012 series: gapless per classification, each number read back', async () => {
    ctx.clock.set('2012-03-01T09:00:00+01:00', { running: true });
    const as = await registry();
    for (const code of ['1.5.1', '2.1']) {
      await ctx
        .http()
        .post('/api/v1/registry/records-plan')
        .set(as)
        .send({ code, title: `Plan ${code}` })
        .expect(201);
    }
    expect(await format(as, '{class}-{n}-{yyyy}')).toMatchObject({
      template: '{class}-{n}-{yyyy}',
      documentSeparator: '-',
      nextDiaryNumber: null,
    });
    // The series carried over from the old system continues at 135 in 1.5.1.
    expect(await start(as, 2012, 135, '1.5.1')).toMatchObject({ nextNumber: 135, nextDiaryNumber: '1.5.1-135-2012' });

    const codes = Array.from({ length: 60 }, (_, i) => (i % 6 === 5 ? '2.1' : '1.5.1'));
    const cases = await Promise.all(
      codes.map((classificationCode, i) => register(as, { title: `Ärende ${i}`, classificationCode })),
    );
    const numbers = (code: string) =>
      cases
        .map((c) => c.diaryNumber)
        .filter((n) => n.startsWith(`${code}-`))
        .sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
    expect(numbers('1.5.1')).toEqual(Array.from({ length: 50 }, (_, i) => `1.5.1-${135 + i}-2012`));
    expect(numbers('2.1')).toEqual(Array.from({ length: 10 }, (_, i) => `2.1-${1 + i}-2012`));

    // A document's number is the case's, the separator, and its running number; both read back.
    const c = cases.find((x) => x.diaryNumber === '1.5.1-135-2012')!;
    const document = await firstDocument(as, c);
    expect(document).toBe('1.5.1-135-2012-1');
    expect(await lookUp(as, '1.5.1-135-2012')).toEqual([c.id]);
    expect(await lookUp(as, document)).toEqual([c.id]);
    const found = await ctx.http().get('/api/v1/documents').query({ q: document }).set(as).expect(200);
    expect((found.body as { items: { documentNumber: string }[] }).items.map((d) => d.documentNumber)).toEqual([
      document,
    ]);
    for (const other of cases.slice(0, 10)) {
      expect(await lookUp(as, other.diaryNumber)).toEqual([other.id]);
    }

    // Without its classification a case has no number in this series; the format stays for the year.
    const missing = await expectNothingChanged(ctx, () =>
      ctx.http().post('/api/v1/cases').set(as).send({ title: 'Utan klassificering' }),
    );
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'registry.classification_required', field: 'classificationCode' });
    const changed = await expectNothingChanged(ctx, () =>
      ctx.http().put('/api/v1/registry/series/format').set(as).send({ template: '{prefix} {yyyy}/{n}' }),
    );
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({ code: 'registry.diary_format_fixed' });
  });

  it('writes 302-260-04 and 316-259/2012, with their documents, and reads them back', async () => {
    ctx.clock.set('2004-05-03T09:00:00+02:00', { running: true });
    const ks = await registry();
    await format(ks, '302-{n}-{yy}');
    await start(ks, 2004, 260);
    const old = await register(ks, { title: 'Skrivelse från 2004' });
    expect(old.diaryNumber).toBe('302-260-04');
    expect(await firstDocument(ks, old)).toBe('302-260-04-1');
    expect(await lookUp(ks, '302-260-04')).toEqual([old.id]);
    const searched = await ctx.http().get('/api/v1/cases').query({ q: '302-260-04' }).set(ks).expect(200);
    expect((searched.body as { items: Case[] }).items.map((c) => c.id)).toEqual([old.id]);

    ctx.clock.set('2012-09-10T09:00:00+02:00', { running: true });
    const other = await registry();
    await format(other, '316-{n}/{yyyy}', ':');
    await start(other, 2012, 259);
    const c = await register(other, { title: 'Skrivelse från 2012' });
    expect(c.diaryNumber).toBe('316-259/2012');
    const next = await register(other, { title: 'Nästa' });
    expect(next.diaryNumber).toBe('316-260/2012');
    expect(await firstDocument(other, c)).toBe('316-259/2012:1');
    expect(await lookUp(other, '316-259/2012:1')).toEqual([c.id]);
    expect(await lookUp(other, '316-260/2012')).toEqual([next.id]);
  });

  it('writes a year’s numbers in one format when the format is changed while cases are registered', async () => {
    ctx.clock.set('2026-02-02T09:00:00+01:00', { running: true });
    for (let round = 0; round < 3; round++) {
      const as = await registry();
      const [changed, ...cases] = await Promise.all([
        ctx.http().put('/api/v1/registry/series/format').set(as).send({ template: '{prefix}-{n:3}-{yy}' }),
        ...Array.from({ length: 15 }, (_, i) => register(as, { title: `Ärende ${i}` })),
      ]);
      const numbers = cases.map((c) => c.diaryNumber);
      if (changed.status === 200) {
        expect(numbers.every((n) => /^[A-ZÅÄÖ]+-\d{3}-26$/.test(n))).toBe(true);
      } else {
        expect(changed.status).toBe(409);
        expect(numbers.every((n) => /^[A-ZÅÄÖ]+ 2026\/\d+$/.test(n))).toBe(true);
      }
    }
  });

  it('keeps PREFIX YEAR/N for a series with no format, and refuses a format whose numbers would not read back', async () => {
    ctx.clock.set('2026-02-02T09:00:00+01:00', { running: true });
    const as = await registry();
    const series = await ctx.http().get('/api/v1/registry/series').set(as).expect(200);
    expect(series.body).toMatchObject({ template: '{prefix} {yyyy}/{n}', documentSeparator: '-' });
    const c = await register(as, { title: 'Vanligt ärende' });
    expect(c.diaryNumber).toMatch(/^[A-ZÅÄÖ]+ 2026\/1$/);
    expect(await firstDocument(as, c)).toBe(`${c.diaryNumber}-1`);

    const fresh = await registry();
    for (const [template, documentSeparator] of [
      ['{class}{n}-{yyyy}', '-'],
      ['{prefix}-{n}', '-'],
      ['{prefix} {yyyy}/{löpnr}', '-'],
      ['{prefix} {yyyy}/{n}', 'x'],
    ] as const) {
      const refused = await expectNothingChanged(ctx, () =>
        ctx.http().put('/api/v1/registry/series/format').set(fresh).send({ template, documentSeparator }),
      );
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'registry.diary_format_invalid' });
    }
  });
});
