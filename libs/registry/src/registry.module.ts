import { DirectoryModule } from '@app/directory';
import { Module } from '@nestjs/common';

import { CaseService } from './case/case.service.js';
import { DocumentAuditRedactor } from './document/document-audit-redactor.js';
import { RegisteredDocumentService } from './document/registered-document.service.js';
import { FileStoreService } from './file/file-store.service.js';
import { RecordsPlanService } from './records-plan/records-plan.service.js';
import { DiarySeriesService } from './series/diary-series.service.js';
import { DocumentTextService } from './search/document-text.service.js';
import { RegistrySearchService } from './search/registry-search.service.js';

@Module({
  imports: [DirectoryModule],
  providers: [
    DiarySeriesService,
    CaseService,
    RegisteredDocumentService,
    DocumentAuditRedactor,
    FileStoreService,
    RecordsPlanService,
    RegistrySearchService,
    DocumentTextService,
  ],
  exports: [
    DiarySeriesService,
    CaseService,
    RegisteredDocumentService,
    FileStoreService,
    RecordsPlanService,
    RegistrySearchService,
    DocumentTextService,
  ],
})
export class RegistryModule {}
