import { DocumentIssuerService } from '@app/document';
import { type JobEnvelope, JobName, payload, QueueName } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';

import type { JobProcessor } from '../runtime/job-processor.js';

/** Renders and signs the documents; CPU-bound, so it scales with worker processes. */
@Injectable()
export class DocumentsProcessor implements JobProcessor {
  readonly queue = QueueName.Documents;
  readonly handles = [JobName.RenderDocument];

  constructor(private readonly issuer: DocumentIssuerService) {}

  async process(job: JobEnvelope): Promise<void> {
    switch (job.name) {
      case JobName.RenderDocument:
        return this.issuer.issue(payload(job, JobName.RenderDocument).documentId, { lastAttempt: job.lastAttempt });
      default:
        throw new UnrecoverableError(`unrouted job ${String(job.name)}`);
    }
  }
}
