import { type AuditRedaction, AuditReader, type AuditRedactor, Db, type PersonActor } from '@app/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';

import { isWithheldFrom, SECRET_COUNTERPART, secretFileName, secretTitle } from './secrecy.js';

interface SecretRow {
  readonly title: string;
  readonly counterpart: string | null;
  readonly file_name: string | null;
  readonly file_blob_id: string | null;
  readonly sha256: string | null;
  readonly secrecy_ground: string;
  readonly organisation_id: string;
  readonly responsible_person_id: string | null;
}

/**
 * Keeps secret documents secret in the audit trail: of the texts a reader's records hold, the
 * titles, counterparts, file names and file identities of the organisation's secret documents
 * that the registry's rule withholds from the reader.
 */
@Injectable()
export class DocumentAuditRedactor implements AuditRedactor, OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly reader: AuditReader,
  ) {}

  onModuleInit(): void {
    this.reader.register(this);
  }

  async redactionsFor(
    actor: PersonActor,
    organisationId: string,
    texts: readonly string[],
  ): Promise<readonly AuditRedaction[]> {
    // Only the secret documents whose texts occur in these records: one scan of the
    // organisation's secret documents, however many the records name.
    const haystack = texts.join('\n');
    const rows = await this.db.reader.query<SecretRow[]>(
      `SELECT d.title, d.counterpart, d.file_name, d.file_blob_id::text AS file_blob_id, b.sha256,
              d.secrecy_ground, d.organisation_id, c.responsible_person_id
       FROM registered_documents d
       JOIN cases c ON c.id = d.case_id
       LEFT JOIN file_blobs b ON b.id = d.file_blob_id
       WHERE d.organisation_id = $1 AND d.secrecy_ground IS NOT NULL
         AND (strpos($2, d.title) > 0 OR strpos($2, d.counterpart) > 0 OR strpos($2, d.file_name) > 0
              OR strpos($2, d.file_blob_id::text) > 0 OR strpos($2, b.sha256) > 0)`,
      [organisationId, haystack],
    );
    return rows
      .filter((r) =>
        isWithheldFrom(actor, {
          organisationId: r.organisation_id,
          secrecyGround: r.secrecy_ground,
          responsiblePersonId: r.responsible_person_id,
        }),
      )
      .flatMap((r) => [
        { text: r.title, replacement: secretTitle(r.secrecy_ground) },
        ...(r.counterpart ? [{ text: r.counterpart, replacement: SECRET_COUNTERPART }] : []),
        ...(r.file_name ? [{ text: r.file_name, replacement: secretFileName(r.file_name) }] : []),
        ...(r.file_blob_id ? [{ text: r.file_blob_id, replacement: '' }] : []),
        ...(r.sha256 ? [{ text: r.sha256, replacement: '' }] : []),
      ]);
  }
}
