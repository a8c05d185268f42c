import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlatformAndDirectory1795706793281 implements MigrationInterface {
  name = 'CreatePlatformAndDirectory1795706793281';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chain_heads" ("organisation_id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "pk_audit_chain_heads" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_records" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "organisation_id" uuid NOT NULL, "seq" bigint NOT NULL, "actor_person_id" uuid, "acting_organisation_id" uuid, "actor_process" text, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "uq_audit_records_chain_seq" UNIQUE ("organisation_id", "seq"), CONSTRAINT "pk_audit_records" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_records_entity" ON "audit_records"  ("entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "queue" text NOT NULL, "name" text NOT NULL, "payload" jsonb NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, "relay_count" integer NOT NULL DEFAULT '0', "settled_at" TIMESTAMP WITH TIME ZONE, "outcome" text, "last_error" text, CONSTRAINT "chk_outbox_jobs_outcome" CHECK (outcome IS NULL OR outcome IN ('completed', 'failed')), CONSTRAINT "pk_outbox_jobs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_jobs_unsettled" ON "outbox_jobs"  ("relayed_at") WHERE relayed_at IS NOT NULL AND settled_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_jobs_pending" ON "outbox_jobs"  ("seq") WHERE relayed_at IS NULL AND settled_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "administration_name" text, "diary_prefix" text, "street_address" text, "postal_code" text, "postal_town" text, "registry_email" text, "website" text, "parent_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_organisations_diary_prefix" CHECK (diary_prefix IS NULL OR diary_prefix ~ '^[A-ZÅÄÖ]{1,6}$'), CONSTRAINT "chk_organisations_kind" CHECK (kind IN ('city', 'executive_board', 'district_board', 'specialist_board', 'company_board')), CONSTRAINT "pk_organisations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisations_diary_prefix" ON "organisations"  ("diary_prefix") WHERE diary_prefix IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisations_name" ON "organisations"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "department_id" uuid, "name" text NOT NULL, "title" text, "email" text NOT NULL, "phone" text, "password_hash" text, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_people_email_lower" CHECK (email = lower(email)), CONSTRAINT "pk_people" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_people_organisation_id" ON "people"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_people_email" ON "people"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "role_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_role_assignments_role" CHECK (role IN ('case_officer', 'head_of_department', 'director', 'registrar', 'administrator')), CONSTRAINT "pk_role_assignments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_role_assignments_organisation_role" ON "role_assignments"  ("organisation_id", "role") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_role_assignments_person_organisation_role" ON "role_assignments"  ("person_id", "organisation_id", "role") `,
    );
    await queryRunner.query(
      `CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" text NOT NULL, "contact_email" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_departments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_departments_organisation_name" ON "departments"  ("organisation_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_key" text NOT NULL, "organisation_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link_type" text, "link_id" text, "audience_person_ids" uuid array, "audience_organisation_id" uuid, "audience_roles" text array, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_notification_messages_audience" CHECK ((audience_person_ids IS NOT NULL) <> (audience_organisation_id IS NOT NULL AND audience_roles IS NOT NULL)), CONSTRAINT "pk_notification_messages" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notification_messages_source_key" ON "notification_messages"  ("source_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" uuid NOT NULL, "person_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_notifications" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_inbox" ON "notifications"  ("person_id", "organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notifications_message_person" ON "notifications"  ("message_id", "person_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_chain_heads" ADD CONSTRAINT "fk_audit_chain_heads_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_records" ADD CONSTRAINT "fk_audit_records_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_records" ADD CONSTRAINT "fk_audit_records_actor_person_id" FOREIGN KEY ("actor_person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_records" ADD CONSTRAINT "fk_audit_records_acting_organisation_id" FOREIGN KEY ("acting_organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "fk_organisations_parent_id" FOREIGN KEY ("parent_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" ADD CONSTRAINT "fk_people_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" ADD CONSTRAINT "fk_people_department_id" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_assignments" ADD CONSTRAINT "fk_role_assignments_person_id" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_assignments" ADD CONSTRAINT "fk_role_assignments_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "departments" ADD CONSTRAINT "fk_departments_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_messages" ADD CONSTRAINT "fk_notification_messages_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_messages" ADD CONSTRAINT "fk_notification_messages_audience_organisation_id" FOREIGN KEY ("audience_organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_message_id" FOREIGN KEY ("message_id") REFERENCES "notification_messages"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_person_id" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // The audit trail is append-only: refuse UPDATE and DELETE of its records outright.
    await queryRunner.query(`CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit records are append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER trg_audit_records_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_records"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_audit_records_append_only ON "audit_records"`);
    await queryRunner.query(`DROP FUNCTION audit_records_append_only()`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_person_id"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_message_id"`);
    await queryRunner.query(
      `ALTER TABLE "notification_messages" DROP CONSTRAINT "fk_notification_messages_audience_organisation_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_messages" DROP CONSTRAINT "fk_notification_messages_organisation_id"`,
    );
    await queryRunner.query(`ALTER TABLE "departments" DROP CONSTRAINT "fk_departments_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "role_assignments" DROP CONSTRAINT "fk_role_assignments_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "role_assignments" DROP CONSTRAINT "fk_role_assignments_person_id"`);
    await queryRunner.query(`ALTER TABLE "people" DROP CONSTRAINT "fk_people_department_id"`);
    await queryRunner.query(`ALTER TABLE "people" DROP CONSTRAINT "fk_people_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP CONSTRAINT "fk_organisations_parent_id"`);
    await queryRunner.query(`ALTER TABLE "audit_records" DROP CONSTRAINT "fk_audit_records_acting_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "audit_records" DROP CONSTRAINT "fk_audit_records_actor_person_id"`);
    await queryRunner.query(`ALTER TABLE "audit_records" DROP CONSTRAINT "fk_audit_records_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "audit_chain_heads" DROP CONSTRAINT "fk_audit_chain_heads_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notifications_message_person"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_inbox"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notification_messages_source_key"`);
    await queryRunner.query(`DROP TABLE "notification_messages"`);
    await queryRunner.query(`DROP INDEX "public"."uq_departments_organisation_name"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`DROP INDEX "public"."uq_role_assignments_person_organisation_role"`);
    await queryRunner.query(`DROP INDEX "public"."idx_role_assignments_organisation_role"`);
    await queryRunner.query(`DROP TABLE "role_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."uq_people_email"`);
    await queryRunner.query(`DROP INDEX "public"."idx_people_organisation_id"`);
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisations_name"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisations_diary_prefix"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_jobs_pending"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_jobs_unsettled"`);
    await queryRunner.query(`DROP TABLE "outbox_jobs"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_records_entity"`);
    await queryRunner.query(`DROP TABLE "audit_records"`);
    await queryRunner.query(`DROP TABLE "audit_chain_heads"`);
  }
}
