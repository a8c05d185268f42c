import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class IssuedDocumentsQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Tjänsteutlåtandet, beslutet, remissen eller remissinstansen dokumenten gäller. Utan den: organisationens senast begärda dokument (högst 200), det senaste först.',
  })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

export class CertificateFields {
  @ApiProperty({ description: 'Lösenordet till PKCS#12-filen.' })
  @IsString()
  @MaxLength(500)
  passphrase!: string;
}

/** The multipart form that installs a certificate: `passphrase` first, then the PKCS#12 `file`. */
export class CertificateUpload extends CertificateFields {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PKCS#12-filen (.p12/.pfx) med nyckel och certifikat.',
  })
  file!: unknown;
}

/** The multipart form of a verification: the PDF as `file`. */
export class VerificationUpload {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF-filen att pröva (högst 50 MB).' })
  file!: unknown;
}
