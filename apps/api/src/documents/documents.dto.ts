import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';

export class IssuedDocumentsQuery {
  @ApiProperty({
    format: 'uuid',
    description: 'Tjänsteutlåtandet, beslutet, remissen eller remissinstansen dokumenten gäller.',
  })
  @IsUUID()
  subjectId!: string;
}

export class CertificateFields {
  @ApiProperty({ description: 'Lösenordet till PKCS#12-filen.' })
  @IsString()
  @MaxLength(500)
  passphrase!: string;
}
