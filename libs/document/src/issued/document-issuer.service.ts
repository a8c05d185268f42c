import { ConsultationService, ExternalMailService, RecipientService } from '@app/consultation';
import {
  DocumentKind,
  DOCUMENT_KIND_LABEL,
  IssuanceService,
  IssueStatus,
  type IssuedDocumentView,
} from '@app/issuance';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  Db,
  DomainError,
  ErrorKind,
  isLastingFailure,
  mustExist,
  mustFind,
  NotFoundError,
  PermanentJobFailure,
  type Reader,
  requireRole,
  Role,
  systemActor,
} from '@app/platform';
import {
  CaseService,
  FileStoreService,
  RegisteredDocumentService,
  registryErrors,
  secretFileName,
} from '@app/registry';
import { DecisionService } from '@app/statement';
import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';

import { SigningCertificateService } from '../certificates/signing-certificate.service.js';
import { DocumentModelsService, type PreparedDocument, type Registration } from './document-models.service.js';
import type { ProducedPdf } from './pdf-production.js';
import { RenderPool } from './render-pool.service.js';

const worker = systemActor('worker:documents');

/** A signed PDF made from the domain, before it is stored. */
export interface SignedPdf extends ProducedPdf {
  /** The signing time claimed in the signature dictionary. */
  readonly signedAt: Date;
  readonly certificateFingerprint: string;
  readonly registration: Registration;
  readonly signatories: PreparedDocument['signatories'];
}

/** An issued document with its case's diary number, as the organisation's overview lists it. */
export interface IssuedDocumentEntry extends IssuedDocumentView {
  readonly diaryNumber: string;
}

/** How many of an organisation's issued documents its overview lists: the latest. */
export const ISSUED_REGISTER_LIMIT = 200;

export const documentErrors = {
  notFound: () => new NotFoundError('document.not_found', 'Dokumentet finns inte i din organisation.'),
  notFailed: (status: string) =>
    new DomainError(
      'document.not_failed',
      ErrorKind.Conflict,
      `Bara ett dokument som misslyckats kan göras om (status: ${status}).`,
    ),
  notSigned: (status: string) =>
    new DomainError(
      'document.not_signed',
      ErrorKind.Conflict,
      `Dokumentet är inte färdigt än (status: ${status}). Försök igen om en stund.`,
    ),
};

/**
 * Renders, signs, stores and registers the documents the system issues (run by the worker, one
 * job per document), and hands them out. Idempotent per kind and revision: a retried or
 * duplicated job finds the document signed and stops; a job whose worker died is taken up again.
 */
@Injectable()
export class DocumentIssuerService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly issuance: IssuanceService,
    private readonly models: DocumentModelsService,
    private readonly certificates: SigningCertificateService,
    private readonly documents: RegisteredDocumentService,
    private readonly files: FileStoreService,
    private readonly cases: CaseService,
    private readonly decisions: DecisionService,
    private readonly consultations: ConsultationService,
    private readonly externalMail: ExternalMailService,
    private readonly recipients: RecipientService,
    private readonly renderer: RenderPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The job: render and sign one document, then store and register it. A domain error is a
   * lasting failure — what the document is made of is gone (a not-found) or refused (a model the
   * renderer refuses, a case closed meanwhile) — and marks the document failed with its Swedish
   * reason; so does any failure on the queue's last attempt. Anything else (a lost connection, a
   * service away, `Unavailable`) passes: the document is queued again.
   */
  async issue(documentId: string, { lastAttempt = false }: { lastAttempt?: boolean } = {}): Promise<void> {
    const claimed = await this.issuance.claim(documentId);
    if (!claimed) {
      return; // signed already, by an earlier run
    }
    try {
      const signed = await this.renderAndSign(claimed);
      await this.#store(documentId, signed);
    } catch (error) {
      const permanent = lastAttempt || isLastingFailure(error);
      const reason = failureReason(error);
      await this.issuance.fail(documentId, permanent, reason);
      if (permanent) {
        throw new PermanentJobFailure(`document ${documentId} cannot be made: ${reason}`, error);
      }
      throw error;
    }
  }

  /** Registers the signed PDF in its case and marks the document signed, in one transaction. */
  async #store(documentId: string, signed: SignedPdf): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.issuance.lockIn(tx, documentId);
      if (!row || row.status === IssueStatus.Signed) {
        return; // another worker stored it in the meantime
      }
      const registered = await this.documents.registerFileIn(
        tx,
        worker,
        row.caseId,
        {
          direction: signed.registration.direction,
          kind: signed.registration.kind,
          title: signed.registration.title,
          documentDate: signed.registration.documentDate,
          counterpart: signed.registration.counterpart,
          originKey: `issued-document:${row.id}`,
        },
        { bytes: signed.pdf, fileName: signed.registration.fileName, mediaType: 'application/pdf' },
      );
      await this.issuance.markSignedIn(tx, row.id, {
        sha256: signed.sha256,
        signatureSha256: signed.signatureSha256,
        fileBlobId: registered.fileBlobId,
        fileName: signed.registration.fileName,
        registeredDocumentId: registered.id,
        certificateFingerprint: signed.certificateFingerprint,
        signedAt: signed.signedAt,
        signatories: [...signed.signatories],
      });
      await this.audit.record(tx, worker, {
        action: 'document.signed',
        entityType: 'issued_document',
        entityId: row.id,
        before: { status: row.status },
        after: {
          status: IssueStatus.Signed,
          kind: row.kind,
          subjectId: row.subjectId,
          revision: row.revision,
          sha256: signed.sha256,
          documentNumber: registered.documentNumber,
          certificate: signed.certificateFingerprint,
        },
        organisationIds: [row.organisationId],
      });
      if (row.kind === DocumentKind.BoardStatement) {
        // The adopted statement reaches the sender with its signed file.
        await this.decisions.queueDelivery(tx, row.subjectId);
      }
      if (row.kind === DocumentKind.CoveringLetter) {
        // The remiss reaches its recipients with the signed missiv.
        await this.consultations.queueDistributionIn(tx, row.subjectId);
        await this.externalMail.queueRemissIn(tx, row.subjectId, {
          blobId: registered.fileBlobId,
          fileName: signed.registration.fileName,
        });
      }
      if (row.kind === DocumentKind.DeclineLetter) {
        // So does the avstående: the sender's copy is the very file registered here.
        await this.recipients.deliverDeclineIn(tx, worker, row.subjectId, {
          blobId: registered.fileBlobId,
          fileName: signed.registration.fileName,
        });
      }
    });
  }

  /**
   * Renders and signs a document as the job would, without storing it. The file is made and
   * signed now, in the name its certificate bears.
   */
  async renderAndSign(document: IssuedDocumentView): Promise<SignedPdf> {
    const identity = await this.certificates.identityFor(document.organisationId);
    const signedAt = this.clock.now();
    const prepared = await this.models.prepare(document, { producedAt: signedAt, signer: identity.commonName });
    const produced = await this.renderer.signed(
      {
        template: prepared.template,
        signature: {
          signerName: prepared.signerName,
          reason: prepared.reason,
          location: prepared.location,
          contactInfo: prepared.contactInfo,
          signingTime: signedAt,
        },
        ...(this.config.signing.tsaUrl ? { tsaUrl: this.config.signing.tsaUrl } : {}),
      },
      identity,
    );
    return {
      ...produced,
      signedAt,
      certificateFingerprint: identity.fingerprintSha256,
      registration: prepared.registration,
      signatories: prepared.signatories,
    };
  }

  /**
   * Renders a document without a signature, as made when it was signed (or now, when it is not
   * signed yet): the same revision made at the same moment always gives the same bytes.
   */
  async renderUnsigned(document: IssuedDocumentView): Promise<Buffer> {
    const identity = await this.certificates.identityFor(document.organisationId);
    const prepared = await this.models.prepare(document, {
      producedAt: document.signedAt ? new Date(document.signedAt) : this.clock.now(),
      signer: identity.commonName,
    });
    return this.renderer.unsigned(prepared.template);
  }

  /** The documents issued for subjects (a statement, a decision, a remiss), with their state: the actor's organisation's only. */
  async forSubjects(actor: Actor, subjectIds: readonly string[]): Promise<IssuedDocumentView[]> {
    const rows = await this.issuance.forSubjects(subjectIds);
    const own = rows.filter((r) => actor.kind === 'system' || r.organisationId === actor.organisationId);
    return this.#masked(actor, own);
  }

  /**
   * The organisation's issued documents, the latest asked for first (at most
   * ISSUED_REGISTER_LIMIT), each with its case's diary number: the registrar's overview.
   */
  async ofOrganisation(actor: Actor): Promise<IssuedDocumentEntry[]> {
    if (actor.kind !== 'person') {
      return [];
    }
    const rows = await this.issuance.forOrganisation(actor.organisationId, ISSUED_REGISTER_LIMIT);
    return this.withDiaryNumbers(await this.#masked(actor, rows));
  }

  /** Each document with its case's diary number (HÄ 2025/578). */
  async withDiaryNumbers(rows: readonly IssuedDocumentView[]): Promise<IssuedDocumentEntry[]> {
    const cases = new Map((await this.cases.findByIds(rows.map((r) => r.caseId))).map((c) => [c.id, c.diaryNumber]));
    return rows.map((r) => ({ ...r, diaryNumber: cases.get(r.caseId) ?? '' }));
  }

  /**
   * A document its registered copy withholds from the actor shows what the registry would show
   * of it, and no more: its kind, state and dates, not its file name (which carries the title),
   * hash, file or signatories.
   */
  async #masked(actor: Actor, rows: IssuedDocumentView[]): Promise<IssuedDocumentView[]> {
    const registered = rows.flatMap((r) => (r.registeredDocumentId ? [r.registeredDocumentId] : []));
    const secrecy = await this.documents.secrecyFor(actor, registered);
    return rows.map((r) =>
      r.registeredDocumentId && secrecy.get(r.registeredDocumentId)?.masked
        ? {
            ...r,
            fileName: r.fileName === null ? null : secretFileName(r.fileName),
            sha256: null,
            fileBlobId: null,
            signatories: null,
          }
        : r,
    );
  }

  /** A registrar puts a failed document back in the queue, once its cause is mended. */
  async retry(actor: Actor, id: string): Promise<IssuedDocumentView> {
    requireRole(actor, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const row = await this.issuance.findById(id, tx);
      if (!row || (actor.kind === 'person' && row.organisationId !== actor.organisationId)) {
        throw documentErrors.notFound();
      }
      const queued = await this.issuance.retryIn(tx, id);
      if (!queued) {
        throw documentErrors.notFailed(row.status);
      }
      await this.audit.record(tx, actor, {
        action: 'document.retried',
        entityType: 'issued_document',
        entityId: id,
        before: { status: IssueStatus.Failed, failureReason: row.failureReason },
        after: { status: IssueStatus.Queued },
        organisationIds: [row.organisationId],
      });
      return queued;
    });
  }

  async get(actor: Actor, id: string): Promise<IssuedDocumentView> {
    const row = await this.issuance.findById(id);
    if (!row || (actor.kind === 'person' && row.organisationId !== actor.organisationId)) {
      throw documentErrors.notFound();
    }
    const [masked] = await this.#masked(actor, [row]);
    return mustExist(masked, documentErrors.notFound);
  }

  async open(
    actor: Actor,
    id: string,
  ): Promise<{ stream: Readable; fileName: string; mediaType: string; size: number }> {
    const document = await this.get(actor, id);
    if (document.status === IssueStatus.Signed && document.registeredDocumentId && actor.kind === 'person') {
      // The registered copy decides who may have the file: a registrar may have marked it secret.
      return this.documents.openFile(actor, document.registeredDocumentId);
    }
    return this.#openSigned(document);
  }

  /** The signed missiv of a remiss, for its sender and its recipients. */
  async coveringLetter(
    actor: Actor,
    consultationId: string,
  ): Promise<{ stream: Readable; fileName: string; mediaType: string; size: number }> {
    const consultation = await this.consultations.get(actor, consultationId);
    const latest = (await this.issuance.forSubjects([consultation.id]))
      .filter((r) => r.kind === DocumentKind.CoveringLetter)
      .sort((a, b) => b.revision - a.revision)[0];
    if (!latest) {
      throw documentErrors.notFound();
    }
    // The sender's registry decides here too: its registrar may have marked the missiv secret.
    if (
      latest.registeredDocumentId &&
      (await this.documents.secrecyFor(actor, [latest.registeredDocumentId])).get(latest.registeredDocumentId)?.masked
    ) {
      throw registryErrors.fileWithheld();
    }
    return this.#openSigned(latest);
  }

  /** The signed missiv's bytes, when there is one (for the e-mail-ready letter, which decides whether it may go). */
  async coveringLetterBytes(
    consultationId: string,
    reader?: Reader,
  ): Promise<{ fileName: string; content: Buffer; registeredDocumentId: string | null } | undefined> {
    const latest = (await this.issuance.forSubjects([consultationId], reader))
      .filter((r) => r.kind === DocumentKind.CoveringLetter && r.status === IssueStatus.Signed)
      .sort((a, b) => b.revision - a.revision)[0];
    return latest?.fileBlobId
      ? {
          fileName: latest.fileName ?? 'Missiv.pdf',
          content: await this.files.read(latest.fileBlobId),
          registeredDocumentId: latest.registeredDocumentId,
        }
      : undefined;
  }

  async #openSigned(
    document: IssuedDocumentView,
  ): Promise<{ stream: Readable; fileName: string; mediaType: string; size: number }> {
    if (document.status !== IssueStatus.Signed || !document.fileBlobId) {
      throw documentErrors.notSigned(document.status);
    }
    const blob = await mustFind(this.files.describe(document.fileBlobId), documentErrors.notFound);
    return {
      stream: this.files.open(document.fileBlobId),
      fileName: document.fileName ?? `${DOCUMENT_KIND_LABEL[document.kind]}.pdf`,
      mediaType: blob.mediaType,
      size: blob.size,
    };
  }
}

/** Why a document could not be made, in Swedish for the registrar who reads it. */
function failureReason(error: unknown): string {
  if (error instanceof NotFoundError) {
    return `Det som dokumentet skulle göras av finns inte längre: ${error.detail}`;
  }
  if (error instanceof DomainError) {
    return error.detail;
  }
  return `Dokumentet kunde inte göras: ${error instanceof Error ? error.message : String(error)}`;
}
