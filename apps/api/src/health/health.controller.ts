import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Public } from '../auth/access.decorator.js';
import { HealthProbe } from './health.probe.js';
import { HealthReportResponse } from './health.responses.js';

@ApiTags('drift')
@Controller({ path: 'health' })
export class HealthController {
  constructor(private readonly probe: HealthProbe) {}

  /** Reports PostgreSQL and Redis; 200 when both answer, 503 otherwise. */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthReportResponse, description: 'Både PostgreSQL och Redis svarar.' })
  @ApiServiceUnavailableResponse({ type: HealthReportResponse, description: 'Något av beroendena svarar inte.' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReportResponse> {
    const report = await this.probe.check();
    void reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
