import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the floor's pages live while the benchmark runs: beside the built app, served by the same server. */
export const FLOOR_PATH = '/bench-floor';

/**
 * The floor: the login's steps on plain HTML with the app's own style sheet and no script — a
 * form with the same fields whose button leads to a static "Mitt arbete". Whatever the app takes
 * beyond this is the app's own cost.
 */
export function writeFloor(webRoot: string): () => void {
  const dir = join(webRoot, FLOOR_PATH);
  const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const styles = [...index.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]).join('\n    ');
  const page = (title: string, body: string) => `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} – Remiss</title>
    ${styles}
  </head>
  <body>
    <main id="innehall">
${body}
    </main>
  </body>
</html>
`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'logga-in.html'),
    page(
      'Logga in',
      `      <h1>Logga in</h1>
      <form method="get" action="${FLOOR_PATH}/mitt-arbete.html">
        <p><label for="email">E-post</label> <input id="email" type="email" autocomplete="username" /></p>
        <p><label for="password">Lösenord</label> <input id="password" type="password" autocomplete="current-password" /></p>
        <p><button type="submit">Logga in</button></p>
      </form>`,
    ),
  );
  writeFileSync(
    join(dir, 'mitt-arbete.html'),
    page('Mitt arbete', '      <h1>Mitt arbete</h1>\n      <p>Det här väntar på dig.</p>'),
  );
  return () => rmSync(dir, { recursive: true, force: true });
}
