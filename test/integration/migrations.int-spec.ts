import { loadAppConfig, pendingSchemaChanges, revertAllMigrations, runMigrationsLocked } from '@app/platform';
import { createDataSource, MIGRATIONS } from '@app/schema';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

import { createDatabase, dropDatabase } from '../../scripts/database-admin.js';
import { baseDatabaseUrl, databasePrefix } from '../setup/test-environment.js';

describe('migrations', () => {
  const name = `${databasePrefix()}migrations_${randomBytes(3).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await createDatabase(baseDatabaseUrl(), name);
    dataSource = await createDataSource(loadAppConfig({ DATABASE_URL: url, NODE_ENV: 'test' }), {
      poolSize: 2,
    }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(baseDatabaseUrl(), name);
  });

  async function tables(): Promise<string[]> {
    const rows = await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((r) => r.table_name);
  }

  it('go up, down and up again on an empty database, ending where the entities are', async () => {
    expect(await runMigrationsLocked(dataSource)).toHaveLength(MIGRATIONS.length);
    const built = await tables();
    expect(built).toEqual(expect.arrayContaining(['organisations', 'people', 'audit_records', 'outbox_jobs']));

    expect(await revertAllMigrations(dataSource)).toBe(MIGRATIONS.length);
    expect(await tables()).toEqual(['schema_migrations']);
    const [leftovers] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
    );
    expect(leftovers!.n).toBe(0);

    expect(await runMigrationsLocked(dataSource)).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(built);
    expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
  });

  it('carries the decisions, approved statements and section entries of the earlier schema over', async () => {
    await runMigrationsLocked(dataSource);
    // Back to just before decisions were bound to the meetings of the calendar.
    const bound = 'DecisionsAtMeetings1796290317430';
    while ((await dataSource.query<unknown[]>(`SELECT 1 FROM schema_migrations WHERE name = $1`, [bound])).length) {
      await dataSource.undoLastMigration();
    }
    const [org, person, registered, remiss, first, second, statement, meeting, revision] = Array.from(
      { length: 9 },
      () => randomUUID(),
    );
    await dataSource.query(
      `INSERT INTO organisations (id, name, kind) VALUES ($1, 'Gamla nämnden', 'district_board')`,
      [org],
    );
    await dataSource.query(
      `INSERT INTO people (id, organisation_id, name, email) VALUES ($1, $2, 'Gammal Registrator', 'gammal@example.se')`,
      [person, org],
    );
    await dataSource.query(
      `INSERT INTO cases (id, organisation_id, year, sequence, diary_number, title, registered_on, registered_at)
       VALUES ($1, $2, 2025, 1, 'GN 2025/1', 'Ärende', '2025-09-01', now())`,
      [registered, org],
    );
    await dataSource.query(
      `INSERT INTO consultations (id, organisation_id, case_id, title, response_deadline, created_by)
       VALUES ($1, $2, $3, 'Remiss', '2025-12-01', $4)`,
      [remiss, org, registered, person],
    );
    await dataSource.query(
      `INSERT INTO consultation_sections (id, consultation_id, position, title) VALUES ($1, $3, 1, 'Första'), ($2, $3, 2, 'Andra')`,
      [first, second, remiss],
    );
    await dataSource.query(
      `INSERT INTO statements (id, organisation_id, case_id, current_revision, approved_revision, status, created_by)
       VALUES ($1, $2, $3, 1, 1, 'adopted', $4)`,
      [statement, org, registered, person],
    );
    await dataSource.query(
      `INSERT INTO board_meetings (id, organisation_id, meeting_date, agenda_deadline) VALUES ($1, $2, '2025-10-23', '2025-10-09')`,
      [meeting, org],
    );
    await dataSource.query(
      `INSERT INTO statement_revisions (id, statement_id, number, title, heading, proposed_decision, officer_id,
                                        document_date, content_hash, author_id, meeting_id)
       VALUES ($1, $2, 1, 'Titel', 'Yttrande', '{"Beslut"}', $3, '2025-09-25', repeat('a', 64), $3, $4)`,
      [revision, statement, person, meeting],
    );
    await dataSource.query(
      `INSERT INTO statement_revision_sections (revision_id, section_id) VALUES ($1, $2), ($1, $3)`,
      [revision, second, first],
    );
    // A decision at a meeting of the calendar, and one on a day the calendar lacks.
    await dataSource.query(
      `INSERT INTO board_decisions (statement_id, revision_number, decision_text, outcome, confirmed_immediately,
                                    confirmation_date, recorded_by, recorded_at, meeting_date, paragraph)
       VALUES ($1, 1, 'Återremiss', 'referred_back', true, '2025-10-02', $2, now(), '2025-10-02', '7'),
              ($1, 1, 'Beslut', 'adopted', true, '2025-10-23', $2, now(), '2025-10-23', '§ 12')`,
      [statement, person],
    );

    await runMigrationsLocked(dataSource);
    const decisions = await dataSource.query<{ meeting_date: string; meeting_id: string; paragraph_number: number }[]>(
      `SELECT m.meeting_date::text AS meeting_date, d.meeting_id, d.paragraph_number
       FROM board_decisions d JOIN board_meetings m ON m.id = d.meeting_id ORDER BY m.meeting_date`,
    );
    expect(decisions).toEqual([
      { meeting_date: '2025-10-02', meeting_id: expect.any(String), paragraph_number: 7 },
      { meeting_date: '2025-10-23', meeting_id: meeting, paragraph_number: 12 },
    ]);
    expect(await dataSource.query(`SELECT meeting_id FROM statements WHERE id = $1`, [statement])).toEqual([
      { meeting_id: meeting },
    ]);
    expect(
      await dataSource.query(
        `SELECT section_id, ordinal FROM statement_revision_sections WHERE revision_id = $1 ORDER BY ordinal`,
        [revision],
      ),
    ).toEqual([
      { section_id: first, ordinal: 1 },
      { section_id: second, ordinal: 2 },
    ]);
  });

  it('let two processes start at once: one migrates, the other finds nothing to do', async () => {
    const url = dataSource.options.type === 'postgres' ? String(dataSource.options.url) : '';
    // A pool of one, as the API's migrator has: the lock must not take its only connection.
    const second = await createDataSource(loadAppConfig({ DATABASE_URL: url, NODE_ENV: 'test' }), {
      poolSize: 1,
    }).initialize();
    try {
      await revertAllMigrations(dataSource);
      const [a, b] = await Promise.all([runMigrationsLocked(dataSource), runMigrationsLocked(second)]);
      expect(a.length + b.length).toBe(MIGRATIONS.length);
    } finally {
      await second.destroy();
    }
  });
});
