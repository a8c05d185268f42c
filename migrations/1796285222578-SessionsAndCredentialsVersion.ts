import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsAndCredentialsVersion1796285222578 implements MigrationInterface {
  name = 'SessionsAndCredentialsVersion1796285222578';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "revoked_tokens" ("token_id" uuid NOT NULL, "person_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_revoked_tokens" PRIMARY KEY ("token_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_revoked_tokens_expires_at" ON "revoked_tokens"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "people" ADD "credentials_version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(
      `ALTER TABLE "revoked_tokens" ADD CONSTRAINT "fk_revoked_tokens_person_id" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "revoked_tokens" DROP CONSTRAINT "fk_revoked_tokens_person_id"`);
    await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "credentials_version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_revoked_tokens_expires_at"`);
    await queryRunner.query(`DROP TABLE "revoked_tokens"`);
  }
}
