import type { Actor } from '@app/platform';
import { StatementService } from '@app/statement';
import { Injectable } from '@nestjs/common';

import { DocumentModelsService } from './document-models.service.js';
import { RenderPool } from './render-pool.service.js';

/** A draft's printed preview: the file and the name it is offered under. */
export interface DraftPreview {
  readonly pdf: Buffer;
  readonly fileName: string;
}

/**
 * The preview of a tjänsteutlåtande as it will print: any saved revision, for whoever may read
 * the statement, in the real layout but marked `UTKAST`, unsigned, registered nowhere. It is
 * drawn on a render thread, so that a preview does not hold up the API's other requests.
 */
@Injectable()
export class DraftPreviewService {
  constructor(
    private readonly statements: StatementService,
    private readonly models: DocumentModelsService,
    private readonly pool: RenderPool,
  ) {}

  async preview(actor: Actor, statementId: string, revision: number): Promise<DraftPreview> {
    // Reading the revision checks that the actor may see the statement and that the revision exists.
    await this.statements.revision(actor, statementId, revision);
    const { template, fileName } = await this.models.draftOfficialReport(statementId, revision, new Date());
    return { pdf: await this.pool.unsigned(template), fileName };
  }
}
