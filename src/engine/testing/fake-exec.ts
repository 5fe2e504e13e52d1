/**
 * A scripted ExecFn for unit tests: records every call (cmd, args, cwd, env keys) and answers
 * from a list of rules, first match wins. Unmatched calls fail loudly so a test never passes
 * by accident.
 */
import type { ExecFn, ExecRequest, ExecResult } from '../exec.js';

export interface FakeCall {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly cwd: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly input: string | undefined;
}

export interface FakeRule {
  /** Matches when the command line (`cmd args...` joined by spaces) starts with this, or the function says so. */
  readonly match: string | ((call: FakeCall) => boolean);
  readonly result: Partial<ExecResult> | ((call: FakeCall) => Partial<ExecResult>);
  /** Answer only this many times (then the rule is skipped). */
  readonly times?: number;
}

export interface FakeExec {
  readonly exec: ExecFn;
  readonly calls: FakeCall[];
  /** The command lines, `cmd args...`, for snapshot-style assertions. */
  lines(): string[];
  /** Adds rules after construction. */
  on(match: FakeRule['match'], result: FakeRule['result'], times?: number): FakeExec;
}

export function commandLine(call: { cmd: string; args: readonly string[] }): string {
  return [call.cmd, ...call.args].join(' ');
}

export function fakeExec(rules: readonly FakeRule[] = []): FakeExec {
  const all: { rule: FakeRule; used: number }[] = rules.map((rule) => ({ rule, used: 0 }));
  const calls: FakeCall[] = [];
  const exec: ExecFn = async (request: ExecRequest) => {
    const call: FakeCall = {
      cmd: request.cmd,
      args: [...request.args],
      cwd: request.cwd,
      env: request.env,
      input: request.input,
    };
    calls.push(call);
    const line = commandLine(call);
    for (const entry of all) {
      const { rule } = entry;
      if (rule.times !== undefined && entry.used >= rule.times) continue;
      const hit = typeof rule.match === 'string' ? line === rule.match || line.startsWith(`${rule.match} `) : rule.match(call);
      if (!hit) continue;
      entry.used += 1;
      const partial = typeof rule.result === 'function' ? rule.result(call) : rule.result;
      const result: ExecResult = { code: 0, stdout: '', stderr: '', ...partial };
      if (typeof request.output === 'function') {
        if (result.stdout) request.output('stdout', result.stdout);
        if (result.stderr) request.output('stderr', result.stderr);
      }
      return result;
    }
    return { code: 127, stdout: '', stderr: `fakeExec: no rule for: ${line}\n`, spawnError: `no rule for: ${line}` };
  };
  const fake: FakeExec = {
    exec,
    calls,
    lines: () => calls.map(commandLine),
    on(match, result, times) {
      all.push({ rule: times === undefined ? { match, result } : { match, result, times }, used: 0 });
      return fake;
    },
  };
  return fake;
}
