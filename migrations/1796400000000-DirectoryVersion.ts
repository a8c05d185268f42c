import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One counter that every change to the directory (organisations, departments, people, role
 * assignments) moves, by trigger, in the changing transaction: an API process reads it with the
 * actor on each request and drops its cached directory data when it moved, so a change made
 * through any process is seen by the very next request through every other one.
 */
export class DirectoryVersion1796400000000 implements MigrationInterface {
  name = 'DirectoryVersion1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "directory_version" ("id" smallint NOT NULL DEFAULT 1, "version" bigint NOT NULL DEFAULT 1, CONSTRAINT "chk_directory_version_one_row" CHECK (id = 1), CONSTRAINT "pk_directory_version" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "directory_version" ("id", "version") VALUES (1, 1)`);
    await queryRunner.query(`
      CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE directory_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END
      $$`);
    for (const table of ['organisations', 'departments', 'people', 'role_assignments']) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_directory_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION directory_changed()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['organisations', 'departments', 'people', 'role_assignments']) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_directory_changed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION directory_changed()`);
    await queryRunner.query(`DROP TABLE "directory_version"`);
  }
}
