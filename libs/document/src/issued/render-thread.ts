/**
 * Entry of a render thread (worker_threads): renders and signs the documents a RenderPool hands
 * it, one at a time, so that the worker's jobs go on talking to the database meanwhile. Fonts are
 * parsed once per thread; identities once per certificate.
 */
import { documentFonts, SigningIdentity } from '@app/pdf';
import { parentPort } from 'node:worker_threads';

import { produceSignedPdf, produceUnsignedPdf } from './pdf-production.js';
import { warmUpReport } from './warm-up-report.js';
import {
  type IdentityParts,
  type RenderReply,
  type RenderRequest,
  serialiseError,
  THREAD_READY,
} from './render-protocol.js';

/** Renders of a made-up report before the thread says it is ready: enough for V8 to compile the hot paths. */
const WARM_UP_RENDERS = 5;

const identities = new Map<string, SigningIdentity>();

function identityOf(key: IdentityParts): SigningIdentity {
  let identity = identities.get(key.fingerprintSha256);
  if (!identity) {
    identity = new SigningIdentity(
      Buffer.from(key.certificateDer),
      key.chainDer.map((c) => Buffer.from(c)),
      key.privateKey,
    );
    identities.set(key.fingerprintSha256, identity);
  }
  return identity;
}

async function handle(request: RenderRequest): Promise<RenderReply> {
  try {
    if (request.kind === 'signed') {
      const produced = await produceSignedPdf(request.production, identityOf(request.identity));
      return { id: request.id, ok: true, ...produced };
    }
    const unsigned = await produceUnsignedPdf(request.template);
    return { id: request.id, ok: true, pdf: unsigned, unsigned, sha256: '', signatureSha256: null };
  } catch (error) {
    return { id: request.id, ok: false, error: serialiseError(error) };
  }
}

const port = parentPort;
if (!port) {
  throw new Error('render-thread runs only as a worker thread');
}
// One document at a time, in the order given: the pool hands over the next before this one is
// done, and it must wait its turn rather than interleave with it at every await.
let previous: Promise<void> = Promise.resolve();
port.on('message', (request: RenderRequest) => {
  previous = previous.then(async () => port.postMessage(await handle(request)));
});
documentFonts();
for (let i = 0; i < WARM_UP_RENDERS; i++) {
  await produceUnsignedPdf({ layout: 'official_report', model: warmUpReport() });
}
port.postMessage(THREAD_READY);
