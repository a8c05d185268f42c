import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An attachment (bilaga) of a revision, referring to a registered document where there is one. */
@Entity('statement_revision_attachments')
@Index('uq_statement_revision_attachments_revision_position', ['revisionId', 'position'], { unique: true })
export class RevisionAttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('StatementRevisionEntity')
  revisionId!: string;

  @Column('integer')
  position!: number;

  @Column('text')
  title!: string;

  @Column('uuid', { nullable: true })
  @ForeignKey('RegisteredDocumentEntity')
  registeredDocumentId!: string | null;
}
