/** The document information that both the Info dictionary and the XMP packet carry. */
export interface XmpFields {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly language: string;
  readonly creatorTool: string;
  readonly producer: string;
  readonly created: Date;
  readonly modified: Date;
}

/**
 * The XMP descriptions for the document information, written with XML escaping. PDF/A requires
 * the XMP packet to state the same title, author, subject, keywords, tools and dates as the Info
 * dictionary; pdfkit's own packet neither escapes `&` or `<` in a title nor carries the
 * modification date, so the renderer writes this one instead.
 */
export function xmpDescriptions(fields: XmpFields): string {
  const li = (value: string): string => `<rdf:li>${escapeXml(value)}</rdf:li>`;
  const alt = (value: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${xmpDate(fields.created)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(fields.modified)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(fields.modified)}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(fields.creatorTool)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(fields.title)}</dc:title>`,
    `<dc:creator><rdf:Seq>${li(fields.author)}</rdf:Seq></dc:creator>`,
    `<dc:description>${alt(fields.subject)}</dc:description>`,
    `<dc:subject><rdf:Bag>${fields.keywords.map(li).join('')}</rdf:Bag></dc:subject>`,
    `<dc:language><rdf:Bag>${li(fields.language)}</rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>`,
    `<pdf:Keywords>${escapeXml(fields.keywords.join(', '))}</pdf:Keywords>`,
    '</rdf:Description>',
  ].join('\n');
}

/** The date as the Info dictionary writes it (UTC, whole seconds), in XMP form. */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const XML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' } as const;

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c as keyof typeof XML_ESCAPES]);
}
