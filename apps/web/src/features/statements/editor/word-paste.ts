/**
 * Text pasted from Word (or a web page) made fit for the editor before the editor reads it:
 * Word's own list paragraphs become a real bullet list, and its markers, comments, styles and
 * Office-namespace elements go. What is left is read by the editor's schema, which keeps only
 * paragraphs, bullet lists and emphasis.
 */
export function cleanPastedHtml(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const body = document.body;
  for (const node of [...body.querySelectorAll('style, script, meta, link, title, xml')]) {
    node.remove();
  }
  removeComments(body);
  // <o:p> and the like: Office elements with a namespace prefix.
  for (const element of [...body.querySelectorAll('*')]) {
    if (element.tagName.includes(':')) {
      element.replaceWith(...element.childNodes);
    }
  }
  // The bullet character and its spacing Word writes before each list paragraph.
  for (const marker of [...body.querySelectorAll('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]')]) {
    marker.remove();
  }
  wrapWordLists(document, body);
  for (const element of [...body.querySelectorAll('[style], [class]')]) {
    const italic = /font-style:\s*italic/i.test(element.getAttribute('style') ?? '');
    element.removeAttribute('class');
    element.removeAttribute('style');
    if (italic) {
      element.setAttribute('style', 'font-style: italic');
    }
  }
  return body.innerHTML;
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) {
    comments.push(walker.currentNode);
  }
  for (const comment of comments) {
    comment.parentNode?.removeChild(comment);
  }
}

function isWordListParagraph(element: Element): boolean {
  return (
    element.tagName === 'P' &&
    (/MsoListParagraph/i.test(element.className) || /mso-list:/i.test(element.getAttribute('style') ?? ''))
  );
}

/** Consecutive Word list paragraphs become one <ul> with an <li> each. */
function wrapWordLists(document: Document, body: HTMLElement): void {
  let list: HTMLUListElement | null = null;
  for (const element of [...body.querySelectorAll('p')]) {
    if (!isWordListParagraph(element)) {
      list = null;
      continue;
    }
    const previous = element.previousElementSibling;
    if (!list || previous !== list) {
      list = document.createElement('ul');
      element.before(list);
    }
    const item = document.createElement('li');
    item.append(...element.childNodes);
    // Word sometimes leaves the marker as plain text ("·", "o", "§" in Symbol/Wingdings).
    const first = item.firstChild;
    if (first?.nodeType === Node.TEXT_NODE) {
      first.textContent = (first.textContent ?? '').replace(/^[\s\u00a0]*[·•o§▪–-][\s\u00a0]+/, '');
    }
    list.append(item);
    element.remove();
  }
}
