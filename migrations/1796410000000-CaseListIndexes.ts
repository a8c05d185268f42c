import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The diary lists an organisation's cases by diary number, registration or title, a page at a
 * time after the last row seen: an index per order, the id last, so that every page is a short
 * walk of the index however deep it lies.
 */
export class CaseListIndexes1796410000000 implements MigrationInterface {
  name = 'CaseListIndexes1796410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_cases_organisation_registered_at"`);
    await queryRunner.query(
      `CREATE INDEX "idx_cases_list_registered_at" ON "cases" ("organisation_id", "registered_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cases_list_diary_number" ON "cases" ("organisation_id", "year", "sequence", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_cases_list_title" ON "cases" ("organisation_id", "title", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_cases_list_title"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cases_list_diary_number"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cases_list_registered_at"`);
    await queryRunner.query(
      `CREATE INDEX "idx_cases_organisation_registered_at" ON "cases" ("organisation_id", "registered_at") `,
    );
  }
}
