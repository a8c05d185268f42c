import { Module } from '@nestjs/common';

import { IssuanceService } from './issuance.service.js';

@Module({ providers: [IssuanceService], exports: [IssuanceService] })
export class IssuanceModule {}
