import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutsideSenders1796317260375 implements MigrationInterface {
  name = 'OutsideSenders1796317260375';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consultations" ADD "outside_sender_name" text`);
    await queryRunner.query(`ALTER TABLE "consultations" ADD "outside_sender_email" text`);
    await queryRunner.query(`ALTER TABLE "consultations" ADD "outside_sender_address" text`);
    await queryRunner.query(`ALTER TABLE "consultations" ADD "outside_sender_reference" text`);
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "chk_consultations_outside_details" CHECK (outside_sender_name IS NOT NULL OR (outside_sender_address IS NULL AND outside_sender_reference IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "chk_consultations_outside_sender" CHECK ((outside_sender_name IS NULL) = (outside_sender_email IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "chk_consultations_outside_sender"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "chk_consultations_outside_details"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP COLUMN "outside_sender_reference"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP COLUMN "outside_sender_address"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP COLUMN "outside_sender_email"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP COLUMN "outside_sender_name"`);
  }
}
