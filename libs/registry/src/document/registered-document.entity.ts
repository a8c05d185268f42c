import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A registered document (handling) in a case, numbered within it. Never deleted: a mistaken
 * entry is annulled with a reason and stays visible.
 */
@Entity('registered_documents')
@Index('uq_registered_documents_case_number', ['caseId', 'number'], { unique: true })
@Index('uq_registered_documents_origin_key', ['originKey'], { unique: true, where: 'origin_key IS NOT NULL' })
@Index('idx_registered_documents_organisation_registered_on', ['organisationId', 'registeredOn'])
@Index('idx_registered_documents_copied_from', ['copiedFromId'], { where: 'copied_from_id IS NOT NULL' })
// Full text over registry_search_vector(title, counterpart, content_text): an expression index the migration makes.
@Index('idx_registered_documents_search', { synchronize: false })
@Check('chk_registered_documents_direction', `direction IN ('incoming', 'outgoing', 'internal')`)
@Check('chk_registered_documents_file', '(file_blob_id IS NULL) = (file_name IS NULL)')
@Check('chk_registered_documents_annulment', '(annulled_at IS NULL) = (annulment_reason IS NULL)')
export class RegisteredDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('CaseEntity')
  caseId!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('integer')
  number!: number;

  @Column('text')
  direction!: 'incoming' | 'outgoing' | 'internal';

  /** `remiss`, `tjänsteutlåtande`, `yttrande`, `protokollsutdrag`, `beslut`, `skrivelse`, … */
  @Column('text')
  kind!: string;

  @Column('text')
  title!: string;

  /** The day it arrived (incoming) or was sent (outgoing) or was drawn up (internal). */
  @Column('date')
  documentDate!: string;

  @Column('date')
  registeredOn!: string;

  @Column('timestamptz')
  registeredAt!: Date;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  registeredBy!: string | null;

  @Column('text', { nullable: true })
  counterpart!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('FileBlobEntity')
  fileBlobId!: string | null;

  @Column('text', { nullable: true })
  fileName!: string | null;

  /**
   * The text of the file, for search; extracted by the worker after registration (null until
   * then, and for a file without text). Not read with the row: it can be long.
   */
  @Column('text', { nullable: true, select: false })
  contentText!: string | null;

  /** What created the document when the system did; never twice. */
  @Column('text', { nullable: true })
  originKey!: string | null;

  /**
   * The document this one is a copy of, registered in another organisation's case (a remiss's
   * documents at each recipient): the copy carries the original's secrecy marking.
   */
  @Column('uuid', { nullable: true })
  @ForeignKey('RegisteredDocumentEntity')
  copiedFromId!: string | null;

  /** Legal ground of secrecy (`OSL 26 kap. 1 §`); null when the document is public. */
  @Column('text', { nullable: true })
  secrecyGround!: string | null;

  @Column('timestamptz', { nullable: true })
  annulledAt!: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  annulledBy!: string | null;

  @Column('text', { nullable: true })
  annulmentReason!: string | null;
}
