import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditMacs1796287267646 implements MigrationInterface {
  name = 'AuditMacs1796287267646';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The MACs need the audit key, which the database never holds: records written before this
    // have none, and verification reports their chain as not anchored.
    await queryRunner.query(`ALTER TABLE "audit_chain_heads" ADD "mac" character(64)`);
    await queryRunner.query(`ALTER TABLE "audit_records" ADD "mac" character(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_records" DROP COLUMN "mac"`);
    await queryRunner.query(`ALTER TABLE "audit_chain_heads" DROP COLUMN "mac"`);
  }
}
