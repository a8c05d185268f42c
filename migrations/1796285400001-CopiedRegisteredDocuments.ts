import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CopiedRegisteredDocuments1796285400001 implements MigrationInterface {
  name = 'CopiedRegisteredDocuments1796285400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registered_documents" ADD "copied_from_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "idx_registered_documents_copied_from" ON "registered_documents"  ("copied_from_id") WHERE copied_from_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "registered_documents" ADD CONSTRAINT "fk_registered_documents_copied_from_id" FOREIGN KEY ("copied_from_id") REFERENCES "registered_documents"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "registered_documents" DROP CONSTRAINT "fk_registered_documents_copied_from_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_registered_documents_copied_from"`);
    await queryRunner.query(`ALTER TABLE "registered_documents" DROP COLUMN "copied_from_id"`);
  }
}
