import { Db } from '@app/platform';
import { Injectable, Logger } from '@nestjs/common';

import { RegisteredDocumentEntity } from '../document/registered-document.entity.js';
import { FileStoreService } from '../file/file-store.service.js';
import { MEDIA_TYPE, FileType } from '../file/file-type.js';
import { pdfText, searchable } from './pdf-text.js';

/** How the text of each file type that has one is read. */
const READERS: Readonly<Record<string, (bytes: Buffer) => Promise<string>>> = {
  [MEDIA_TYPE[FileType.Pdf]]: pdfText,
  [MEDIA_TYPE[FileType.Txt]]: (bytes) => Promise.resolve(searchable(bytes.toString('utf8'))),
};

/** Reads the text of registered documents' files for the registry's search. */
@Injectable()
export class DocumentTextService {
  readonly #log = new Logger(DocumentTextService.name);

  constructor(
    private readonly db: Db,
    private readonly files: FileStoreService,
  ) {}

  /**
   * Stores the text of the document's file. A document without a file, one whose type has no text,
   * or one gone since has nothing to read; a file that cannot be read keeps no text (and says so in
   * the log), since a damaged file must not fail its registration's job for ever.
   */
  async extract(documentId: string): Promise<void> {
    const row = await this.db.reader.findOneBy(RegisteredDocumentEntity, { id: documentId });
    if (!row?.fileBlobId) {
      return;
    }
    const blob = await this.files.describe(row.fileBlobId);
    const read = blob ? READERS[blob.mediaType] : undefined;
    if (!read) {
      return;
    }
    let text: string;
    try {
      text = await read(await this.files.read(row.fileBlobId));
    } catch (error) {
      this.#log.warn({ msg: 'the text of a registered PDF could not be read', documentId, error: String(error) });
      return;
    }
    await this.db.transaction((tx) =>
      tx.query(`UPDATE registered_documents SET content_text = $2 WHERE id = $1`, [documentId, text || null]),
    );
  }
}
