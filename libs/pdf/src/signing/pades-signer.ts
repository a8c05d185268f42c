import { createHash } from 'node:crypto';

import { SignPdf } from '@signpdf/signpdf';
import { Signer, SignPdfError } from '@signpdf/utils';

import { encodeSignedData, signCmsAttributes, type CmsAttribute, type CmsContent } from './cms-signed-data.js';
import { Oid } from './object-identifiers.js';
import { signingErrors } from './signing-errors.js';
import type { SigningIdentity } from './signing-identity.js';
import type { Timestamper } from './timestamper.js';

/** Options of a PAdES signature. */
export interface PadesSignOptions {
  /** A time-stamping authority; with one the signature is PAdES B-T, without it B-B. */
  readonly timestamper?: Timestamper;
}

/**
 * A @signpdf Signer that returns a PAdES baseline CMS (ETSI.CAdES.detached) for the bytes the
 * ByteRange covers. It keeps no state between calls, so one instance signs any number of PDFs,
 * concurrently too; the identity is parsed once, and a signature costs one SHA-256 over the PDF
 * plus one RSA operation in Node's native crypto.
 */
export class PadesSigner extends Signer {
  constructor(
    private readonly identity: SigningIdentity,
    private readonly options: PadesSignOptions = {},
  ) {
    super();
  }

  /** Signs the ByteRange content; the signing time argument is ignored, PAdES has it in `M`. */
  override async sign(signedContent: Buffer, _signingTime?: Date): Promise<Buffer> {
    const content: CmsContent = {
      contentType: Oid.data,
      digest: createHash('sha256').update(signedContent).digest(),
    };
    const signature = signCmsAttributes(this.identity, content);
    const unsignedAttributes: CmsAttribute[] = [];
    if (this.options.timestamper) {
      const token = await this.options.timestamper.timestamp(signature.signatureValue);
      unsignedAttributes.push({ type: Oid.signatureTimeStampTokenAttribute, values: [token] });
    }
    return encodeSignedData(this.identity, content, signature, unsignedAttributes);
  }
}

/**
 * Signs a PDF that carries a placeholder from `addSignaturePlaceholder`: fills in the ByteRange
 * (the whole file but the Contents hole) and puts the CMS into Contents. Returns the signed PDF.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, options: PadesSignOptions = {}): Promise<Buffer> {
  try {
    // SignPdf remembers the last signature on the instance; a fresh one per call shares nothing.
    return await new SignPdf().sign(pdf, new PadesSigner(identity, options));
  } catch (error) {
    if (error instanceof SignPdfError) {
      throw error.type === SignPdfError.TYPE_INPUT && error.message.startsWith('Signature exceeds')
        ? signingErrors.signatureTooLarge(error.message)
        : signingErrors.placeholderMissing(error.message);
    }
    throw error;
  }
}
