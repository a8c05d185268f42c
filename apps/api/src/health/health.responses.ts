import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { Describes } from '../docs/describes.js';
import { literalValues } from '../docs/literal-values.js';
import type { DependencyCheck, HealthReport } from './health.probe.js';

@Describes<DependencyCheck>()
export class DependencyCheckResponse {
  @ApiProperty({
    enum: literalValues<DependencyCheck['status']>({ up: true, down: true }),
    enumName: 'DependencyStatus',
  })
  readonly status!: DependencyCheck['status'];

  @ApiProperty({ type: 'integer' })
  readonly latencyMs!: number;

  @ApiPropertyOptional({ description: 'Varför beroendet inte svarar.' })
  readonly error?: string;
}

@Describes<HealthReport['checks']>()
export class HealthChecksResponse {
  @ApiProperty({ type: DependencyCheckResponse })
  readonly postgres!: DependencyCheckResponse;

  @ApiProperty({ type: DependencyCheckResponse })
  readonly redis!: DependencyCheckResponse;
}

@Describes<HealthReport>()
export class HealthReportResponse {
  @ApiProperty({
    enum: literalValues<HealthReport['status']>({ ok: true, unavailable: true }),
    enumName: 'HealthStatus',
  })
  readonly status!: HealthReport['status'];

  @ApiProperty({ type: HealthChecksResponse })
  readonly checks!: HealthChecksResponse;
}
