import { type JobHandlers, JobName, QueueName } from '@app/platform';
import { DecisionService } from '@app/statement';
import { Injectable } from '@nestjs/common';

import type { JobProcessor } from '../runtime/job-processor.js';

@Injectable()
export class StatementsProcessor implements JobProcessor<QueueName.Statements> {
  readonly handlers: JobHandlers<QueueName.Statements> = {
    [JobName.DeliverAnswer]: ({ payload }) => this.decisions.deliver(payload.decisionId),
  };

  constructor(private readonly decisions: DecisionService) {}
}
