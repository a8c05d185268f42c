import { DraftPreviewService } from '@app/document';
import type { Actor } from '@app/platform';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Authenticated } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiFileResponse } from '../docs/api-file-response.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { sendDownload } from '../http/download.js';
import { intParam, uuidParam } from '../http/params.js';

@ApiTags('tjänsteutlåtanden')
@Controller({ path: 'statements' })
export class DraftPreviewController {
  constructor(private readonly previews: DraftPreviewService) {}

  /**
   * A saved revision printed as it will look, marked UTKAST on every page and unsigned: for
   * whoever may read the statement. It is no record and is registered nowhere.
   */
  @Get(':id/revisions/:number/preview')
  @Authenticated()
  @ApiFileResponse('application/pdf', 'Versionen som PDF, märkt UTKAST och osignerad.')
  @ApiProblems(400, 404)
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('number', intParam('number')) number: number,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { pdf, fileName } = await this.previews.preview(actor, id, number);
    await sendDownload(reply, { stream: pdf, fileName, mediaType: 'application/pdf', size: pdf.length }, 'inline');
  }
}
