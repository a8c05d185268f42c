/**
 * The login token, kept for this tab while the API sets no session cookie. Once it does, the
 * cookie carries the session and nothing is kept here.
 */
const KEY = 'remiss.token';

export function rememberToken(token: string | null): void {
  if (token) {
    sessionStorage.setItem(KEY, token);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

export function rememberedToken(): string | null {
  return sessionStorage.getItem(KEY);
}
