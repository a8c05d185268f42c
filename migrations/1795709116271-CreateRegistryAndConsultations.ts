import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistryAndConsultations1795709116271 implements MigrationInterface {
  name = 'CreateRegistryAndConsultations1795709116271';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_messages" DROP CONSTRAINT "fk_notification_messages_audience_organisation_id"`,
    );
    await queryRunner.query(
      `CREATE TABLE "consultation_answer_sections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "answer_id" uuid NOT NULL, "section_id" uuid NOT NULL, "position" text, "comment" text NOT NULL DEFAULT '', CONSTRAINT "chk_consultation_answer_sections_position" CHECK (position IS NULL OR position IN ('supports', 'supports_in_part', 'opposes', 'no_comment')), CONSTRAINT "pk_consultation_answer_sections" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consultation_answer_sections_answer_section" ON "consultation_answer_sections"  ("answer_id", "section_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "consultation_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "position" text NOT NULL, "comment" text NOT NULL DEFAULT '', "source" text NOT NULL, "answered_on" date NOT NULL, "sender_document_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_consultation_answers_source" CHECK (source IN ('statement', 'external')), CONSTRAINT "chk_consultation_answers_position" CHECK (position IN ('supports', 'supports_in_part', 'opposes', 'no_comment')), CONSTRAINT "pk_consultation_answers" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consultation_answers_recipient_id" ON "consultation_answers"  ("recipient_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "consultation_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "version" integer NOT NULL, "registered_document_id" uuid NOT NULL, "title" text NOT NULL, "file_blob_id" uuid NOT NULL, "file_name" text NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_consultation_documents" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_consultation_documents_consultation_version" ON "consultation_documents"  ("consultation_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "consultation_sections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', CONSTRAINT "pk_consultation_sections" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consultation_sections_consultation_position" ON "consultation_sections"  ("consultation_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "consultations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "response_deadline" date NOT NULL, "status" text NOT NULL DEFAULT 'draft', "documents_version" integer NOT NULL DEFAULT '1', "created_by" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "sent_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_consultations_sent" CHECK ((status = 'sent') = (sent_at IS NOT NULL)), CONSTRAINT "chk_consultations_status" CHECK (status IN ('draft', 'sent')), CONSTRAINT "pk_consultations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_consultations_organisation_id" ON "consultations"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "consultation_recipients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "organisation_id" uuid, "external_name" text, "external_email" text, "state" text NOT NULL DEFAULT 'sent', "response_deadline" date NOT NULL, "case_id" uuid, "diary_number" text, "assigned_department_id" uuid, "assigned_person_id" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "declined_at" TIMESTAMP WITH TIME ZONE, "decline_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_consultation_recipients_declined" CHECK ((state = 'declined') = (declined_at IS NOT NULL)), CONSTRAINT "chk_consultation_recipients_state" CHECK (state IN ('sent', 'registered', 'assigned', 'drafting', 'in_approval', 'decided', 'answered', 'declined')), CONSTRAINT "chk_consultation_recipients_email_lower" CHECK (external_email = lower(external_email)), CONSTRAINT "chk_consultation_recipients_external" CHECK ((external_email IS NULL) = (external_name IS NULL)), CONSTRAINT "chk_consultation_recipients_kind" CHECK ((organisation_id IS NULL) <> (external_email IS NULL)), CONSTRAINT "pk_consultation_recipients" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consultation_recipients_case_id" ON "consultation_recipients"  ("case_id") WHERE case_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_consultation_recipients_organisation_id" ON "consultation_recipients"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consultation_recipients_external_email" ON "consultation_recipients"  ("consultation_id", "external_email") WHERE external_email IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consultation_recipients_organisation" ON "consultation_recipients"  ("consultation_id", "organisation_id") WHERE organisation_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "extension_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "requested_deadline" date NOT NULL, "reason" text NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "comment" text, CONSTRAINT "chk_extension_requests_decided" CHECK ((status = 'pending') = (decided_at IS NULL)), CONSTRAINT "chk_extension_requests_status" CHECK (status IN ('pending', 'granted', 'refused')), CONSTRAINT "pk_extension_requests" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_extension_requests_pending" ON "extension_requests"  ("recipient_id") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE TABLE "consultation_reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "kind" text NOT NULL, "deadline" date NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_consultation_reminders" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consultation_reminders_recipient_kind_deadline" ON "consultation_reminders"  ("recipient_id", "kind", "deadline") `,
    );
    await queryRunner.query(
      `CREATE TABLE "records_plan_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_records_plan_entries" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_records_plan_entries_organisation_code" ON "records_plan_entries"  ("organisation_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "diary_counters" ("organisation_id" uuid NOT NULL, "year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "chk_diary_counters_last_number" CHECK (last_number >= 0), CONSTRAINT "pk_diary_counters" PRIMARY KEY ("organisation_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "year" integer NOT NULL, "sequence" integer NOT NULL, "diary_number" text NOT NULL, "title" text NOT NULL, "description" text, "status" text NOT NULL DEFAULT 'open', "classification_code" text, "responsible_department_id" uuid, "responsible_person_id" uuid, "counterpart" text, "linked_diary_number" text, "origin_key" text, "registered_on" date NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, "last_document_number" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_cases_closed" CHECK ((status = 'closed') = (closed_at IS NOT NULL)), CONSTRAINT "chk_cases_status" CHECK (status IN ('open', 'closed')), CONSTRAINT "pk_cases" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_cases_responsible_person_id" ON "cases"  ("responsible_person_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_cases_organisation_registered_at" ON "cases"  ("organisation_id", "registered_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cases_origin_key" ON "cases"  ("origin_key") WHERE origin_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cases_organisation_diary_number" ON "cases"  ("organisation_id", "diary_number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cases_organisation_year_sequence" ON "cases"  ("organisation_id", "year", "sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "file_blobs" ("id" uuid NOT NULL, "sha256" character(64) NOT NULL, "size" bigint NOT NULL, "media_type" text NOT NULL, "chunk_count" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_file_blobs_size" CHECK (size >= 0), CONSTRAINT "pk_file_blobs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_file_blobs_sha256" ON "file_blobs"  ("sha256") `);
    await queryRunner.query(
      `CREATE TABLE "registered_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "number" integer NOT NULL, "direction" text NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "document_date" date NOT NULL, "registered_on" date NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by" uuid, "counterpart" text, "file_blob_id" uuid, "file_name" text, "origin_key" text, "secrecy_ground" text, "annulled_at" TIMESTAMP WITH TIME ZONE, "annulled_by" uuid, "annulment_reason" text, CONSTRAINT "chk_registered_documents_annulment" CHECK ((annulled_at IS NULL) = (annulment_reason IS NULL)), CONSTRAINT "chk_registered_documents_file" CHECK ((file_blob_id IS NULL) = (file_name IS NULL)), CONSTRAINT "chk_registered_documents_direction" CHECK (direction IN ('incoming', 'outgoing', 'internal')), CONSTRAINT "pk_registered_documents" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_registered_documents_organisation_registered_on" ON "registered_documents"  ("organisation_id", "registered_on") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_registered_documents_origin_key" ON "registered_documents"  ("origin_key") WHERE origin_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_registered_documents_case_number" ON "registered_documents"  ("case_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "file_chunks" ("blob_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "pk_file_chunks" PRIMARY KEY ("blob_id", "seq"))`,
    );
    await queryRunner.query(`ALTER TABLE "notification_messages" DROP COLUMN "audience_organisation_id"`);
    // A message may now go to named people and to role holders at once; roles are always those of the message's own organisation.
    await queryRunner.query(
      `ALTER TABLE "notification_messages" DROP CONSTRAINT IF EXISTS "chk_notification_messages_audience"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_messages" ADD CONSTRAINT "chk_notification_messages_audience" CHECK (audience_person_ids IS NOT NULL OR audience_roles IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_answer_sections" ADD CONSTRAINT "fk_consultation_answer_sections_answer_id" FOREIGN KEY ("answer_id") REFERENCES "consultation_answers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_answer_sections" ADD CONSTRAINT "fk_consultation_answer_sections_section_id" FOREIGN KEY ("section_id") REFERENCES "consultation_sections"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_answers" ADD CONSTRAINT "fk_consultation_answers_recipient_id" FOREIGN KEY ("recipient_id") REFERENCES "consultation_recipients"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_answers" ADD CONSTRAINT "fk_consultation_answers_sender_document_id" FOREIGN KEY ("sender_document_id") REFERENCES "registered_documents"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_documents" ADD CONSTRAINT "fk_consultation_documents_consultation_id" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_documents" ADD CONSTRAINT "fk_consultation_documents_registered_document_id" FOREIGN KEY ("registered_document_id") REFERENCES "registered_documents"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_documents" ADD CONSTRAINT "fk_consultation_documents_file_blob_id" FOREIGN KEY ("file_blob_id") REFERENCES "file_blobs"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_sections" ADD CONSTRAINT "fk_consultation_sections_consultation_id" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations_created_by" FOREIGN KEY ("created_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations_sent_by" FOREIGN KEY ("sent_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" ADD CONSTRAINT "fk_consultation_recipients_consultation_id" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" ADD CONSTRAINT "fk_consultation_recipients_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" ADD CONSTRAINT "fk_consultation_recipients_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" ADD CONSTRAINT "fk_consultation_recipients_assigned_department_id" FOREIGN KEY ("assigned_department_id") REFERENCES "departments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" ADD CONSTRAINT "fk_consultation_recipients_assigned_person_id" FOREIGN KEY ("assigned_person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "fk_extension_requests_recipient_id" FOREIGN KEY ("recipient_id") REFERENCES "consultation_recipients"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "fk_extension_requests_requested_by" FOREIGN KEY ("requested_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "fk_extension_requests_decided_by" FOREIGN KEY ("decided_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_reminders" ADD CONSTRAINT "fk_consultation_reminders_recipient_id" FOREIGN KEY ("recipient_id") REFERENCES "consultation_recipients"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "records_plan_entries" ADD CONSTRAINT "fk_records_plan_entries_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "diary_counters" ADD CONSTRAINT "fk_diary_counters_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_responsible_department_id" FOREIGN KEY ("responsible_department_id") REFERENCES "departments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_responsible_person_id" FOREIGN KEY ("responsible_person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_registered_by" FOREIGN KEY ("registered_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_closed_by" FOREIGN KEY ("closed_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registered_documents" ADD CONSTRAINT "fk_registered_documents_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registered_documents" ADD CONSTRAINT "fk_registered_documents_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registered_documents" ADD CONSTRAINT "fk_registered_documents_registered_by" FOREIGN KEY ("registered_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registered_documents" ADD CONSTRAINT "fk_registered_documents_file_blob_id" FOREIGN KEY ("file_blob_id") REFERENCES "file_blobs"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registered_documents" ADD CONSTRAINT "fk_registered_documents_annulled_by" FOREIGN KEY ("annulled_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "file_chunks" ADD CONSTRAINT "fk_file_chunks_blob_id" FOREIGN KEY ("blob_id") REFERENCES "file_blobs"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "file_chunks" DROP CONSTRAINT "fk_file_chunks_blob_id"`);
    await queryRunner.query(`ALTER TABLE "registered_documents" DROP CONSTRAINT "fk_registered_documents_annulled_by"`);
    await queryRunner.query(
      `ALTER TABLE "registered_documents" DROP CONSTRAINT "fk_registered_documents_file_blob_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "registered_documents" DROP CONSTRAINT "fk_registered_documents_registered_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "registered_documents" DROP CONSTRAINT "fk_registered_documents_organisation_id"`,
    );
    await queryRunner.query(`ALTER TABLE "registered_documents" DROP CONSTRAINT "fk_registered_documents_case_id"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_closed_by"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_registered_by"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_responsible_person_id"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_responsible_department_id"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "diary_counters" DROP CONSTRAINT "fk_diary_counters_organisation_id"`);
    await queryRunner.query(
      `ALTER TABLE "records_plan_entries" DROP CONSTRAINT "fk_records_plan_entries_organisation_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_reminders" DROP CONSTRAINT "fk_consultation_reminders_recipient_id"`,
    );
    await queryRunner.query(`ALTER TABLE "extension_requests" DROP CONSTRAINT "fk_extension_requests_decided_by"`);
    await queryRunner.query(`ALTER TABLE "extension_requests" DROP CONSTRAINT "fk_extension_requests_requested_by"`);
    await queryRunner.query(`ALTER TABLE "extension_requests" DROP CONSTRAINT "fk_extension_requests_recipient_id"`);
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" DROP CONSTRAINT "fk_consultation_recipients_assigned_person_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" DROP CONSTRAINT "fk_consultation_recipients_assigned_department_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" DROP CONSTRAINT "fk_consultation_recipients_case_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" DROP CONSTRAINT "fk_consultation_recipients_organisation_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" DROP CONSTRAINT "fk_consultation_recipients_consultation_id"`,
    );
    await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "fk_consultations_sent_by"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "fk_consultations_created_by"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "fk_consultations_case_id"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "fk_consultations_organisation_id"`);
    await queryRunner.query(
      `ALTER TABLE "consultation_sections" DROP CONSTRAINT "fk_consultation_sections_consultation_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_documents" DROP CONSTRAINT "fk_consultation_documents_file_blob_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_documents" DROP CONSTRAINT "fk_consultation_documents_registered_document_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_documents" DROP CONSTRAINT "fk_consultation_documents_consultation_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_answers" DROP CONSTRAINT "fk_consultation_answers_sender_document_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_answers" DROP CONSTRAINT "fk_consultation_answers_recipient_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_answer_sections" DROP CONSTRAINT "fk_consultation_answer_sections_section_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_answer_sections" DROP CONSTRAINT "fk_consultation_answer_sections_answer_id"`,
    );
    await queryRunner.query(`ALTER TABLE "notification_messages" DROP CONSTRAINT "chk_notification_messages_audience"`);
    await queryRunner.query(`ALTER TABLE "notification_messages" ADD "audience_organisation_id" uuid`);
    await queryRunner.query(
      `UPDATE "notification_messages" SET "audience_organisation_id" = "organisation_id" WHERE "audience_roles" IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "notification_messages" SET "audience_person_ids" = NULL WHERE "audience_roles" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_messages" ADD CONSTRAINT "chk_notification_messages_audience" CHECK ((audience_person_ids IS NOT NULL) <> (audience_organisation_id IS NOT NULL AND audience_roles IS NOT NULL))`,
    );
    await queryRunner.query(`DROP TABLE "file_chunks"`);
    await queryRunner.query(`DROP INDEX "public"."uq_registered_documents_case_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_registered_documents_origin_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_registered_documents_organisation_registered_on"`);
    await queryRunner.query(`DROP TABLE "registered_documents"`);
    await queryRunner.query(`DROP INDEX "public"."uq_file_blobs_sha256"`);
    await queryRunner.query(`DROP TABLE "file_blobs"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cases_organisation_year_sequence"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cases_organisation_diary_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cases_origin_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cases_organisation_registered_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cases_responsible_person_id"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP TABLE "diary_counters"`);
    await queryRunner.query(`DROP INDEX "public"."uq_records_plan_entries_organisation_code"`);
    await queryRunner.query(`DROP TABLE "records_plan_entries"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consultation_reminders_recipient_kind_deadline"`);
    await queryRunner.query(`DROP TABLE "consultation_reminders"`);
    await queryRunner.query(`DROP INDEX "public"."uq_extension_requests_pending"`);
    await queryRunner.query(`DROP TABLE "extension_requests"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consultation_recipients_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consultation_recipients_external_email"`);
    await queryRunner.query(`DROP INDEX "public"."idx_consultation_recipients_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consultation_recipients_case_id"`);
    await queryRunner.query(`DROP TABLE "consultation_recipients"`);
    await queryRunner.query(`DROP INDEX "public"."idx_consultations_organisation_id"`);
    await queryRunner.query(`DROP TABLE "consultations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consultation_sections_consultation_position"`);
    await queryRunner.query(`DROP TABLE "consultation_sections"`);
    await queryRunner.query(`DROP INDEX "public"."idx_consultation_documents_consultation_version"`);
    await queryRunner.query(`DROP TABLE "consultation_documents"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consultation_answers_recipient_id"`);
    await queryRunner.query(`DROP TABLE "consultation_answers"`);
    await queryRunner.query(`DROP INDEX "public"."uq_consultation_answer_sections_answer_section"`);
    await queryRunner.query(`DROP TABLE "consultation_answer_sections"`);
    await queryRunner.query(
      `ALTER TABLE "notification_messages" ADD CONSTRAINT "fk_notification_messages_audience_organisation_id" FOREIGN KEY ("audience_organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }
}
