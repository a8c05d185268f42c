import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIssuedDocumentsAndCertificates1795713808308 implements MigrationInterface {
  name = 'CreateIssuedDocumentsAndCertificates1795713808308';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "issued_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" text NOT NULL, "subject_id" uuid NOT NULL, "revision" integer NOT NULL, "status" text NOT NULL DEFAULT 'queued', "failure_reason" text, "attempts" integer NOT NULL DEFAULT '0', "sha256" character(64), "signature_sha256" character(64), "file_blob_id" uuid, "file_name" text, "registered_document_id" uuid, "certificate_fingerprint" text, "signed_at" TIMESTAMP WITH TIME ZONE, "signatories" jsonb, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_issued_documents_signed" CHECK ((status = 'signed') = (sha256 IS NOT NULL AND file_blob_id IS NOT NULL)), CONSTRAINT "chk_issued_documents_kind" CHECK (kind IN ('official_report', 'covering_letter', 'board_statement', 'minutes_extract', 'decline_letter', 'compilation')), CONSTRAINT "chk_issued_documents_status" CHECK (status IN ('queued', 'rendering', 'signed', 'failed')), CONSTRAINT "pk_issued_documents" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_issued_documents_signature_sha256" ON "issued_documents"  ("signature_sha256") WHERE signature_sha256 IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_issued_documents_sha256" ON "issued_documents"  ("sha256") WHERE sha256 IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_issued_documents_subject" ON "issued_documents"  ("subject_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_issued_documents_kind_subject_revision" ON "issued_documents"  ("kind", "subject_id", "revision") `,
    );
    await queryRunner.query(
      `CREATE TABLE "signing_certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" text NOT NULL, "pkcs12" bytea NOT NULL, "passphrase_sealed" bytea NOT NULL, "fingerprint_sha256" text NOT NULL, "subject" text NOT NULL, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_to" TIMESTAMP WITH TIME ZONE NOT NULL, "active" boolean NOT NULL DEFAULT true, "installed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_signing_certificates_kind" CHECK (kind IN ('development', 'configured')), CONSTRAINT "pk_signing_certificates" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_signing_certificates_fingerprint" ON "signing_certificates"  ("fingerprint_sha256") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_signing_certificates_active" ON "signing_certificates"  ("organisation_id") WHERE active`,
    );
    await queryRunner.query(
      `ALTER TABLE "issued_documents" ADD CONSTRAINT "fk_issued_documents_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "issued_documents" ADD CONSTRAINT "fk_issued_documents_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "issued_documents" ADD CONSTRAINT "fk_issued_documents_file_blob_id" FOREIGN KEY ("file_blob_id") REFERENCES "file_blobs"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "issued_documents" ADD CONSTRAINT "fk_issued_documents_registered_document_id" FOREIGN KEY ("registered_document_id") REFERENCES "registered_documents"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signing_certificates" ADD CONSTRAINT "fk_signing_certificates_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signing_certificates" ADD CONSTRAINT "fk_signing_certificates_installed_by" FOREIGN KEY ("installed_by") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "signing_certificates" DROP CONSTRAINT "fk_signing_certificates_installed_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "signing_certificates" DROP CONSTRAINT "fk_signing_certificates_organisation_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "issued_documents" DROP CONSTRAINT "fk_issued_documents_registered_document_id"`,
    );
    await queryRunner.query(`ALTER TABLE "issued_documents" DROP CONSTRAINT "fk_issued_documents_file_blob_id"`);
    await queryRunner.query(`ALTER TABLE "issued_documents" DROP CONSTRAINT "fk_issued_documents_case_id"`);
    await queryRunner.query(`ALTER TABLE "issued_documents" DROP CONSTRAINT "fk_issued_documents_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_signing_certificates_active"`);
    await queryRunner.query(`DROP INDEX "public"."idx_signing_certificates_fingerprint"`);
    await queryRunner.query(`DROP TABLE "signing_certificates"`);
    await queryRunner.query(`DROP INDEX "public"."uq_issued_documents_kind_subject_revision"`);
    await queryRunner.query(`DROP INDEX "public"."idx_issued_documents_subject"`);
    await queryRunner.query(`DROP INDEX "public"."idx_issued_documents_sha256"`);
    await queryRunner.query(`DROP INDEX "public"."idx_issued_documents_signature_sha256"`);
    await queryRunner.query(`DROP TABLE "issued_documents"`);
  }
}
