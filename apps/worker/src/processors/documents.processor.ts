import { DocumentIssuerService } from '@app/document';
import { type JobHandlers, JobName, QueueName } from '@app/platform';
import { DocumentTextService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import type { JobProcessor } from '../runtime/job-processor.js';

/** Renders and signs the documents, and reads registered files' text; CPU-bound, so it scales with worker processes. */
@Injectable()
export class DocumentsProcessor implements JobProcessor<QueueName.Documents> {
  readonly handlers: JobHandlers<QueueName.Documents> = {
    [JobName.RenderDocument]: ({ payload, lastAttempt }) => this.issuer.issue(payload.documentId, { lastAttempt }),
    [JobName.ExtractDocumentText]: ({ payload }) => this.texts.extract(payload.documentId),
  };

  constructor(
    private readonly issuer: DocumentIssuerService,
    private readonly texts: DocumentTextService,
  ) {}
}
