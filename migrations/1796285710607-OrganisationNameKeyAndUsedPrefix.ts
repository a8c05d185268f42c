import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationNameKeyAndUsedPrefix1796285710607 implements MigrationInterface {
  name = 'OrganisationNameKeyAndUsedPrefix1796285710607';

  async up(queryRunner: QueryRunner): Promise<void> {
    // "Kommunstyrelsen " and "kommunstyrelsen" are one name to anyone reading a list of boards.
    await queryRunner.query(`DROP INDEX "public"."uq_organisations_name"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisations_name_key" ON "organisations" (lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')))`,
    );
    // A diary series numbers its cases under the prefix: removing it would stop every registration
    // in the organisation, group remisses included. The series are the registry's, so the rule
    // lives here rather than in the directory's code.
    await queryRunner.query(`CREATE FUNCTION organisations_keep_used_diary_prefix() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM diary_counters WHERE organisation_id = OLD.id) THEN
          RAISE EXCEPTION 'diary prefix % is used by a diary series', OLD.diary_prefix
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_organisations_diary_prefix_in_use';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER trg_organisations_keep_used_diary_prefix
      BEFORE UPDATE OF diary_prefix ON "organisations"
      FOR EACH ROW WHEN (OLD.diary_prefix IS NOT NULL AND NEW.diary_prefix IS NULL)
      EXECUTE FUNCTION organisations_keep_used_diary_prefix()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_organisations_keep_used_diary_prefix ON "organisations"`);
    await queryRunner.query(`DROP FUNCTION organisations_keep_used_diary_prefix()`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisations_name_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisations_name" ON "organisations" ("name")`);
  }
}
