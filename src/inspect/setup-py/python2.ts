import type { SyntaxNode } from '@lezer/common';
import { childNodes, type SourceText } from './syntax.js';

export interface Python2Sign {
  readonly pos: number;
  readonly what: string;
}

/**
 * Finds syntax errors and Python 2 only syntax in one pass over the tree. The parser reads
 * Python 2 `print x` as a statement of its own and accepts `except X, e` and `<>`; backticks,
 * `10L` and `exec "code"` come out as errors, which are counted as Python 2 rather than as
 * syntax errors.
 */
export class SyntaxCollector {
  python2: Python2Sign | undefined;
  readonly errors: number[] = [];
  private printDepth = 0;
  /** Lines of print statements: the parser leaves `print >>f, x` partly outside the statement, as errors. */
  private readonly printLines = new Set<number>();

  constructor(private readonly src: SourceText) {}

  private sign(pos: number, what: string): void {
    if (!this.python2 || pos < this.python2.pos) this.python2 = { pos, what };
  }

  enter(node: SyntaxNode): void {
    const text = this.src.text;
    if (node.type.isError) {
      if (this.printDepth > 0 || this.printLines.has(this.src.line(node.from))) return;
      const at = text.charAt(node.from);
      const before = text.charAt(node.from - 1);
      if (at === '`') return this.sign(node.from, 'a backtick repr (`x`)');
      if ((at === 'L' || at === 'l') && before >= '0' && before <= '9') return this.sign(node.from, 'a long integer literal (10L)');
      if (this.precededByExec(node.from)) return this.sign(node.from, 'an exec statement');
      this.errors.push(node.from);
      return;
    }
    switch (node.name) {
      case 'PrintStatement':
        this.printDepth++;
        this.printLines.add(this.src.line(node.from));
        this.sign(node.from, 'a print statement');
        break;
      case 'TryStatement': {
        const children = childNodes(node);
        children.forEach((child, i) => {
          if (child.name === 'except' && children[i + 2]?.name === ',') this.sign(child.from, 'except X, e');
        });
        break;
      }
      case 'RaiseStatement':
        if (childNodes(node).some((c) => c.name === ',')) this.sign(node.from, 'raise E, "message"');
        break;
      case 'CompareOp':
        if (this.src.slice(node) === '<>') this.sign(node.from, 'the <> operator');
        break;
      case 'Number': {
        const number = this.src.slice(node);
        if (number.length > 1 && number.startsWith('0') && /^[0-9]+$/.test(number) && /[1-9]/.test(number))
          this.sign(node.from, `an old-style octal literal (${number})`);
        break;
      }
    }
  }

  leave(node: SyntaxNode): void {
    if (node.name === 'PrintStatement') this.printDepth--;
  }

  /** `exec "code"`: the word right before the error is `exec` at the start of a statement. */
  private precededByExec(pos: number): boolean {
    const text = this.src.text;
    let end = pos;
    while (end > 0 && (text.charAt(end - 1) === ' ' || text.charAt(end - 1) === '\t')) end--;
    if (end < 4 || text.slice(end - 4, end) !== 'exec') return false;
    let start = end - 4;
    while (start > 0 && (text.charAt(start - 1) === ' ' || text.charAt(start - 1) === '\t')) start--;
    return start === 0 || text.charAt(start - 1) === '\n';
  }
}
