import { ConsultationModule } from '@app/consultation';
import { DirectoryModule } from '@app/directory';
import { IssuanceModule } from '@app/issuance';
import { RegistryModule } from '@app/registry';
import { StatementModule } from '@app/statement';
import { Module } from '@nestjs/common';

import { SigningCertificateService } from './certificates/signing-certificate.service.js';
import { DocumentIssuerService } from './issued/document-issuer.service.js';
import { DocumentModelsService } from './issued/document-models.service.js';
import { DraftPreviewService } from './issued/draft-preview.service.js';
import { LetterheadService } from './issued/letterhead.service.js';
import { RenderPool } from './issued/render-pool.service.js';
import { VerificationService } from './verify/verification.service.js';

@Module({
  imports: [DirectoryModule, RegistryModule, ConsultationModule, StatementModule, IssuanceModule],
  providers: [
    DocumentIssuerService,
    DocumentModelsService,
    DraftPreviewService,
    LetterheadService,
    RenderPool,
    SigningCertificateService,
    VerificationService,
  ],
  exports: [DocumentIssuerService, DraftPreviewService, RenderPool, SigningCertificateService, VerificationService],
})
export class DocumentModule {}
