import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginAttemptCounters1796307353988 implements MigrationInterface {
  name = 'LoginAttemptCounters1796307353988';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_attempt_counters" ("key" text NOT NULL, "attempts" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "chk_login_attempt_counters_attempts" CHECK (attempts >= 0), CONSTRAINT "pk_login_attempt_counters" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_login_attempt_counters_expires_at" ON "login_attempt_counters"  ("expires_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_login_attempt_counters_expires_at"`);
    await queryRunner.query(`DROP TABLE "login_attempt_counters"`);
  }
}
