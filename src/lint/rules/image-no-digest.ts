import type { FromNode } from '../../dockerfile/model.js';
import { defineRule } from '../rule.js';

/**
 * `FROM python:${V}-slim` with V unset: whatever V holds, the literal text after it ends the reference, and a
 * digest (`@sha256:<hex>`) can only end it. A literal tail with a character that is not hex (`-slim`), no `@`
 * anywhere, and a `:` or `/` among the literals (so it is an image, not `FROM base-${X}` naming a stage) has no digest.
 */
function literalTailRulesOutDigest(node: FromNode): boolean {
  const raw = node.imageRaw ?? '';
  if (!raw.includes('$') || raw.includes('@')) return false;
  // After the last `}`, a `${` can only fail, and would scan to the end from each one: split that part by `$name` only.
  const lastClose = raw.lastIndexOf('}') + 1;
  const literals = raw.slice(0, lastClose).split(/\$\{[^}]*\}|\$\w+/);
  const [first = '', ...rest] = raw.slice(lastClose).split(/\$\w+/);
  literals[literals.length - 1] += first;
  literals.push(...rest);
  const tail = literals[literals.length - 1] ?? '';
  return /[^0-9a-f]/i.test(tail) && literals.some((l) => /[:/]/.test(l));
}

export const imageNoDigest = defineRule({
  id: 'PC602',
  name: 'image-no-digest',
  kind: 'dockerfile',
  category: 'stability',
  defaultSeverity: 'info',
  docs: {
    summary: 'A base image is pinned by tag only, not by digest.',
    why: 'Tags such as `python:3.12-slim` are re-pushed for every patch release and Debian update, so two builds of the same commit can differ. A digest (`python:3.12-slim@sha256:...`, updated by Renovate or Dependabot) makes the base reproducible. This is informational: many teams accept tag pinning.\n\nWhat pycrane can see: the FROM line with global ARGs substituted. A FROM built from an ARG without a default is reported when its literal part already rules out a digest (`FROM python:${PYTHON_VERSION}-slim`: a digest can only end the reference, and `-slim` does); `FROM ${BASE_IMAGE}` or `FROM python:${TAG}` may get a digest from the build argument and is not reported. Stages built FROM another stage and `scratch` are not reported.',
    bad: { code: 'FROM python:3.12-slim\n' },
    good: { code: `FROM python:3.12-slim@sha256:${'a'.repeat(64)}\n` },
  },
  messages: { noDigest: 'base image "{{image}}" is not pinned by digest.' },
  create(ctx) {
    return {
      FROM(node, stage) {
        if (stage.baseStage !== undefined || !node.image || !node.imageRange) return;
        if (node.imageName === 'scratch' || node.digest) return;
        if (!node.imageComplete && !literalTailRulesOutDigest(node)) return;
        ctx.report({ messageId: 'noDigest', range: node.imageRange, data: { image: node.imageComplete ? node.image : node.imageRaw ?? node.image } });
      },
    };
  },
});
