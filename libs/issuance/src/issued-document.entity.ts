import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import type { DocumentKind, IssueStatus } from './document-kind.js';

/**
 * A signed PDF the system issues, from request to stored file. One per kind, subject, revision
 * and edition: asking twice gives the same row, so a retried job never issues a second document.
 */
@Entity('issued_documents')
@Index('uq_issued_documents_kind_subject_revision_edition', ['kind', 'subjectId', 'revision', 'edition'], {
  unique: true,
})
@Index('idx_issued_documents_subject', ['subjectId'])
@Index('idx_issued_documents_sha256', ['sha256'], { where: 'sha256 IS NOT NULL' })
@Index('idx_issued_documents_signature_sha256', ['signatureSha256'], { where: 'signature_sha256 IS NOT NULL' })
@Check('chk_issued_documents_status', `status IN ('queued', 'rendering', 'signed', 'failed')`)
@Check(
  'chk_issued_documents_kind',
  `kind IN ('official_report', 'covering_letter', 'board_statement', 'minutes_extract', 'decline_letter', 'compilation')`,
)
@Check('chk_issued_documents_signed', `(status = 'signed') = (sha256 IS NOT NULL AND file_blob_id IS NOT NULL)`)
export class IssuedDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The organisation that issues (and signs) it. */
  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  /** The case it is registered in. */
  @Column('uuid')
  @ForeignKey('CaseEntity')
  caseId!: string;

  @Column('text')
  kind!: DocumentKind;

  /** What it is made from: a statement, a consultation, a board decision, a recipient. */
  @Column('uuid')
  subjectId!: string;

  /** The revision of the subject it is made from (the statement's frozen revision, the remissunderlag's version, …). */
  @Column('integer')
  revision!: number;

  /**
   * 1 for the document as first issued; a later edition re-issues the same revision when a fact
   * printed around it changed (a tjänsteutlåtande moved to another meeting).
   */
  @Column('integer', { default: 1 })
  edition!: number;

  @Column('text', { default: 'queued' })
  status!: IssueStatus;

  @Column('text', { nullable: true })
  failureReason!: string | null;

  @Column('integer', { default: 0 })
  attempts!: number;

  /** SHA-256 of the signed file as issued. */
  @Column('char', { length: 64, nullable: true })
  sha256!: string | null;

  /** SHA-256 of the signature (the CMS in /Contents): identifies the issued file even when altered. */
  @Column('char', { length: 64, nullable: true })
  signatureSha256!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('FileBlobEntity')
  fileBlobId!: string | null;

  @Column('text', { nullable: true })
  fileName!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('RegisteredDocumentEntity')
  registeredDocumentId!: string | null;

  @Column('text', { nullable: true })
  certificateFingerprint!: string | null;

  @Column('timestamptz', { nullable: true })
  signedAt!: Date | null;

  /** Who signed, as printed in the panel: approvers with title and time. */
  @Column('jsonb', { nullable: true })
  signatories!: { name: string; title: string; approvedAt: string }[] | null;

  @Column('timestamptz')
  requestedAt!: Date;

  /**
   * What the document is made from when that can change after it is asked for (a compilation's
   * answers): taken in the requesting transaction, so the revision always renders the same.
   * Read only when rendering.
   */
  @Column('jsonb', { nullable: true, select: false })
  snapshot!: object | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
