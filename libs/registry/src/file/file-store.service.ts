import {
  APP_CONFIG,
  type AppConfig,
  Db,
  isPgError,
  PgErrorCode,
  type Reader,
  returningRows,
  type Tx,
} from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

import { registryErrors } from '../registry.errors.js';
import { FileBlobEntity } from './file-blob.entity.js';
import { claimedType, ContentSniffer, MEDIA_TYPE } from './file-type.js';

/** Bytes per stored chunk: large enough to keep row overhead small, small enough to stream. */
const CHUNK_BYTES = 256 * 1024;

export interface IncomingFile {
  readonly fileName: string;
  readonly declaredMediaType?: string;
  readonly stream: AsyncIterable<Buffer>;
  /** Set by the multipart parser when the upload was cut at the size limit. */
  readonly truncated?: () => boolean;
}

export interface StoredFile {
  readonly blobId: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  /** False when identical content was already stored and this upload reused it. */
  readonly stored: boolean;
}

/**
 * Files in PostgreSQL, once per SHA-256. Uploads stream into chunk rows while being hashed and
 * checked against their claimed type; identical content already stored is reused and the new
 * chunks dropped. Downloads stream chunk by chunk.
 */
@Injectable()
export class FileStoreService {
  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.files.maxBytes;
  }

  /** Stores an uploaded file inside `tx`; refuses types outside the allow-list and content that does not match its claim. */
  async store(tx: Tx, file: IncomingFile): Promise<StoredFile> {
    const type = claimedType(file.fileName, file.declaredMediaType);
    if (!type) {
      throw file.declaredMediaType && claimedType(file.fileName, undefined)
        ? registryErrors.fileTypeMismatch(file.fileName, file.declaredMediaType)
        : registryErrors.fileTypeNotAllowed(file.fileName);
    }
    const sniffer = new ContentSniffer(type);
    const hash = createHash('sha256');
    const blobId = randomUUID();
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (final: boolean): Promise<void> => {
      while (pendingBytes >= CHUNK_BYTES || (final && pendingBytes > 0)) {
        const all = Buffer.concat(pending);
        const data = all.subarray(0, CHUNK_BYTES);
        const rest = all.subarray(data.length);
        await tx.query(`INSERT INTO file_chunks (blob_id, seq, data) VALUES ($1, $2, $3)`, [blobId, seq++, data]);
        pending = rest.length > 0 ? [rest] : [];
        pendingBytes = rest.length;
      }
    };
    for await (const chunk of file.stream) {
      size += chunk.length;
      if (size > this.maxBytes) {
        throw registryErrors.fileTooLarge(this.maxBytes);
      }
      hash.update(chunk);
      sniffer.feed(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      await flush(false);
    }
    if (file.truncated?.()) {
      throw registryErrors.fileTooLarge(this.maxBytes);
    }
    if (size === 0) {
      throw registryErrors.fileEmpty();
    }
    if (!sniffer.matches()) {
      throw registryErrors.fileTypeMismatch(file.fileName, file.declaredMediaType ?? MEDIA_TYPE[type]);
    }
    await flush(true);
    const sha256 = hash.digest('hex');
    const existing = await tx.findOneBy(FileBlobEntity, { sha256 });
    if (existing) {
      await tx.query(`DELETE FROM file_chunks WHERE blob_id = $1`, [blobId]);
      return { blobId: existing.id, sha256, size, mediaType: existing.mediaType, stored: false };
    }
    // Two uploads of the same new content may race: the loser keeps the winner's copy.
    await tx.query('SAVEPOINT file_blob_insert');
    try {
      await tx.insert(FileBlobEntity, {
        id: blobId,
        sha256,
        size: String(size),
        mediaType: MEDIA_TYPE[type],
        chunkCount: seq,
      });
      await tx.query('RELEASE SAVEPOINT file_blob_insert');
      return { blobId, sha256, size, mediaType: MEDIA_TYPE[type], stored: true };
    } catch (error) {
      if (!isPgError(error, PgErrorCode.UniqueViolation)) {
        throw error;
      }
      await tx.query('ROLLBACK TO SAVEPOINT file_blob_insert');
      await tx.query(`DELETE FROM file_chunks WHERE blob_id = $1`, [blobId]);
      const winner = await tx.findOneBy(FileBlobEntity, { sha256 });
      if (!winner) {
        throw error; // the key was not the content's after all
      }
      return { blobId: winner.id, sha256, size, mediaType: winner.mediaType, stored: false };
    }
  }

  /** Stores bytes the system made itself (a generated PDF), deduplicated the same way. */
  async storeBuffer(tx: Tx, fileName: string, mediaType: string, bytes: Buffer): Promise<StoredFile> {
    const type = claimedType(fileName, mediaType);
    if (!type) {
      throw registryErrors.fileTypeMismatch(fileName, mediaType);
    }
    if (bytes.length === 0) {
      throw registryErrors.fileEmpty();
    }
    if (bytes.length > this.maxBytes) {
      throw registryErrors.fileTooLarge(this.maxBytes);
    }
    const sniffer = new ContentSniffer(type);
    sniffer.feed(bytes);
    if (!sniffer.matches()) {
      throw registryErrors.fileTypeMismatch(fileName, mediaType);
    }
    // The bytes are all here: hash first, and write chunks only for content not stored yet. A
    // concurrent insert of the same content makes this one wait and then yield to it.
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const chunkCount = Math.ceil(bytes.length / CHUNK_BYTES);
    const [inserted] = await returningRows<{ id: string }>(
      tx,
      `INSERT INTO file_blobs (id, sha256, size, media_type, chunk_count) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sha256) DO NOTHING RETURNING id`,
      [randomUUID(), sha256, bytes.length, MEDIA_TYPE[type], chunkCount],
    );
    if (!inserted) {
      const existing = await tx.findOneBy(FileBlobEntity, { sha256 });
      if (!existing) {
        throw new Error(`file_blobs refused ${sha256} as a duplicate but holds no such row`);
      }
      return { blobId: existing.id, sha256, size: bytes.length, mediaType: existing.mediaType, stored: false };
    }
    // One row per chunk, each chunk its own parameter: pg sends a Buffer in binary, where an
    // array parameter would be spelled out in hex.
    const chunks = Array.from({ length: chunkCount }, (_, i) => bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES));
    await tx.query(
      `INSERT INTO file_chunks (blob_id, seq, data) VALUES ${chunks.map((_, i) => `($1, ${i}, $${i + 2})`).join(', ')}`,
      [inserted.id, ...chunks],
    );
    return { blobId: inserted.id, sha256, size: bytes.length, mediaType: MEDIA_TYPE[type], stored: true };
  }

  async describe(
    blobId: string,
    reader?: Reader,
  ): Promise<{ sha256: string; size: number; mediaType: string } | undefined> {
    const blob = await (reader ?? this.db.reader).findOneBy(FileBlobEntity, { id: blobId });
    return blob ? { sha256: blob.sha256, size: Number(blob.size), mediaType: blob.mediaType } : undefined;
  }

  async findBySha256(sha256: string): Promise<{ blobId: string; size: number; mediaType: string } | undefined> {
    const blob = await this.db.reader.findOneBy(FileBlobEntity, { sha256 });
    return blob ? { blobId: blob.id, size: Number(blob.size), mediaType: blob.mediaType } : undefined;
  }

  /** The file's bytes as a stream, read one chunk at a time (never the whole file in memory). */
  open(blobId: string): Readable {
    const db = this.db;
    let seq = 0;
    return new Readable({
      highWaterMark: 1,
      objectMode: false,
      read() {
        db.reader
          .query<{ data: Buffer }[]>(`SELECT data FROM file_chunks WHERE blob_id = $1 AND seq = $2`, [blobId, seq++])
          .then(
            (rows) => this.push(rows[0] ? rows[0].data : null),
            (error: unknown) => this.destroy(error as Error),
          );
      },
    });
  }

  /** The whole file in memory, for the system's own small files (documents to verify, sign). */
  async read(blobId: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.open(blobId)) {
      parts.push(chunk as Buffer);
    }
    return Buffer.concat(parts);
  }
}
