/**
 * A command in a real pseudo-terminal, through util-linux `script` (no native module needed):
 * `script -qfec CMD /dev/null` gives CMD a pty as stdin, stdout and stderr, copies what we
 * write to its stdin into the pty (keys, as a terminal sends them), and exits with CMD's exit
 * code. The pty has no size until `stty` gives it one, and a prompt library lays its screens
 * out by the width, so the command runs after `stty cols … rows …`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

export const KEYS = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  space: ' ',
  backspace: '\x7f',
  ctrlC: '\x03',
} as const;

/** Why a pty cannot be had here ('' when it can): no `script`, or one that is not util-linux's. */
export function ptyUnavailable(): string {
  const probe = spawnSync('script', ['-qfec', 'test -t 0 && test -t 1 && echo tty', '/dev/null'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return `no util-linux script(1) to run a pseudo-terminal: ${probe.error.message}`;
  return probe.stdout.includes('tty') ? '' : `script(1) gave no terminal: ${probe.stderr || probe.stdout}`;
}

/** Terminal output as text: colours, cursor moves and carriage returns removed. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\x1b[()][A-Z0-9]/g, '').replace(/\r/g, '');
}

export class Pty {
  private raw = '';
  private readonly child: ChildProcess;
  readonly exit: Promise<number | null>;

  constructor(command: string, options: { cwd: string; env: NodeJS.ProcessEnv; cols?: number; rows?: number }) {
    const sized = `stty cols ${options.cols ?? 120} rows ${options.rows ?? 50}; exec ${command}`;
    this.child = spawn('script', ['-qfec', sized, '/dev/null'], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => void (this.raw += chunk));
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => void (this.raw += chunk));
    this.exit = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** Everything the terminal showed so far, as plain text. */
  screen(): string {
    return plain(this.raw);
  }

  /** Waits until the screen shows `what` after the first `from` characters; returns where it ends. */
  async waitFor(what: string | RegExp, from = 0, ms = 20_000): Promise<number> {
    const until = Date.now() + ms;
    for (;;) {
      const rest = this.screen().slice(from);
      if (typeof what === 'string') {
        const index = rest.indexOf(what);
        if (index !== -1) return from + index + what.length;
      } else {
        const match = what.exec(rest);
        if (match) return from + match.index + match[0].length;
      }
      if (Date.now() > until) throw new Error(`timed out waiting for ${String(what)}; the screen shows:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  send(keys: string): void {
    this.child.stdin?.write(keys);
  }

  /** The exit code; stdin stays open until the command ends (script passes our EOF on as one). */
  async done(ms = 30_000): Promise<number | null> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), ms);
    try {
      return await this.exit;
    } finally {
      clearTimeout(timer);
      this.child.stdin?.end();
    }
  }
}
