import { Db } from '@app/platform';
import { FileStoreService } from '@app/registry';
import { createHash, randomBytes } from 'node:crypto';

import { TestContext } from '../support/test-context.js';

/** Files the system makes itself (signed PDFs) go into the store whole, by their hash. */
describe('storing generated files', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, env: { FILE_MAX_BYTES: String(2 * 1024 * 1024) } });
  });

  afterAll(() => ctx.close());

  const pdf = (bytes: number): Buffer =>
    Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes - 15), Buffer.from('\n%%EOF\n')]);
  const counts = async (): Promise<{ blobs: number; chunks: number }> => {
    const [row] = await ctx.query<{ blobs: number; chunks: number }>(
      `SELECT (SELECT count(*)::int FROM file_blobs) AS blobs, (SELECT count(*)::int FROM file_chunks) AS chunks`,
    );
    return row!;
  };
  const store = (name: string, type: string, bytes: Buffer) =>
    ctx.get(Db).transaction((tx) => ctx.get(FileStoreService).storeBuffer(tx, name, type, bytes));

  it('stores a file larger than one chunk in order, and reads back the same bytes', async () => {
    const bytes = pdf(600 * 1024);
    const before = await counts();
    const stored = await store('Remissammanställning.pdf', 'application/pdf', bytes);
    expect(stored).toMatchObject({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      mediaType: 'application/pdf',
      stored: true,
    });
    expect(await counts()).toEqual({ blobs: before.blobs + 1, chunks: before.chunks + 3 });
    expect(Buffer.compare(await ctx.get(FileStoreService).read(stored.blobId), bytes)).toBe(0);
  });

  it('keeps one copy of the same content, stored again or twice at once', async () => {
    const bytes = pdf(40 * 1024);
    const first = await store('Tjänsteutlåtande.pdf', 'application/pdf', bytes);
    const before = await counts();
    const again = await Promise.all([
      store('Tjänsteutlåtande kopia.pdf', 'application/pdf', bytes),
      store('Tjänsteutlåtande kopia 2.pdf', 'application/pdf', bytes),
    ]);
    expect(again.map((s) => [s.blobId, s.stored])).toEqual([
      [first.blobId, false],
      [first.blobId, false],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses empty content, content that is not what it claims, and content over the limit, storing nothing', async () => {
    const before = await counts();
    await expect(store('Tom.pdf', 'application/pdf', Buffer.alloc(0))).rejects.toMatchObject({
      code: 'registry.file_empty',
    });
    await expect(store('Falsk.pdf', 'application/pdf', randomBytes(2048))).rejects.toMatchObject({
      code: 'registry.file_type_mismatch',
    });
    await expect(store('Stor.pdf', 'application/pdf', pdf(2 * 1024 * 1024 + 1))).rejects.toMatchObject({
      code: 'registry.file_too_large',
    });
    expect(await counts()).toEqual(before);
  });
});
