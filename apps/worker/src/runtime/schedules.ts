import { APP_CONFIG, type AppConfig, JobName, MUNICIPAL_TIME_ZONE, QUEUE_FOR, QueueRegistry } from '@app/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';

/**
 * The recurring jobs, kept as BullMQ job schedulers in Redis: one schedule for the whole
 * deployment however many workers upsert it, and no timer state in any process.
 */
@Injectable()
export class Schedules {
  readonly #log = new Logger('schedules');

  constructor(
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async install(): Promise<void> {
    try {
      await this.queues.get(QUEUE_FOR[JobName.ScanReminders]).upsertJobScheduler(
        JobName.ScanReminders,
        { every: this.config.reminders.scanIntervalMs },
        {
          name: JobName.ScanReminders,
          data: {},
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 1_000 },
            removeOnComplete: { count: 100 },
            removeOnFail: { count: 100 },
          },
        },
      );
      // The morning digest: 07:00 in Stockholm, summer and winter alike.
      await this.queues.get(QUEUE_FOR[JobName.SendDigests]).upsertJobScheduler(
        JobName.SendDigests,
        { pattern: '0 0 7 * * *', tz: MUNICIPAL_TIME_ZONE },
        {
          name: JobName.SendDigests,
          data: {},
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 1_000 },
            removeOnComplete: { count: 100 },
            removeOnFail: { count: 100 },
          },
        },
      );
    } catch (error) {
      // Redis is away: the schedule already stored there (or the next start) takes over.
      this.#log.warn({ msg: 'could not install the reminder and digest schedules now', error: String(error) });
    }
  }
}
