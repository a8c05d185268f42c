import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A board decision belongs to a meeting of the board's calendar and names its paragraph by
 * number, unique within the meeting; the board may decide to decline a remiss; an approved
 * statement keeps the meeting it goes before (a registrar may move it, which issues the
 * tjänsteutlåtande anew as a later edition); a decline records who decided; a revision keeps its
 * section entries in the remiss's order.
 */
export class DecisionsAtMeetings1796290317430 implements MigrationInterface {
  name = 'DecisionsAtMeetings1796290317430';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Issued documents: editions of one revision.
    await queryRunner.query(`DROP INDEX "public"."uq_issued_documents_kind_subject_revision"`);
    await queryRunner.query(`ALTER TABLE "issued_documents" ADD "edition" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_issued_documents_kind_subject_revision_edition" ON "issued_documents"  ("kind", "subject_id", "revision", "edition") `,
    );

    // Who decided a decline. Declines recorded before have no such record; their signed
    // avstående stays as it was issued.
    await queryRunner.query(`ALTER TABLE "consultation_recipients" ADD "declined_by_person_id" uuid`);
    await queryRunner.query(`ALTER TABLE "consultation_recipients" ADD "declined_by_name" text`);
    await queryRunner.query(`ALTER TABLE "consultation_recipients" ADD "declined_by_title" text`);
    await queryRunner.query(`ALTER TABLE "consultation_recipients" ADD "decline_decision_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" ADD CONSTRAINT "chk_consultation_recipients_decline_decision" CHECK ((declined_by_person_id IS NULL OR decline_decision_id IS NULL) AND (declined_by_person_id IS NULL) = (declined_by_name IS NULL))`,
    );

    // Section entries in the remiss's order (they were read in no particular order).
    await queryRunner.query(`ALTER TABLE "statement_revision_sections" ADD "ordinal" integer`);
    await queryRunner.query(
      `UPDATE "statement_revision_sections" rs SET "ordinal" = cs."position"
       FROM "consultation_sections" cs WHERE cs."id" = rs."section_id"`,
    );
    await queryRunner.query(`ALTER TABLE "statement_revision_sections" ALTER COLUMN "ordinal" SET NOT NULL`);

    // The meeting an approved statement goes before: the one its approved revision names.
    await queryRunner.query(`ALTER TABLE "statements" ADD "meeting_id" uuid`);
    await queryRunner.query(
      `UPDATE "statements" s SET "meeting_id" = r."meeting_id"
       FROM "statement_revisions" r WHERE r."statement_id" = s."id" AND r."number" = s."approved_revision"`,
    );

    // Decisions at meetings of the calendar. A decision recorded on a day the calendar lacks gets
    // that meeting added, so that no decision loses its meeting.
    await queryRunner.query(`ALTER TABLE "board_decisions" ADD "recipient_id" uuid`);
    await queryRunner.query(`ALTER TABLE "board_decisions" ADD "meeting_id" uuid`);
    await queryRunner.query(`ALTER TABLE "board_decisions" ADD "paragraph_number" integer`);
    await queryRunner.query(
      `INSERT INTO "board_meetings" ("organisation_id", "meeting_date", "agenda_deadline", "cancelled")
       SELECT DISTINCT s."organisation_id", d."meeting_date", d."meeting_date", false
       FROM "board_decisions" d JOIN "statements" s ON s."id" = d."statement_id"
       ON CONFLICT ("organisation_id", "meeting_date") DO NOTHING`,
    );
    await queryRunner.query(
      `UPDATE "board_decisions" d SET "meeting_id" = m."id",
              "paragraph_number" = substring(d."paragraph" from '[0-9]+')::integer
       FROM "statements" s, "board_meetings" m
       WHERE s."id" = d."statement_id" AND m."organisation_id" = s."organisation_id" AND m."meeting_date" = d."meeting_date"`,
    );
    await queryRunner.query(
      `DO $$ BEGIN
         IF EXISTS (SELECT 1 FROM "board_decisions" WHERE "paragraph_number" IS NULL OR "paragraph_number" < 1) THEN
           RAISE EXCEPTION 'board_decisions: a paragraph without a number (%); correct it before migrating',
             (SELECT string_agg("id"::text || ' ' || "paragraph", ', ') FROM "board_decisions"
              WHERE "paragraph_number" IS NULL OR "paragraph_number" < 1);
         END IF;
       END $$`,
    );
    await queryRunner.query(`ALTER TABLE "board_decisions" ALTER COLUMN "meeting_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "board_decisions" ALTER COLUMN "paragraph_number" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP COLUMN "paragraph"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP COLUMN "meeting_date"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "fk_board_decisions_statement_id"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" ALTER COLUMN "statement_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "board_decisions" ALTER COLUMN "revision_number" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "chk_board_decisions_outcome"`);
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "chk_board_decisions_outcome" CHECK (outcome IN ('adopted', 'adopted_with_amendments', 'referred_back', 'declined'))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_board_decisions_meeting_paragraph" ON "board_decisions"  ("meeting_id", "paragraph_number") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_board_decisions_recipient_id" ON "board_decisions"  ("recipient_id") `);
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "chk_board_decisions_paragraph" CHECK (paragraph_number > 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "chk_board_decisions_subject" CHECK ((outcome = 'declined') = (statement_id IS NULL) AND (statement_id IS NULL) = (revision_number IS NULL) AND (outcome = 'declined') = (recipient_id IS NOT NULL))`,
    );

    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" ADD CONSTRAINT "fk_consultation_recipients_declined_by_person_id" FOREIGN KEY ("declined_by_person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" ADD CONSTRAINT "fk_consultation_recipients_decline_decision_id" FOREIGN KEY ("decline_decision_id") REFERENCES "board_decisions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "fk_statements_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "board_meetings"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "fk_board_decisions_statement_id" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "fk_board_decisions_recipient_id" FOREIGN KEY ("recipient_id") REFERENCES "consultation_recipients"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "fk_board_decisions_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "board_meetings"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The earlier schema has no room for a board's decision to decline or a later edition: refuse
    // rather than lose them.
    await queryRunner.query(
      `DO $$ BEGIN
         IF EXISTS (SELECT 1 FROM "board_decisions" WHERE "outcome" = 'declined')
            OR EXISTS (SELECT 1 FROM "issued_documents" WHERE "edition" > 1) THEN
           RAISE EXCEPTION 'decisions to decline or re-issued documents exist: they would be lost by reverting';
         END IF;
       END $$`,
    );
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "fk_board_decisions_meeting_id"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "fk_board_decisions_recipient_id"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "fk_board_decisions_statement_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "fk_statements_meeting_id"`);
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" DROP CONSTRAINT "fk_consultation_recipients_decline_decision_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" DROP CONSTRAINT "fk_consultation_recipients_declined_by_person_id"`,
    );
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "chk_board_decisions_subject"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "chk_board_decisions_paragraph"`);
    await queryRunner.query(`DROP INDEX "public"."idx_board_decisions_recipient_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_board_decisions_meeting_paragraph"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP CONSTRAINT "chk_board_decisions_outcome"`);
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "chk_board_decisions_outcome" CHECK (outcome IN ('adopted', 'adopted_with_amendments', 'referred_back'))`,
    );
    await queryRunner.query(`ALTER TABLE "board_decisions" ALTER COLUMN "revision_number" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "board_decisions" ALTER COLUMN "statement_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "board_decisions" ADD CONSTRAINT "fk_board_decisions_statement_id" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "board_decisions" ADD "meeting_date" date`);
    await queryRunner.query(`ALTER TABLE "board_decisions" ADD "paragraph" text`);
    await queryRunner.query(
      `UPDATE "board_decisions" d SET "meeting_date" = m."meeting_date", "paragraph" = '§ ' || d."paragraph_number"
       FROM "board_meetings" m WHERE m."id" = d."meeting_id"`,
    );
    await queryRunner.query(`ALTER TABLE "board_decisions" ALTER COLUMN "meeting_date" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "board_decisions" ALTER COLUMN "paragraph" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP COLUMN "paragraph_number"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP COLUMN "meeting_id"`);
    await queryRunner.query(`ALTER TABLE "board_decisions" DROP COLUMN "recipient_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "meeting_id"`);
    await queryRunner.query(`ALTER TABLE "statement_revision_sections" DROP COLUMN "ordinal"`);
    await queryRunner.query(
      `ALTER TABLE "consultation_recipients" DROP CONSTRAINT "chk_consultation_recipients_decline_decision"`,
    );
    await queryRunner.query(`ALTER TABLE "consultation_recipients" DROP COLUMN "decline_decision_id"`);
    await queryRunner.query(`ALTER TABLE "consultation_recipients" DROP COLUMN "declined_by_title"`);
    await queryRunner.query(`ALTER TABLE "consultation_recipients" DROP COLUMN "declined_by_name"`);
    await queryRunner.query(`ALTER TABLE "consultation_recipients" DROP COLUMN "declined_by_person_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_issued_documents_kind_subject_revision_edition"`);
    await queryRunner.query(`ALTER TABLE "issued_documents" DROP COLUMN "edition"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_issued_documents_kind_subject_revision" ON "issued_documents" USING btree ("kind", "subject_id", "revision") `,
    );
  }
}
