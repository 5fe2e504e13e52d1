import type { FromNode } from '../../dockerfile/model.js';
import { isAlpine, pythonMinorOf, venvCopies } from '../analysis.js';
import { defineRule } from '../rule.js';

export const venvBaseMismatch = defineRule({
  id: 'PC104',
  name: 'venv-base-mismatch',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: 'A virtualenv is copied from a stage built on a different base image or Python version.',
    why: 'A virtualenv is not relocatable between Pythons: `bin/python` is a symlink to the interpreter it was created with, `lib/pythonX.Y/site-packages` is named after its minor version, and compiled extensions are built for its ABI and libc. Copied onto another base (3.11 -> 3.12, Debian -> Alpine, python:* -> distroless with its interpreter elsewhere) it fails with "No module named encodings", missing modules or crashing extensions. Build and run on the same base image.',
    bad: { code: 'FROM python:3.11-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim AS app\nCOPY --from=build /opt/venv /opt/venv\n' },
    good: { code: 'FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim AS app\nCOPY --from=build /opt/venv /opt/venv\n' },
  },
  messages: {
    python: 'copies a virtualenv built on Python {{theirs}} ({{theirImage}}) into a stage on Python {{ours}} ({{ourImage}}); its interpreter links and site-packages belong to the other Python.',
    libc: 'copies a virtualenv built on {{theirImage}} into {{ourImage}}: compiled extensions built for one libc (glibc vs musl) do not load on the other.',
    image: 'copies a virtualenv built on {{theirImage}} into a stage on {{ourImage}}; unless both have the same Python at the same path, the venv\'s interpreter link is broken.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    const label = (f: FromNode) => f.image ?? '?';
    return {
      stage(stage) {
        for (const { node, from } of venvCopies(model, stage)) {
          const ours = stage.rootFrom;
          const theirs = from.rootFrom;
          if (!ours.imageComplete || !theirs.imageComplete || !ours.image || !theirs.image) continue;
          const range = node.fromRange ?? node.range;
          const data = { ourImage: label(ours), theirImage: label(theirs), ours: pythonMinorOf(ours) ?? '?', theirs: pythonMinorOf(theirs) ?? '?' };
          const a = pythonMinorOf(ours);
          const b = pythonMinorOf(theirs);
          if (a && b) {
            if (a !== b) ctx.report({ messageId: 'python', range, data });
            else if (isAlpine(ours) !== isAlpine(theirs)) ctx.report({ messageId: 'libc', range, data });
            continue;
          }
          if (ours.image !== theirs.image) ctx.report({ messageId: 'image', range, data });
        }
      },
    };
  },
});
