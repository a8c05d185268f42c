import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CompilationSnapshot1796022623938 implements MigrationInterface {
  name = 'CompilationSnapshot1796022623938';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "issued_documents" ADD "snapshot" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "issued_documents" DROP COLUMN "snapshot"`);
  }
}
