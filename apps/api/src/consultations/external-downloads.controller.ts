import { ExternalMailService } from '@app/consultation';
import { escapeHtml } from '@app/notification';
import { NotFoundError } from '@app/platform';
import { FileStoreService } from '@app/registry';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Public } from '../auth/access.decorator.js';
import { ApiFileResponse } from '../docs/api-file-response.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { sendDownload } from '../http/download.js';

/**
 * What an external recipient, who has no login, downloads from the link in its e-mail when the
 * remiss was too large to attach: the token in the address is the only key, for that recipient,
 * until the deadline plus 30 days. Every other token is a 404.
 */
@ApiTags('remisser')
@Controller({ path: 'remissunderlag' })
export class ExternalDownloadsController {
  constructor(
    private readonly externalMail: ExternalMailService,
    private readonly files: FileStoreService,
  ) {}

  /** A page listing the signed missiv and the remissunderlag, each a link to its file. */
  @Get(':token')
  @Public()
  @ApiResponse({
    status: 200,
    description: 'En sida med missivet och remissunderlaget att ladda ned.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(404)
  async page(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const { title, files } = await this.externalMail.filesFor(token);
    const items = files
      .map(
        (f, i) =>
          `<li><a href="${escapeHtml(`${encodeURIComponent(token)}/filer/${i}`)}">${escapeHtml(f.fileName)}</a></li>`,
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
  @Get(':token/filer/:index')
  @Public()
  @ApiFileResponse('*/*', 'Filen (missivet eller en fil i remissunderlaget).')
  @ApiProblems(404)
  async file(@Param('token') token: string, @Param('index') index: string, @Res() reply: FastifyReply): Promise<void> {
    const { files } = await this.externalMail.filesFor(token);
    const file = /^\d{1,4}$/.test(index) ? files[Number(index)] : undefined;
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
