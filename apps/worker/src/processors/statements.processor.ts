import { type JobEnvelope, JobName, payload, QueueName } from '@app/platform';
import { DecisionService } from '@app/statement';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';

import type { JobProcessor } from '../runtime/job-processor.js';

@Injectable()
export class StatementsProcessor implements JobProcessor {
  readonly queue = QueueName.Statements;
  readonly handles = [JobName.DeliverAnswer];

  constructor(private readonly decisions: DecisionService) {}

  async process(job: JobEnvelope): Promise<void> {
    switch (job.name) {
      case JobName.DeliverAnswer:
        return this.decisions.deliver(payload(job, JobName.DeliverAnswer).decisionId);
      default:
        throw new UnrecoverableError(`unrouted job ${String(job.name)}`);
    }
  }
}
