import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseCoWorkers1796291402937 implements MigrationInterface {
  name = 'CaseCoWorkers1796291402937';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_co_workers" ("case_id" uuid NOT NULL, "person_id" uuid NOT NULL, "added_by" uuid, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_case_co_workers" PRIMARY KEY ("case_id", "person_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_case_co_workers_person_id" ON "case_co_workers"  ("person_id") `);
    await queryRunner.query(
      `ALTER TABLE "case_co_workers" ADD CONSTRAINT "fk_case_co_workers_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_co_workers" ADD CONSTRAINT "fk_case_co_workers_person_id" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_co_workers" ADD CONSTRAINT "fk_case_co_workers_added_by" FOREIGN KEY ("added_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_co_workers" DROP CONSTRAINT "fk_case_co_workers_added_by"`);
    await queryRunner.query(`ALTER TABLE "case_co_workers" DROP CONSTRAINT "fk_case_co_workers_person_id"`);
    await queryRunner.query(`ALTER TABLE "case_co_workers" DROP CONSTRAINT "fk_case_co_workers_case_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_case_co_workers_person_id"`);
    await queryRunner.query(`DROP TABLE "case_co_workers"`);
  }
}
