import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';

import { statementWorld, type StatementWorld } from '../support/statement-world.js';
import { TestContext } from '../support/test-context.js';

interface CaseRow {
  id: string;
  diaryNumber: string;
  year: number;
  sequence: number;
  title: string;
  registeredAt: string;
  status: 'open' | 'closed';
  classificationCode: string | null;
  responsiblePersonId: string | null;
}

interface CasePage {
  total: number;
  limit: number;
  offset: number;
  items: CaseRow[];
  nextCursor: string | null;
}

/** The diary: the organisation's cases sorted, filtered and paged after the last row seen (keyset). */
describe('GET /api/v1/cases (the diary)', () => {
  let ctx: TestContext;
  let world: StatementWorld;
  let registrar: TestPerson;
  let officer: TestPerson;
  const titles = [
    'Ärende om parkering',
    'Bygglov för skolan',
    'anmälan om buller',
    'Cykelplan',
    'Detaljplan för Västberga',
    'Avtal om städning',
    'Budget 2026',
    'Ekonomisk rapport',
    'Remiss om trygghet',
    'Ansökan om bidrag',
  ];

  async function page(query: Record<string, string | number | boolean>): Promise<CasePage> {
    const response = await ctx
      .http()
      .get('/api/v1/cases')
      .query(query)
      .set(await ctx.as(registrar))
      .expect(200);
    return response.body as CasePage;
  }

  /** Follows nextCursor from the first page to the last, returning every row in order. */
  async function walk(query: Record<string, string | number | boolean>): Promise<CaseRow[]> {
    const rows: CaseRow[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const current: CasePage = await page(cursor ? { ...query, cursor } : query);
      rows.push(...current.items);
      cursor = current.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return rows;
  }

  beforeAll(async () => {
    ctx = await TestContext.create();
    // The remiss of the world is due on 20 February and still unanswered on 2 March: overdue.
    ctx.clock.set('2025-11-10T09:00:00+01:00', { running: true });
    world = await statementWorld(ctx, '2026-02-20', { meeting: false });
    registrar = world.registrar;
    officer = world.officer;
    const asRegistrar = await ctx.as(registrar);
    for (const [code, title] of [
      ['2', 'Planering'],
      ['2.3', 'Stadsplanering'],
      ['2.3.1', 'Detaljplaner'],
      ['2.4', 'Ekonomi'],
    ] as const) {
      await ctx.http().post('/api/v1/registry/records-plan').set(asRegistrar).send({ code, title }).expect(201);
    }
    for (const [i, title] of titles.entries()) {
      if (i === 4) {
        ctx.clock.set('2026-01-15T09:00:00+01:00', { running: true });
      }
      const registered = await ctx
        .http()
        .post('/api/v1/cases')
        .set(asRegistrar)
        .send({
          title,
          classificationCode: ['2.3', '2.3.1', '2.4', null][i % 4] ?? undefined,
          ...(i % 3 === 0 ? { responsiblePersonId: officer.id } : {}),
        })
        .expect(201);
      if (i === 5) {
        const id = (registered.body as { id: string }).id;
        await ctx.http().post(`/api/v1/cases/${id}/close`).set(asRegistrar).expect(200);
      }
    }
    ctx.clock.set('2026-03-02T09:00:00+01:00', { running: true });
  });

  afterAll(() => ctx.close());

  it('keeps the first page newest diary number first for callers that send neither sort nor cursor', async () => {
    const first = await page({ limit: 4 });
    expect(first.total).toBe(11);
    expect(first.offset).toBe(0);
    expect(first.items.map((c) => [c.year, c.sequence])).toEqual(
      [...first.items].sort((a, b) => b.year - a.year || b.sequence - a.sequence).map((c) => [c.year, c.sequence]),
    );
    expect(first.items[0]!.year).toBe(2026);
    const second = await page({ limit: 4, offset: 4 });
    expect(second.offset).toBe(4);
    expect(second.items.map((c) => c.id)).toEqual((await walk({ limit: 4 })).slice(4, 8).map((c) => c.id));
  });

  it.each([
    ['diaryNumber', 'asc'],
    ['diaryNumber', 'desc'],
    ['registeredAt', 'asc'],
    ['registeredAt', 'desc'],
    ['title', 'asc'],
    ['title', 'desc'],
  ] as const)('pages by %s %s after the last row: every case once, in order, no gaps', async (sort, order) => {
    const all = (await page({ sort, order, limit: 200 })).items;
    expect(all).toHaveLength(11);
    const walked = await walk({ sort, order, limit: 3 });
    expect(walked.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(new Set(walked.map((c) => c.id)).size).toBe(11);
    const key = (c: CaseRow) =>
      sort === 'diaryNumber' ? c.year * 1e7 + c.sequence : sort === 'registeredAt' ? Date.parse(c.registeredAt) : 0;
    for (let i = 1; i < walked.length; i++) {
      if (sort !== 'title') {
        const [a, b] = [key(walked[i - 1]!), key(walked[i]!)];
        expect(order === 'asc' ? a <= b : a >= b).toBe(true);
      }
    }
    if (sort === 'title') {
      const ordered = await ctx.query<{ id: string }>(
        `SELECT id FROM cases WHERE organisation_id = $1 ORDER BY title ${order}, id ${order}`,
        [world.organisationId],
      );
      expect(walked.map((c) => c.id)).toEqual(ordered.map((r) => r.id));
    }
  });

  it('the last page has no cursor, and a case registered meanwhile does not shift the pages after the cursor', async () => {
    const first = await page({ sort: 'diaryNumber', order: 'asc', limit: 5 });
    expect(first.nextCursor).not.toBeNull();
    await ctx
      .http()
      .post('/api/v1/cases')
      .set(await ctx.as(registrar))
      .send({ title: 'Registrerat under bläddringen' })
      .expect(201);
    const second = await page({ sort: 'diaryNumber', order: 'asc', limit: 5, cursor: first.nextCursor! });
    const seen = new Set(first.items.map((c) => c.id));
    expect(second.items.some((c) => seen.has(c.id))).toBe(false);
    const third = await page({ sort: 'diaryNumber', order: 'asc', limit: 5, cursor: second.nextCursor! });
    expect(third.items.map((c) => c.title)).toContain('Registrerat under bläddringen');
    expect(third.nextCursor).toBeNull();
  });

  it('filters by year, state, classification under a code, responsible officer and overdue', async () => {
    const of2025 = await walk({ year: 2025, limit: 2 });
    expect(of2025.every((c) => c.year === 2025)).toBe(true);
    expect(of2025).toHaveLength(5); // the remiss's case and four more
    const closed = await page({ status: 'closed' });
    expect(closed.items.map((c) => c.title)).toEqual(['Avtal om städning']);
    const under23 = await page({ classificationCode: '2.3', limit: 200 });
    expect(new Set(under23.items.map((c) => c.classificationCode))).toEqual(new Set(['2.3', '2.3.1']));
    expect(under23.total).toBe(under23.items.length);
    const exact = await page({ classificationCode: '2.3.1' });
    expect(exact.items.every((c) => c.classificationCode === '2.3.1')).toBe(true);
    expect(exact.total).toBeLessThan(under23.total);
    const mine = await page({ responsiblePersonId: officer.id, limit: 200 });
    expect(mine.items.every((c) => c.responsiblePersonId === officer.id)).toBe(true);
    expect(mine.total).toBe(5); // the remiss's case, assigned to the officer, and four more
    const overdue = await page({ overdue: true });
    expect(overdue.items.map((c) => c.id)).toEqual([world.caseId]);
    const notOverdue = await page({ overdue: false, limit: 200 });
    expect(notOverdue.total).toBe((await page({})).total - 1);
    const combined = await walk({ year: 2026, status: 'open', sort: 'title', order: 'asc', limit: 2 });
    expect(combined.every((c) => c.year === 2026 && c.status === 'open')).toBe(true);
  });

  it('answers 400 problem+json for a cursor that is not one, is of another sort, or comes with an offset', async () => {
    const first = await page({ sort: 'title', order: 'asc', limit: 2 });
    const as = await ctx.as(registrar);
    for (const query of [
      { sort: 'title', order: 'asc', cursor: 'inte-en-markör' },
      { sort: 'registeredAt', order: 'asc', cursor: first.nextCursor! },
      { sort: 'title', order: 'desc', cursor: first.nextCursor! },
      { sort: 'title', order: 'asc', cursor: first.nextCursor!, offset: 2 },
      { sort: 'kaos' },
      { overdue: 'kanske' },
      { year: 'i fjol' },
    ]) {
      const response = await ctx.http().get('/api/v1/cases').query(query).set(as).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const forged = Buffer.from(JSON.stringify(['title', 'asc', "x') OR 1=1 --", 'not-a-uuid'])).toString('base64url');
    await ctx.http().get('/api/v1/cases').query({ sort: 'title', order: 'asc', cursor: forged }).set(as).expect(400);
  });

  it('lists only the own organisation’s cases', async () => {
    const other = await ctx.factories.organisation();
    const stranger = await ctx.factories.person(other.id, { roles: [Role.Registrar] });
    const response = await ctx
      .http()
      .get('/api/v1/cases')
      .query({ sort: 'title', order: 'asc' })
      .set(await ctx.as(stranger))
      .expect(200);
    expect((response.body as CasePage).total).toBe(0);
  });
});
