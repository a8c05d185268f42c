import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailOutboxAndPreferences1796321000000 implements MigrationInterface {
  name = 'MailOutboxAndPreferences1796321000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mail_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cause_key" text NOT NULL, "message_id" text NOT NULL, "kind" text NOT NULL, "organisation_id" uuid, "person_id" uuid, "recipient_id" uuid, "to_name" text NOT NULL, "to_address" text NOT NULL, "reply_to" text, "subject" text NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "attachments" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_mail_messages_status" CHECK (status IN ('pending', 'sent', 'failed')), CONSTRAINT "pk_mail_messages" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_mail_messages_person_kind" ON "mail_messages"  ("person_id", "kind", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_mail_messages_recipient" ON "mail_messages"  ("recipient_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_messages_message_id" ON "mail_messages"  ("message_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_messages_cause_key" ON "mail_messages"  ("cause_key") `);
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("person_id" uuid NOT NULL, "kind" text NOT NULL, "delivery" text NOT NULL, CONSTRAINT "chk_notification_preferences_delivery" CHECK (delivery IN ('immediate', 'digest', 'off')), CONSTRAINT "pk_notification_preferences" PRIMARY KEY ("person_id", "kind"))`,
    );
    await queryRunner.query(`ALTER TABLE "notification_messages" ADD "diary_number" text`);
    await queryRunner.query(
      `ALTER TABLE "mail_messages" ADD CONSTRAINT "fk_mail_messages_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mail_messages" ADD CONSTRAINT "fk_mail_messages_person_id" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "fk_notification_preferences_person_id" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "fk_notification_preferences_person_id"`,
    );
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP CONSTRAINT "fk_mail_messages_person_id"`);
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP CONSTRAINT "fk_mail_messages_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "notification_messages" DROP COLUMN "diary_number"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mail_messages_cause_key"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mail_messages_message_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mail_messages_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."idx_mail_messages_person_kind"`);
    await queryRunner.query(`DROP TABLE "mail_messages"`);
  }
}
