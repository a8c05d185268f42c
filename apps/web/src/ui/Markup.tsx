import { parseMarkup, type Span } from '@app/markup';

function Spans({ spans }: { spans: readonly Span[] }) {
  return (
    <>{spans.map((span, i) => (span.emphasis ? <em key={i}>{span.text}</em> : <span key={i}>{span.text}</span>))}</>
  );
}

/**
 * Text in the product's markup (paragraphs, bullet lists, emphasis) as the page shows it. The
 * text is parsed into data and placed as text: whatever a person typed, nothing in it runs.
 */
export function Markup({ text }: { text: string }) {
  return (
    <>
      {parseMarkup(text).map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i}>
            <Spans spans={block.spans} />
          </p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Spans spans={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}
