import { DEMO_PASSWORD, DirectorySeeder, OrganisationKind, STOCKHOLM } from '@app/directory';
import { AuditService } from '@app/platform';

import { snapshot } from '../support/snapshot.js';
import { TestContext } from '../support/test-context.js';

describe('the Stockholm seed', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    await ctx.get(DirectorySeeder).seed(STOCKHOLM, DEMO_PASSWORD);
  });

  afterAll(() => ctx.close());

  it('loads kommunstyrelsen and the eleven district boards with their administrations', async () => {
    const rows = await ctx.query<{ name: string; administration_name: string; diary_prefix: string; kind: string }>(
      `SELECT name, administration_name, diary_prefix, kind FROM organisations ORDER BY name`,
    );
    const districts = rows
      .filter((r) => r.kind === OrganisationKind.DistrictBoard)
      .map((r) => r.name.replace(' stadsdelsnämnd', ''));
    expect(districts.sort()).toEqual(
      [
        'Järva',
        'Hässelby-Vällingby',
        'Bromma',
        'Kungsholmens',
        'Norra innerstadens',
        'Södermalms',
        'Enskede-Årsta-Vantörs',
        'Skarpnäcks',
        'Farsta',
        'Hägersten-Älvsjö',
        'Skärholmens',
      ].sort(),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Kommunstyrelsen',
          administration_name: 'Stadsledningskontoret',
          diary_prefix: 'KS',
        }),
        expect.objectContaining({
          name: 'Hägersten-Älvsjö stadsdelsnämnd',
          administration_name: 'Hägersten-Älvsjö stadsdelsförvaltning',
          diary_prefix: 'HÄ',
        }),
      ]),
    );
    expect(rows.some((r) => r.kind === OrganisationKind.SpecialistBoard)).toBe(true);
    expect(rows.some((r) => r.kind === OrganisationKind.CompanyBoard)).toBe(true);
  });

  it('holds the people of the reference case, and everyone can log in', async () => {
    const people = await ctx.query<{
      name: string;
      title: string;
      phone: string;
      department: string | null;
      roles: string[];
    }>(
      `SELECT p.name, p.title, p.phone, d.name AS department, array_agg(ra.role ORDER BY ra.role) AS roles
       FROM people p LEFT JOIN departments d ON d.id = p.department_id JOIN role_assignments ra ON ra.person_id = p.id
       WHERE p.email IN ('jens.westlund@stockholm.se', 'alexander.baena@stockholm.se', 'lee.orberson@stockholm.se')
       GROUP BY p.id, d.name ORDER BY p.name`,
    );
    expect(people).toEqual([
      {
        name: 'Alexander Baena',
        title: 'avdelningschef',
        phone: '08-50821100',
        department: 'Avdelningen för ekonomi och upphandling',
        roles: ['head_of_department'],
      },
      {
        name: 'Jens Westlund',
        title: 'handläggare',
        phone: '08-50821150',
        department: 'Avdelningen för ekonomi och upphandling',
        roles: ['case_officer'],
      },
      { name: 'Lee Orberson', title: 'stadsdelsdirektör', phone: '08-50821000', department: null, roles: ['director'] },
    ]);
    const [footer] = await ctx.query<{ contact_email: string }>(
      `SELECT contact_email FROM departments WHERE name = 'Avdelningen för ekonomi och upphandling'`,
    );
    expect(footer!.contact_email).toBe('daniel.lauridsen@stockholm.se');
    await ctx.login({ email: 'jens.westlund@stockholm.se', password: DEMO_PASSWORD });
    await ctx.login({ email: 'per.holm@stockholm.se', password: DEMO_PASSWORD });
  });

  it('gives every organisation that can receive a remiss a case officer, head of department, director and registrar', async () => {
    const rows = await ctx.query<{ name: string; roles: string[] }>(
      `SELECT o.name, array_agg(DISTINCT ra.role ORDER BY ra.role) AS roles
       FROM organisations o JOIN role_assignments ra ON ra.organisation_id = o.id
       WHERE o.kind <> 'city' GROUP BY o.name`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) {
      expect(row.roles).toEqual(
        expect.arrayContaining(['case_officer', 'head_of_department', 'director', 'registrar']),
      );
    }
  });

  it('changes nothing when it runs again, and leaves every audit chain intact', async () => {
    const before = await snapshot(ctx);
    const report = await ctx.get(DirectorySeeder).seed(STOCKHOLM, DEMO_PASSWORD);
    expect(report).toMatchObject({ created: 0, updated: 0 });
    expect(await snapshot(ctx)).toEqual(before);
    const organisations = await ctx.query<{ id: string }>(`SELECT id FROM organisations`);
    for (const { id } of organisations) {
      expect(await ctx.get(AuditService).verifyChain(id)).toMatchObject({ valid: true });
    }
  });
});
