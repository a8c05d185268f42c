import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One file of the remissunderlag, registered in the sender's case. A correction after sending
 * adds documents with the next version; recipients get each version registered in their case.
 */
@Entity('consultation_documents')
@Index('idx_consultation_documents_consultation_version', ['consultationId', 'version'])
export class ConsultationDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('ConsultationEntity')
  consultationId!: string;

  @Column('integer')
  version!: number;

  /** The entry in the sender's case. */
  @Column('uuid')
  @ForeignKey('RegisteredDocumentEntity')
  registeredDocumentId!: string;

  @Column('text')
  title!: string;

  @Column('uuid')
  @ForeignKey('FileBlobEntity')
  fileBlobId!: string;

  @Column('text')
  fileName!: string;

  /** What a correction changes, told to the recipients. */
  @Column('text', { nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
