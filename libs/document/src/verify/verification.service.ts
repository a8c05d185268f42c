import { OrganisationService } from '@app/directory';
import { DOCUMENT_KIND_LABEL, IssuanceService, type IssuedDocumentView } from '@app/issuance';
import { inspectPdfSignature, sha256, signatureSha256s } from '@app/pdf';
import { DomainError, ErrorKind } from '@app/platform';
import { CaseService, RegisteredDocumentService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { SigningCertificateService } from '../certificates/signing-certificate.service.js';

export interface IssuedDocumentFacts {
  readonly id: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly diaryNumber: string;
  readonly documentNumber: string | null;
  readonly revision: number;
  readonly signatories: readonly { readonly name: string; readonly title: string; readonly approvedAt: string }[];
  readonly signedAt: string | null;
  readonly sha256: string | null;
}

export type Verification =
  | { readonly verdict: 'issued_unaltered'; readonly message: string; readonly document: IssuedDocumentFacts }
  | { readonly verdict: 'altered'; readonly message: string; readonly document: IssuedDocumentFacts | null }
  | { readonly verdict: 'not_issued'; readonly message: string };

const PDF_HEADER = Buffer.from('%PDF-', 'latin1');

const verificationErrors = {
  emptyFile: () =>
    new DomainError(
      'verification.empty_file',
      ErrorKind.Unprocessable,
      'Filen är tom. Skicka PDF-filen som ska kontrolleras.',
      {
        field: 'file',
      },
    ),
  notPdf: () =>
    new DomainError(
      'verification.not_pdf',
      ErrorKind.UnsupportedMediaType,
      'Filen är inte en PDF. Bara PDF-filer kan vara dokument som systemet har utfärdat.',
      { field: 'file' },
    ),
};

/**
 * Answers "is this the document we issued?" for any PDF, judged by the bytes and the signature —
 * never by its name or metadata: issued by this system and unaltered, altered after signing, or
 * not issued here.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly issuance: IssuanceService,
    private readonly certificates: SigningCertificateService,
    private readonly organisations: OrganisationService,
    private readonly cases: CaseService,
    private readonly documents: RegisteredDocumentService,
  ) {}

  async verify(pdf: Buffer): Promise<Verification> {
    // Only a PDF can be a document issued here: anything else is refused, not judged.
    if (pdf.length === 0) {
      throw verificationErrors.emptyFile();
    }
    const inspection = inspectPdfSignature(pdf);
    const exact = await this.issuance.findBySha256(sha256(pdf));
    if (exact && inspection.status === 'signed' && inspection.intact) {
      const facts = await this.#facts(exact);
      return {
        verdict: 'issued_unaltered',
        message: `Dokumentet är utfärdat av ${facts.organisation.name} i detta system och har inte ändrats sedan det signerades.`,
        document: facts,
      };
    }
    // The same signature with other bytes: one of ours, changed after signing.
    let claimed: IssuedDocumentView | undefined;
    for (const signature of signatureSha256s(pdf).reverse()) {
      claimed ??= await this.issuance.findBySignatureSha256(signature);
    }
    // A PDF's header stands within its first 1024 bytes (ISO 32000-2, 7.5.2). A file without one
    // is no PDF, unless it carries a signature of ours: then it is one of ours, damaged.
    if (!claimed && !pdf.subarray(0, 1024).includes(PDF_HEADER)) {
      throw verificationErrors.notPdf();
    }
    const ours = claimed ?? exact;
    if (ours) {
      return {
        verdict: 'altered',
        message:
          'Dokumentet bär en signatur som detta system har utfärdat, men innehållet har ändrats efter signeringen. Lita inte på det.',
        document: await this.#facts(ours),
      };
    }
    if (
      inspection.status === 'signed' &&
      (await this.certificates.byFingerprint(inspection.signer.fingerprintSha256))
    ) {
      return {
        verdict: 'altered',
        message:
          'Dokumentet är signerat med ett av systemets certifikat men motsvarar inget utfärdat dokument. Det har ändrats eller är inte utfärdat här.',
        document: null,
      };
    }
    return {
      verdict: 'not_issued',
      message:
        inspection.status === 'signed'
          ? 'Dokumentet är signerat av någon annan och är inte utfärdat av detta system.'
          : 'Dokumentet är inte utfärdat av detta system (det saknar en signatur härifrån).',
    };
  }

  async #facts(document: IssuedDocumentView): Promise<IssuedDocumentFacts> {
    const organisation = await this.organisations.findById(document.organisationId);
    const owner = await this.cases.findById(document.caseId);
    const registered = document.registeredDocumentId
      ? await this.documents.findById(document.registeredDocumentId)
      : undefined;
    return {
      id: document.id,
      kind: document.kind,
      kindLabel: DOCUMENT_KIND_LABEL[document.kind],
      organisation: { id: document.organisationId, name: organisation?.name ?? '' },
      diaryNumber: owner?.diaryNumber ?? '',
      documentNumber: registered?.documentNumber ?? null,
      revision: document.revision,
      signatories: document.signatories ?? [],
      signedAt: document.signedAt,
      sha256: document.sha256,
    };
  }
}
