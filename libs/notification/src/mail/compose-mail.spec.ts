import { simpleParser } from 'mailparser';

import { composeMail, stockholmMailDate } from './compose-mail.js';

describe(stockholmMailDate.name, () => {
  it('writes the instant in Stockholm time, winter and summer', () => {
    expect(stockholmMailDate(new Date('2026-01-15T08:30:00Z'))).toBe('Thu, 15 Jan 2026 09:30:00 +0100');
    expect(stockholmMailDate(new Date('2026-07-01T22:05:09Z'))).toBe('Thu, 02 Jul 2026 00:05:09 +0200');
  });
});

describe(composeMail.name, () => {
  it('composes UTF-8 headers, a text and an HTML part, and attachments under their Swedish names', async () => {
    const raw = await composeMail({
      from: { name: 'Hägersten-Älvsjö stadsdelsförvaltning', address: 'registrator@example.se' },
      to: { name: 'Föreningen Ölänningar', address: 'kansli@example.se' },
      replyTo: { name: 'Registratur', address: 'registrator.ha@example.se' },
      subject: 'Remiss: Åtgärder för ökad trygghet (KS 2026/12)',
      text: 'Hej!\n\nLäs mer på https://remiss.example.se/notiser',
      date: new Date('2026-03-03T08:15:00Z'),
      messageId: '<abc@example.se>',
      attachments: [
        { fileName: 'Missiv – årsöversikt.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.7') },
      ],
    });
    const text = raw.toString('utf8');
    expect(text).toMatch(/^Date: Tue, 03 Mar 2026 09:15:00 \+0100\r$/m);
    // Only ASCII on the wire: the headers are encoded words.
    expect([...text].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Remiss: Åtgärder för ökad trygghet (KS 2026/12)');
    expect(parsed.from?.value[0]).toEqual({
      name: 'Hägersten-Älvsjö stadsdelsförvaltning',
      address: 'registrator@example.se',
    });
    expect(parsed.to).toMatchObject({ value: [{ name: 'Föreningen Ölänningar', address: 'kansli@example.se' }] });
    expect(parsed.replyTo?.value[0]?.address).toBe('registrator.ha@example.se');
    expect(parsed.messageId).toBe('<abc@example.se>');
    expect(parsed.text).toContain('Läs mer');
    expect(parsed.html).toContain('<a href="https://remiss.example.se/notiser">');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['Missiv – årsöversikt.pdf', 'application/pdf', '%PDF-1.7'],
    ]);
  });

  it('escapes markup in the text when it makes the HTML part', async () => {
    const parsed = await simpleParser(
      await composeMail({
        from: { name: 'A', address: 'a@example.se' },
        to: { name: 'B', address: 'b@example.se' },
        subject: 'x',
        text: '<script>alert(1)</script> & "citat"',
        date: new Date(),
        messageId: '<x@example.se>',
        attachments: [],
      }),
    );
    expect(parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;');
  });
});
