import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStatements1795710905374 implements MigrationInterface {
  name = 'CreateStatements1795710905374';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "approval_chain_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "position" integer NOT NULL, "role" text NOT NULL, "same_department" boolean NOT NULL DEFAULT false, CONSTRAINT "chk_approval_chain_steps_role" CHECK (role IN ('case_officer', 'head_of_department', 'director', 'registrar', 'administrator')), CONSTRAINT "pk_approval_chain_steps" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_approval_chain_steps_organisation_position" ON "approval_chain_steps"  ("organisation_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "substitutes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "substitute_id" uuid NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_substitutes_not_self" CHECK (person_id <> substitute_id), CONSTRAINT "chk_substitutes_period" CHECK (valid_to >= valid_from), CONSTRAINT "pk_substitutes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_substitutes_organisation_substitute" ON "substitutes"  ("organisation_id", "substitute_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "heading" text NOT NULL, "proposed_decision" text array NOT NULL, "summary" text NOT NULL DEFAULT '', "background" text NOT NULL DEFAULT '', "matter" text NOT NULL DEFAULT '', "preparation_text" text NOT NULL DEFAULT '', "consulted_department_ids" uuid array NOT NULL DEFAULT '{}', "unions_informed_on" date, "union_forum" text, "views" text NOT NULL DEFAULT '', "position" text, "officer_id" uuid NOT NULL, "meeting_id" uuid, "document_date" date NOT NULL, "content_hash" character(64) NOT NULL, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_statement_revisions_position" CHECK (position IS NULL OR position IN ('supports', 'supports_in_part', 'opposes', 'no_comment')), CONSTRAINT "pk_statement_revisions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_statement_revisions_statement_number" ON "statement_revisions"  ("statement_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_revision_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "revision_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "registered_document_id" uuid, CONSTRAINT "pk_statement_revision_attachments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_statement_revision_attachments_revision_position" ON "statement_revision_attachments"  ("revision_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_revision_sections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "revision_id" uuid NOT NULL, "section_id" uuid NOT NULL, "position" text, "comment" text NOT NULL DEFAULT '', CONSTRAINT "chk_statement_revision_sections_position" CHECK (position IS NULL OR position IN ('supports', 'supports_in_part', 'opposes', 'no_comment')), CONSTRAINT "pk_statement_revision_sections" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_statement_revision_sections_revision_section" ON "statement_revision_sections"  ("revision_id", "section_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "recipient_id" uuid, "status" text NOT NULL DEFAULT 'drafting', "current_revision" integer NOT NULL, "approved_revision" integer, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_statements_frozen" CHECK ((status IN ('approved', 'adopted', 'answered')) = (approved_revision IS NOT NULL)), CONSTRAINT "chk_statements_status" CHECK (status IN ('drafting', 'in_approval', 'approved', 'adopted', 'answered')), CONSTRAINT "pk_statements" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_statements_organisation_status" ON "statements"  ("organisation_id", "status") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_statements_case_id" ON "statements"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "statement_approvals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "statement_id" uuid NOT NULL, "revision_number" integer NOT NULL, "content_hash" character(64) NOT NULL, "step" integer NOT NULL, "approver_id" uuid NOT NULL, "on_behalf_of_id" uuid, "decision" text NOT NULL, "comment" text NOT NULL DEFAULT '', "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "chk_statement_approvals_decision" CHECK (decision IN ('approved', 'changes_requested')), CONSTRAINT "pk_statement_approvals" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_statement_approvals_submission_approver" ON "statement_approvals"  ("submission_id", "approver_id") WHERE decision = 'approved'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_statement_approvals_submission_step" ON "statement_approvals"  ("submission_id", "step") WHERE decision = 'approved'`,
    );
    await queryRunner.query(
      `CREATE TABLE "statement_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "revision_number" integer NOT NULL, "content_hash" character(64) NOT NULL, "chain" jsonb NOT NULL, "author_ids" uuid array NOT NULL, "status" text NOT NULL DEFAULT 'open', "submitted_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_statement_submissions_status" CHECK (status IN ('open', 'approved', 'changes_requested', 'withdrawn')), CONSTRAINT "pk_statement_submissions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_statement_submissions_open" ON "statement_submissions"  ("statement_id") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE TABLE "board_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "revision_number" integer NOT NULL, "meeting_date" date NOT NULL, "paragraph" text NOT NULL, "decision_text" text NOT NULL, "outcome" text NOT NULL, "amended_text" text, "reservations" text NOT NULL DEFAULT '', "member_statements" text NOT NULL DEFAULT '', "confirmed_immediately" boolean NOT NULL, "confirmation_date" date NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "chk_board_decisions_amendment" CHECK ((outcome = 'adopted_with_amendments') = (amended_text IS NOT NULL)), CONSTRAINT "chk_board_decisions_outcome" CHECK (outcome IN ('adopted', 'adopted_with_amendments', 'referred_back')), CONSTRAINT "pk_board_decisions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_board_decisions_statement_id" ON "board_decisions"  ("statement_id") `);
    await queryRunner.query(
      `CREATE TABLE "board_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "meeting_date" date NOT NULL, "agenda_deadline" date NOT NULL, "cancelled" boolean NOT NULL DEFAULT false, CONSTRAINT "chk_board_meetings_deadline" CHECK (agenda_deadline <= meeting_date), CONSTRAINT "pk_board_meetings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_board_meetings_organisation_date" ON "board_meetings"  ("organisation_id", "meeting_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "preparation_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "department_id" uuid NOT NULL, "question" text NOT NULL, "deadline" date NOT NULL, "asked_by" uuid NOT NULL, "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answer" text, "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_preparation_requests" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_preparation_requests_department_open" ON "preparation_requests"  ("department_id") WHERE answered_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_preparation_requests_statement_id" ON "preparation_requests"  ("statement_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "approval_chain_steps" ADD CONSTRAINT "fk_approval_chain_steps_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "substitutes" ADD CONSTRAINT "fk_substitutes_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "substitutes" ADD CONSTRAINT "fk_substitutes_person_id" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "substitutes" ADD CONSTRAINT "fk_substitutes_substitute_id" FOREIGN KEY ("substitute_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revisions" ADD CONSTRAINT "fk_statement_revisions_statement_id" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revisions" ADD CONSTRAINT "fk_statement_revisions_officer_id" FOREIGN KEY ("officer_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revisions" ADD CONSTRAINT "fk_statement_revisions_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "board_meetings"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revisions" ADD CONSTRAINT "fk_statement_revisions_author_id" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revision_attachments" ADD CONSTRAINT "fk_statement_revision_attachments_revision_id" FOREIGN KEY ("revision_id") REFERENCES "statement_revisions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revision_attachments" ADD CONSTRAINT "fk_statement_revision_attachments_registered_document_id" FOREIGN KEY ("registered_document_id") REFERENCES "registered_documents"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revision_sections" ADD CONSTRAINT "fk_statement_revision_sections_revision_id" FOREIGN KEY ("revision_id") REFERENCES "statement_revisions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revision_sections" ADD CONSTRAINT "fk_statement_revision_sections_section_id" FOREIGN KEY ("section_id") REFERENCES "consultation_sections"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "fk_statements_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "fk_statements_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "fk_statements_recipient_id" FOREIGN KEY ("recipient_id") REFERENCES "consultation_recipients"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "fk_statements_created_by" FOREIGN KEY ("created_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_approvals" ADD CONSTRAINT "fk_statement_approvals_submission_id" FOREIGN KEY ("submission_id") REFERENCES "statement_submissions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_approvals" ADD CONSTRAINT "fk_statement_approvals_statement_id" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_approvals" ADD CONSTRAINT "fk_statement_approvals_approver_id" FOREIGN KEY ("approver_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_approvals" ADD CONSTRAINT "fk_statement_approvals_on_behalf_of_id" FOREIGN KEY ("on_behalf_of_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_submissions" ADD CONSTRAINT "fk_statement_submissions_statement_id" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_submissions" ADD CONSTRAINT "fk_statement_submissions_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "fk_board_decisions_statement_id" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "fk_board_decisions_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_meetings" ADD CONSTRAINT "fk_board_meetings_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "preparation_requests" ADD CONSTRAINT "fk_preparation_requests_statement_id" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "preparation_requests" ADD CONSTRAINT "fk_preparation_requests_department_id" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "preparation_requests" ADD CONSTRAINT "fk_preparation_requests_asked_by" FOREIGN KEY ("asked_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "preparation_requests" ADD CONSTRAINT "fk_preparation_requests_answered_by" FOREIGN KEY ("answered_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "preparation_requests" DROP CONSTRAINT "fk_preparation_requests_answered_by"`);
    await queryRunner.query(`ALTER TABLE "preparation_requests" DROP CONSTRAINT "fk_preparation_requests_asked_by"`);
    await queryRunner.query(
      `ALTER TABLE "preparation_requests" DROP CONSTRAINT "fk_preparation_requests_department_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "preparation_requests" DROP CONSTRAINT "fk_preparation_requests_statement_id"`,
    );
    await queryRunner.query(`ALTER TABLE "board_meetings" DROP CONSTRAINT "fk_board_meetings_organisation_id"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "fk_board_decisions_recorded_by"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "fk_board_decisions_statement_id"`);
    await queryRunner.query(
      `ALTER TABLE "statement_submissions" DROP CONSTRAINT "fk_statement_submissions_submitted_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_submissions" DROP CONSTRAINT "fk_statement_submissions_statement_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_approvals" DROP CONSTRAINT "fk_statement_approvals_on_behalf_of_id"`,
    );
    await queryRunner.query(`ALTER TABLE "statement_approvals" DROP CONSTRAINT "fk_statement_approvals_approver_id"`);
    await queryRunner.query(`ALTER TABLE "statement_approvals" DROP CONSTRAINT "fk_statement_approvals_statement_id"`);
    await queryRunner.query(`ALTER TABLE "statement_approvals" DROP CONSTRAINT "fk_statement_approvals_submission_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "fk_statements_created_by"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "fk_statements_recipient_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "fk_statements_case_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "fk_statements_organisation_id"`);
    await queryRunner.query(
      `ALTER TABLE "statement_revision_sections" DROP CONSTRAINT "fk_statement_revision_sections_section_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revision_sections" DROP CONSTRAINT "fk_statement_revision_sections_revision_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revision_attachments" DROP CONSTRAINT "fk_statement_revision_attachments_registered_document_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "statement_revision_attachments" DROP CONSTRAINT "fk_statement_revision_attachments_revision_id"`,
    );
    await queryRunner.query(`ALTER TABLE "statement_revisions" DROP CONSTRAINT "fk_statement_revisions_author_id"`);
    await queryRunner.query(`ALTER TABLE "statement_revisions" DROP CONSTRAINT "fk_statement_revisions_meeting_id"`);
    await queryRunner.query(`ALTER TABLE "statement_revisions" DROP CONSTRAINT "fk_statement_revisions_officer_id"`);
    await queryRunner.query(`ALTER TABLE "statement_revisions" DROP CONSTRAINT "fk_statement_revisions_statement_id"`);
    await queryRunner.query(`ALTER TABLE "substitutes" DROP CONSTRAINT "fk_substitutes_substitute_id"`);
    await queryRunner.query(`ALTER TABLE "substitutes" DROP CONSTRAINT "fk_substitutes_person_id"`);
    await queryRunner.query(`ALTER TABLE "substitutes" DROP CONSTRAINT "fk_substitutes_organisation_id"`);
    await queryRunner.query(
      `ALTER TABLE "approval_chain_steps" DROP CONSTRAINT "fk_approval_chain_steps_organisation_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_preparation_requests_statement_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_preparation_requests_department_open"`);
    await queryRunner.query(`DROP TABLE "preparation_requests"`);
    await queryRunner.query(`DROP INDEX "public"."uq_board_meetings_organisation_date"`);
    await queryRunner.query(`DROP TABLE "board_meetings"`);
    await queryRunner.query(`DROP INDEX "public"."idx_board_decisions_statement_id"`);
    await queryRunner.query(`DROP TABLE "board_decisions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_statement_submissions_open"`);
    await queryRunner.query(`DROP TABLE "statement_submissions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_statement_approvals_submission_step"`);
    await queryRunner.query(`DROP INDEX "public"."uq_statement_approvals_submission_approver"`);
    await queryRunner.query(`DROP TABLE "statement_approvals"`);
    await queryRunner.query(`DROP INDEX "public"."uq_statements_case_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_statements_organisation_status"`);
    await queryRunner.query(`DROP TABLE "statements"`);
    await queryRunner.query(`DROP INDEX "public"."uq_statement_revision_sections_revision_section"`);
    await queryRunner.query(`DROP TABLE "statement_revision_sections"`);
    await queryRunner.query(`DROP INDEX "public"."uq_statement_revision_attachments_revision_position"`);
    await queryRunner.query(`DROP TABLE "statement_revision_attachments"`);
    await queryRunner.query(`DROP INDEX "public"."uq_statement_revisions_statement_number"`);
    await queryRunner.query(`DROP TABLE "statement_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_substitutes_organisation_substitute"`);
    await queryRunner.query(`DROP TABLE "substitutes"`);
    await queryRunner.query(`DROP INDEX "public"."uq_approval_chain_steps_organisation_position"`);
    await queryRunner.query(`DROP TABLE "approval_chain_steps"`);
  }
}
