import { ExternalMailService } from '@app/consultation';
import { escapeHtml } from '@app/notification';
import { NotFoundError } from '@app/platform';
import { FileStoreService } from '@app/registry';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';

import { Public } from '../auth/access.decorator.js';
import { ApiFileResponse } from '../docs/api-file-response.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { sendDownload } from '../http/download.js';
import { intParam, uuidParam } from '../http/params.js';

export class DownloadKeyQuery {
  @ApiProperty({ description: 'Nyckeln i länken i remissinstansens e-post.' })
  @IsString()
  @MaxLength(200)
  nyckel!: string;
}

/**
 * What an external recipient, who has no login, downloads from the link in its e-mail when the
 * remiss was too large to attach: the key in the link (a query parameter, so that the request log,
 * which keeps parameter names only, never holds it) opens that recipient's remiss, until the
 * deadline plus 30 days. Any other key is a 404.
 */
@ApiTags('remisser')
@Controller({ path: 'remissunderlag' })
export class ExternalDownloadsController {
  constructor(
    private readonly externalMail: ExternalMailService,
    private readonly files: FileStoreService,
  ) {}

  /** A page listing the signed missiv and the remissunderlag, each a link to its file. */
  @Get(':recipientId')
  @Public()
  @ApiResponse({
    status: 200,
    description: 'En sida med missivet och remissunderlaget att ladda ned.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 404)
  async page(
    @Param('recipientId', uuidParam('recipientId')) recipientId: string,
    @Query() query: DownloadKeyQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { title, files } = await this.externalMail.filesFor(recipientId, query.nyckel);
    const key = encodeURIComponent(query.nyckel);
    const items = files
      .map(
        (f, i) =>
          `<li><a href="${escapeHtml(`${recipientId}/filer/${i}?nyckel=${key}`)}">${escapeHtml(f.fileName)}</a></li>`,
      )
      .join('\n');
    const html = `<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"><title>Remiss: ${escapeHtml(title)}</title></head><body>\n<h1>Remiss: ${escapeHtml(title)}</h1>\n<ul>\n${items}\n</ul>\n</body></html>\n`;
    await reply
      .header('Cache-Control', 'no-store')
      .header('Referrer-Policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(html);
  }

  /** One file of the remiss, by its place on the page. */
  @Get(':recipientId/filer/:index')
  @Public()
  @ApiFileResponse('*/*', 'Filen (missivet eller en fil i remissunderlaget).')
  @ApiProblems(400, 404)
  async file(
    @Param('recipientId', uuidParam('recipientId')) recipientId: string,
    @Param('index', intParam('index')) index: number,
    @Query() query: DownloadKeyQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { files } = await this.externalMail.filesFor(recipientId, query.nyckel);
    const file = files[index];
    if (!file) {
      throw new NotFoundError('download.not_found', 'Filen finns inte.');
    }
    await sendDownload(reply, {
      stream: this.files.open(file.blobId),
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.size,
    });
  }
}
