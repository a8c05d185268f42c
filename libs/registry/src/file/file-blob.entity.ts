import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A file's content, stored once per SHA-256 however many documents refer to it. The bytes
 * live in file_chunks, so they can be streamed in and out without holding a file in memory.
 */
@Entity('file_blobs')
@Index('uq_file_blobs_sha256', ['sha256'], { unique: true })
@Check('chk_file_blobs_size', 'size >= 0')
export class FileBlobEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('char', { length: 64 })
  sha256!: string;

  @Column('bigint')
  size!: string;

  @Column('text')
  mediaType!: string;

  @Column('integer')
  chunkCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
