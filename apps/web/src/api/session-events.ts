type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * Told when the API answers 401 to a logged-in request: the session has ended (expired, logged
 * out elsewhere, or the person was disabled). The app returns the person to the login page.
 */
export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function sessionExpired(): void {
  for (const listener of listeners) {
    listener();
  }
}
