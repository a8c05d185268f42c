import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** One slice of a file's bytes. The blob row is written after the chunks, so the key is checked at commit. */
@Entity('file_chunks')
export class FileChunkEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('FileBlobEntity', { deferrable: 'INITIALLY DEFERRED' })
  blobId!: string;

  @PrimaryColumn('integer')
  seq!: number;

  @Column('bytea')
  data!: Buffer;
}
