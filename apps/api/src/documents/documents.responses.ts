import type { CertificateView, IssuedDocumentEntry, Verification } from '@app/document';
import { DocumentKind, IssueStatus, type IssuedDocumentView } from '@app/issuance';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

import { NamedReferenceResponse } from '../docs/common.responses.js';
import { Describes } from '../docs/describes.js';
import { literalValues } from '../docs/literal-values.js';

type Verdict<V extends Verification['verdict']> = Extract<Verification, { readonly verdict: V }>;
type IssuedDocumentFacts = Verdict<'issued_unaltered'>['document'];

@Describes<NonNullable<IssuedDocumentView['signatories']>[number]>()
export class IssuedSignatoryResponse {
  @ApiProperty()
  readonly name!: string;

  @ApiProperty({ example: 'avdelningschef' })
  readonly title!: string;

  @ApiProperty({ description: 'När steget godkändes, i Stockholmstid som på dokumentet.', example: '2025-10-02 14:05' })
  readonly approvedAt!: string;
}

@Describes<IssuedDocumentView>()
export class IssuedDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ format: 'uuid' })
  readonly caseId!: string;

  @ApiProperty({ enum: DocumentKind, enumName: 'DocumentKind' })
  readonly kind!: DocumentKind;

  @ApiProperty({ format: 'uuid', description: 'Tjänsteutlåtandet, beslutet, remissen eller remissinstansen.' })
  readonly subjectId!: string;

  @ApiProperty({ type: 'integer' })
  readonly revision!: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Utgåva av samma revision: 2 när den utfärdats på nytt.' })
  readonly edition!: number;

  @ApiProperty({ enum: IssueStatus, enumName: 'IssueStatus' })
  readonly status!: IssueStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Varför dokumentet inte kunde tas fram, när det misslyckades.',
  })
  readonly failureReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 av den signerade filen, hex.' })
  readonly sha256!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly fileName!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly fileBlobId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Handlingen dokumentet är diariefört som.',
  })
  readonly registeredDocumentId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly certificateFingerprint!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly signedAt!: string | null;

  @ApiProperty({ type: [IssuedSignatoryResponse], nullable: true })
  readonly signatories!: readonly IssuedSignatoryResponse[] | null;

  @ApiProperty({ format: 'date-time' })
  readonly requestedAt!: string;
}

@Describes<IssuedDocumentEntry>()
export class IssuedDocumentEntryResponse extends IssuedDocumentResponse {
  @ApiProperty({ example: 'HÄ 2025/578', description: 'Diarienumret för ärendet dokumentet hör till.' })
  readonly diaryNumber!: string;
}

@Describes<CertificateView>()
export class CertificateResponse {
  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({
    enum: literalValues<CertificateView['kind']>({ development: true, configured: true }),
    enumName: 'CertificateKind',
  })
  readonly kind!: CertificateView['kind'];

  @ApiProperty({ example: 'CN=Hägersten-Älvsjö stadsdelsnämnd, O=Stockholms stad' })
  readonly subject!: string;

  @ApiProperty({ description: 'SHA-256 av certifikatet, hexpar med kolon.' })
  readonly fingerprintSha256!: string;

  @ApiProperty({ format: 'date-time' })
  readonly validFrom!: string;

  @ApiProperty({ format: 'date-time' })
  readonly validTo!: string;
}

@Describes<IssuedDocumentFacts>()
export class IssuedDocumentFactsResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ enum: DocumentKind, enumName: 'DocumentKind' })
  readonly kind!: string;

  @ApiProperty({ example: 'Tjänsteutlåtande' })
  readonly kindLabel!: string;

  @ApiProperty({ type: NamedReferenceResponse })
  readonly organisation!: NamedReferenceResponse;

  @ApiProperty({ example: 'HÄ 2025/578' })
  readonly diaryNumber!: string;

  @ApiProperty({ type: String, nullable: true, example: 'HÄ 2025/578-4' })
  readonly documentNumber!: string | null;

  @ApiProperty({ type: 'integer' })
  readonly revision!: number;

  @ApiProperty({ type: [IssuedSignatoryResponse] })
  readonly signatories!: readonly IssuedSignatoryResponse[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly signedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly sha256!: string | null;
}

@Describes<Verdict<'issued_unaltered'>>()
export class IssuedUnalteredResponse {
  @ApiProperty({ enum: ['issued_unaltered'] })
  readonly verdict!: 'issued_unaltered';

  @ApiProperty()
  readonly message!: string;

  @ApiProperty({ type: IssuedDocumentFactsResponse })
  readonly document!: IssuedDocumentFactsResponse;
}

@Describes<Verdict<'altered'>>()
export class AlteredResponse {
  @ApiProperty({ enum: ['altered'] })
  readonly verdict!: 'altered';

  @ApiProperty()
  readonly message!: string;

  @ApiProperty({
    type: IssuedDocumentFactsResponse,
    nullable: true,
    description: 'Dokumentet signaturen hör till, när det går att säga.',
  })
  readonly document!: IssuedDocumentFactsResponse | null;
}

@Describes<Verdict<'not_issued'>>()
export class NotIssuedResponse {
  @ApiProperty({ enum: ['not_issued'] })
  readonly verdict!: 'not_issued';

  @ApiProperty()
  readonly message!: string;
}

/** The three verdicts of a verification, told apart by `verdict`. */
export const VERIFICATION_SCHEMA = {
  oneOf: [
    { $ref: getSchemaPath(IssuedUnalteredResponse) },
    { $ref: getSchemaPath(AlteredResponse) },
    { $ref: getSchemaPath(NotIssuedResponse) },
  ],
  discriminator: {
    propertyName: 'verdict',
    mapping: {
      issued_unaltered: getSchemaPath(IssuedUnalteredResponse),
      altered: getSchemaPath(AlteredResponse),
      not_issued: getSchemaPath(NotIssuedResponse),
    },
  },
};
