/**
 * Text wrapped to a terminal's width at word boundaries, for what a person reads there (tag review,
 * show, tables too narrow for their columns; a pipe gets text as it is): `indent` on the first
 * line of each paragraph, `rest` on the others. A word longer than the width keeps its line.
 */
export function wrap(text: string, width: number, indent = '  ', rest = indent): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = '';
    let lead = indent;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && lead.length + line.length + 1 + word.length > width) {
        out.push(lead + line);
        lead = rest;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(lead + line);
  }
  return out.join('\n');
}
