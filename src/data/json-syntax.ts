/**
 * Where a JSON text goes wrong, as a line and column an officer can find in an editor.
 * JSON.parse gives a position for some mistakes only (Node 20 says "Unexpected token ']'"
 * for a trailing comma, with no position), so the text is scanned again, after JSON.parse has
 * refused it, by a small parser that stops at the first mistake and says what it expected.
 */

export interface JsonSyntaxProblem {
  /** 1-based line and column (in characters) of the mistake. */
  line: number;
  column: number;
  /** What was expected there, e.g. "expected ',' or '}' after a value". */
  reason: string;
}

class Stop extends Error {
  constructor(readonly at: number, readonly reason: string) {
    super(reason);
  }
}

/** The first syntax mistake of `text`, or undefined when it is valid JSON. */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const found = () => (i >= text.length ? 'the end of the file' : `'${text[i]}'`);
  const fail = (expected: string): never => {
    throw new Stop(i, `expected ${expected}, found ${found()}`);
  };
  /** After a value: a missing separator at the end of a line is reported there, where the comma belongs. */
  const separator = (close: '}' | ']'): boolean => {
    const end = i;
    ws();
    if (text[i] === ',') { i++; return true; }
    if (text[i] === close) { i++; return false; }
    if (text.slice(end, i).includes('\n')) throw new Stop(end, `expected ',' after this value (or '${close}'), at the end of the line`);
    return fail(`',' or '${close}' after a value`);
  };
  const string = () => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') throw new Stop(start, 'a text in quotes is not closed on its line');
      i++;
    }
    if (i >= text.length) throw new Stop(start, 'a text in quotes is never closed');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'another key in double quotes (or no comma before the \'}\')' : 'a key in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail("':' after the key");
        i++;
        value();
        if (!separator('}')) return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        ws();
        if (text[i] === ']') fail('another value (or no comma before the \']\')');
        value();
        if (!separator(']')) return;
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) { i += literal[0].length; return; }
    fail('a value (text in double quotes, a number, true, false, null, a list or an object)');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('nothing more after the end of the top-level value');
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.at);
    const line = before.split('\n').length;
    return { line, column: e.at - before.lastIndexOf('\n'), reason: e.reason };
  }
}
