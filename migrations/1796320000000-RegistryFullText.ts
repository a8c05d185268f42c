import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search of the registry: the text of a registered document's file, and the words of
 * cases and documents indexed by Swedish stemming (`remissvar` finds `remissvaren`) over the
 * folded text (`search_fold`: one Unicode form, case and foreign accents away, å ä ö kept).
 * `registry_search_vector` is the one expression both the indexes and the queries use.
 */
export class RegistryFullText1796320000000 implements MigrationInterface {
  name = 'RegistryFullText1796320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registered_documents" ADD "content_text" text`);
    await queryRunner.query(`
      CREATE FUNCTION registry_search_vector(a text, b text, c text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT to_tsvector('swedish'::regconfig, search_fold(concat_ws(' ', a, b, c)))
      $$`);
    await queryRunner.query(
      `CREATE INDEX "idx_cases_search" ON "cases" USING GIN (registry_search_vector("title", "counterpart", "description"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_registered_documents_search" ON "registered_documents" USING GIN (registry_search_vector("title", "counterpart", "content_text"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_registered_documents_search"`);
    await queryRunner.query(`DROP INDEX "idx_cases_search"`);
    await queryRunner.query(`DROP FUNCTION registry_search_vector(text, text, text)`);
    await queryRunner.query(`ALTER TABLE "registered_documents" DROP COLUMN "content_text"`);
  }
}
