import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DiaryFormats1796318411921 implements MigrationInterface {
  name = 'DiaryFormats1796318411921';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_cases_organisation_year_sequence"`);
    await queryRunner.query(
      `CREATE TABLE "diary_formats" ("organisation_id" uuid NOT NULL, "template" text NOT NULL, "document_separator" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_diary_formats" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "diary_counters" ADD "classification" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "diary_counters" DROP CONSTRAINT "pk_diary_counters"`);
    await queryRunner.query(
      `ALTER TABLE "diary_counters" ADD CONSTRAINT "pk_diary_counters" PRIMARY KEY ("organisation_id", "year", "classification")`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "numbering_class" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "document_separator" text NOT NULL DEFAULT '-'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cases_organisation_year_sequence" ON "cases"  ("organisation_id", "year", "numbering_class", "sequence") `,
    );
    await queryRunner.query(
      `ALTER TABLE "diary_formats" ADD CONSTRAINT "fk_diary_formats_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "diary_formats" DROP CONSTRAINT "fk_diary_formats_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cases_organisation_year_sequence"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "document_separator"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "numbering_class"`);
    await queryRunner.query(`ALTER TABLE "diary_counters" DROP CONSTRAINT "pk_diary_counters"`);
    await queryRunner.query(
      `ALTER TABLE "diary_counters" ADD CONSTRAINT "pk_diary_counters" PRIMARY KEY ("organisation_id", "year")`,
    );
    await queryRunner.query(`ALTER TABLE "diary_counters" DROP COLUMN "classification"`);
    await queryRunner.query(`DROP TABLE "diary_formats"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cases_organisation_year_sequence" ON "cases" USING btree ("organisation_id", "year", "sequence") `,
    );
  }
}
