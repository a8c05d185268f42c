import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Public } from '../auth/access.decorator.js';
import { HealthProbe } from './health.probe.js';

@ApiTags('drift')
@Controller({ path: 'health' })
export class HealthController {
  constructor(private readonly probe: HealthProbe) {}

  /** Reports PostgreSQL and Redis; 200 when both answer, 503 otherwise. */
  @Get()
  @Public()
  @ApiOkResponse({ description: 'Både PostgreSQL och Redis svarar.' })
  @ApiServiceUnavailableResponse({ description: 'Något av beroendena svarar inte.' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const report = await this.probe.check();
    void reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
