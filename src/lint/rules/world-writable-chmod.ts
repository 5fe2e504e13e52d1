import { defineRule } from '../rule.js';

/** Octal mode (3 or 4 digits) or symbolic mode giving write to others. */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const sticky = (Number(digits[0]) & 1) === 1;
    return (Number(digits[3]) & 2) === 2 && !sticky;
  }
  return mode.split(',').some((part) => /^[ugoa]*[+=][rwxXst]*w/.test(part) && (/^[^+=]*[oa]/.test(part) || /^[+=]/.test(part)));
}

export const worldWritableChmod = defineRule({
  id: 'PC207',
  name: 'world-writable-chmod',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Files are made writable by everyone (`chmod 777`, `o+w`, `COPY --chmod=777`).',
    why: 'World-writable code or venv directories let any process in the container (whatever its user) rewrite the application or its dependencies, so a small foothold becomes persistent code execution. Give ownership to the app user instead (`COPY --chown=10001:10001`) and keep modes at 755/644. Sticky directories such as `chmod 1777 /tmp` are fine.',
    bad: { code: 'FROM python:3.12-slim\nCOPY . /app\nRUN chmod -R 777 /app\n' },
    good: { code: 'FROM python:3.12-slim\nCOPY --chown=10001:10001 . /app\nUSER 10001\n' },
  },
  messages: { mode: 'mode {{mode}} makes {{what}} writable by every user; use --chown for the app user and 755/644.' },
  create(ctx) {
    return {
      RUN(node) {
        for (const cmd of node.script.commands) {
          if (cmd.name !== 'chmod') continue;
          const mode = cmd.argv.slice(1).find((w) => !/^-[a-zA-Z]+$/.test(w.value) && !w.value.startsWith('--'));
          if (!mode || !worldWritable(mode.value)) continue;
          const targets = cmd.argv.slice(cmd.argv.indexOf(mode) + 1).map((w) => w.value);
          if (targets.length > 0 && targets.every((t) => /^\/(tmp|var\/tmp|dev\/shm)\/?$/.test(t))) continue;
          ctx.report({ messageId: 'mode', range: mode.range, data: { mode: mode.value, what: targets.join(' ') || 'the files' } });
        }
      },
      COPY(node) {
        const flag = node.flags.find((f) => f.name === 'chmod');
        if (flag && node.chmod && worldWritable(node.chmod)) ctx.report({ messageId: 'mode', range: flag.range, data: { mode: node.chmod, what: node.dest?.value ?? 'the files' } });
      },
    };
  },
});
