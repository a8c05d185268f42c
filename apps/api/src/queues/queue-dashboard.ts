import { type QueueRegistry } from '@app/platform';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';

/** Where the queue dashboard is served; only the municipality's administrators get in (see the access hook). */
export const QUEUE_DASHBOARD_PATH = '/api/queues';

/** Mounts the BullMQ dashboard over every queue of the deployment. */
export async function mountQueueDashboard(fastify: FastifyInstance, queues: QueueRegistry): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.all().map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Remiss – köer' } },
  });
  await fastify.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
}
