export interface DiffPiece {
  readonly kind: 'same' | 'inserted' | 'deleted';
  readonly text: string;
}

/** Words and the spaces between them, each a token, so the pieces join back into the texts. */
function tokens(text: string): string[] {
  return text.match(/\S+|\s+/g) ?? [];
}

/** Past this many word pairs the texts are compared as wholes: a browser must stay responsive. */
const MAX_CELLS = 4_000_000;

/**
 * What changed between two texts, word by word: the longest common subsequence keeps what stayed,
 * the rest is deleted from the first or inserted in the second.
 */
export function wordDiff(from: string, to: string): DiffPiece[] {
  const a = tokens(from);
  const b = tokens(to);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const pieces: DiffPiece[] = [];
  const push = (kind: DiffPiece['kind'], text: string): void => {
    const last = pieces[pieces.length - 1];
    if (last && last.kind === kind) {
      pieces[pieces.length - 1] = { kind, text: last.text + text };
    } else if (text) {
      pieces.push({ kind, text });
    }
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    push('deleted', midA.join(''));
    push('inserted', midB.join(''));
  } else {
    const width = midB.length + 1;
    const lcs = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lcs[i * width + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        push('same', midA[i]!);
        i++;
        j++;
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
        push('deleted', midA[i]!);
        i++;
      } else {
        push('inserted', midB[j]!);
        j++;
      }
    }
    push('deleted', midA.slice(i).join(''));
    push('inserted', midB.slice(j).join(''));
  }
  push('same', a.slice(endA).join(''));
  return pieces;
}
