import { defineRule } from '../rule.js';

export const imageNoDigest = defineRule({
  id: 'PC602',
  name: 'image-no-digest',
  kind: 'dockerfile',
  category: 'stability',
  defaultSeverity: 'info',
  docs: {
    summary: 'A base image is pinned by tag only, not by digest.',
    why: 'Tags such as `python:3.12-slim` are re-pushed for every patch release and Debian update, so two builds of the same commit can differ. A digest (`python:3.12-slim@sha256:...`, updated by Renovate or Dependabot) makes the base reproducible. This is informational: many teams accept tag pinning.',
    bad: { code: 'FROM python:3.12-slim\n' },
    good: { code: `FROM python:3.12-slim@sha256:${'a'.repeat(64)}\n` },
  },
  messages: { noDigest: 'base image "{{image}}" is not pinned by digest.' },
  create(ctx) {
    return {
      FROM(node, stage) {
        if (stage.baseStage !== undefined || !node.image || !node.imageRange) return;
        if (node.imageName === 'scratch' || node.digest || !node.imageComplete) return;
        ctx.report({ messageId: 'noDigest', range: node.imageRange, data: { image: node.image } });
      },
    };
  },
});
