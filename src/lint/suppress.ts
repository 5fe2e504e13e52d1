import type { DockerfileModel, InstructionNode } from '../dockerfile/model.js';
import { LineIndex } from '../dockerfile/text.js';
import type { Diagnostic } from './types.js';

/**
 * `# pycrane ignore=PC101,no-latest-tag` silences those rules on the next instruction (Dockerfile) or the next
 * line (YAML, JSONC with `//`, .dockerignore); `# pycrane global ignore=...` silences them in the whole file.
 */
const PRAGMA = /^(?:#|\/\/)\s*pycrane\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,-][A-Za-z0-9_,\s-]*)$/; // on a trimmed line: the list starts and ends with no space

export interface Suppressions {
  readonly global: ReadonlySet<string>;
  /** [firstLine, lastLine] (0-based, inclusive) and the rules silenced there. */
  readonly spans: readonly { readonly from: number; readonly to: number; readonly rules: ReadonlySet<string> }[];
}

function parsePragma(line: string): { global: boolean; rules: Set<string> } | undefined {
  const m = PRAGMA.exec(line.trim());
  if (!m) return undefined;
  const rules = new Set((m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  return { global: Boolean(m[1]), rules };
}

export function dockerfileSuppressions(model: DockerfileModel): Suppressions {
  const global = new Set<string>();
  const spans: { from: number; to: number; rules: Set<string> }[] = [];
  // Scan lines, not the parser's comments: a pragma on line 1 looks like a parser directive to it.
  // The instructions are in line order, so one sweep finds, for each line, whether an instruction that
  // starts before it still covers it (a comment inside a continued RUN) and the next instruction.
  const instructions = model.instructions;
  let started = 0; // instructions that start before `line`
  let coveredTo = -1; // the last line any of them covers
  let next = 0; // the first instruction that starts after `line`
  for (let line = 0; line < model.index.lineCount; line++) {
    while (started < instructions.length && (instructions[started] as InstructionNode).range.start.line < line) {
      coveredTo = Math.max(coveredTo, (instructions[started] as InstructionNode).range.end.line);
      started++;
    }
    while (next < instructions.length && (instructions[next] as InstructionNode).range.start.line <= line) next++;
    const p = parsePragma(model.index.line(line));
    if (!p || coveredTo >= line) continue;
    if (p.global) {
      for (const r of p.rules) global.add(r);
      continue;
    }
    const following = instructions[next];
    if (following) spans.push({ from: following.range.start.line, to: following.range.end.line, rules: p.rules });
  }
  return { global, spans };
}

/** Line-based files: the pragma covers the next line that is neither blank nor a comment. */
export function lineSuppressions(text: string): Suppressions {
  const index = new LineIndex(text);
  const global = new Set<string>();
  const spans: { from: number; to: number; rules: Set<string> }[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const p = parsePragma(index.line(line));
    if (!p) continue;
    if (p.global) {
      for (const r of p.rules) global.add(r);
      continue;
    }
    let next = line + 1;
    while (next < index.lineCount && /^\s*(#|\/\/|$)/.test(index.line(next))) next++;
    spans.push({ from: next, to: next, rules: p.rules });
  }
  return { global, spans };
}

export function isSuppressed(d: Diagnostic, s: Suppressions): boolean {
  const hit = (rules: ReadonlySet<string>) => rules.has(d.ruleId) || rules.has(d.ruleName);
  if (hit(s.global)) return true;
  const line = d.range.start.line;
  return s.spans.some((span) => line >= span.from && line <= span.to && hit(span.rules));
}
