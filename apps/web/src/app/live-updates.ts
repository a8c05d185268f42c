import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { sessionExpired } from '../api/session-events';
import { invalidatePaths } from './query-client';

/** How often the screens ask again while the event stream is cut. */
export const POLL_INTERVAL_MS = 10_000;
/** How long to wait before opening a stream the server closed (a refusal is not retried at once). */
const REOPEN_AFTER_MS = 15_000;

/** What each kind of event makes stale, as the API paths whose queries are fetched again. */
const STALE_PATHS: Readonly<Record<string, readonly string[]>> = {
  notifications: ['/api/v1/notifications'],
  // "My work" is made from the same records as the sender's status board and compilation.
  work: ['/api/v1/my-work', '/api/v1/consultations', '/api/v1/consultation-recipients'],
  statement: ['/api/v1/statements', '/api/v1/my-work', '/api/v1/meetings'],
  'issued-document': ['/api/v1/issued-documents'],
};

/**
 * Keeps the screens current: one Server-Sent Events stream (`/api/v1/events`) tells what changed
 * for this person and the matching queries are fetched again. While the stream is cut every
 * screen in view is asked again every ten seconds, until the stream is back; when it opens again
 * (`ready`) everything in view is fetched, since what happened meanwhile is not replayed.
 */
export function useLiveUpdates(): 'stream' | 'polling' {
  const client = useQueryClient();
  const [mode, setMode] = useState<'stream' | 'polling'>('stream');

  useEffect(() => {
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let cut = false;
    const refresh = (event: MessageEvent<string>): void => {
      void invalidatePaths(client, STALE_PATHS[event.type] ?? []);
    };
    const open = (): void => {
      source = new EventSource('/api/v1/events');
      for (const type of Object.keys(STALE_PATHS)) {
        source.addEventListener(type, refresh);
      }
      source.addEventListener('ready', () => {
        if (cut) {
          void client.invalidateQueries({ refetchType: 'active' });
        }
        cut = false;
        setMode('stream');
      });
      source.addEventListener('session-ended', () => {
        source?.close();
        sessionExpired();
      });
      source.onerror = () => {
        cut = true;
        setMode('polling');
        // The browser reconnects by itself after a dropped connection, but not after a refusal.
        if (source?.readyState === EventSource.CLOSED) {
          reopen = setTimeout(open, REOPEN_AFTER_MS);
        }
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [client]);

  useEffect(() => {
    if (mode !== 'polling') {
      return;
    }
    const timer = setInterval(() => void client.invalidateQueries({ refetchType: 'active' }), POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [client, mode]);

  return mode;
}
