import { defineRule } from '../rule.js';

export const imageTagUnpinned = defineRule({
  id: 'PC601',
  name: 'image-tag-unpinned',
  kind: 'dockerfile',
  category: 'stability',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A base image has no tag or uses `latest`.',
    why: '`python` and `python:latest` move to a new Python (and a new Debian) without warning: yesterday\'s build passes, today\'s fails, and nothing in the repository changed. Pin at least the Python minor and the variant (`python:3.12-slim-bookworm`); add a digest for bit-for-bit rebuilds.',
    bad: { code: 'FROM python:latest\nCMD ["python", "-m", "app"]\n' },
    good: { code: 'FROM python:3.12-slim-bookworm\nCMD ["python", "-m", "app"]\n' },
  },
  messages: {
    latest: 'base image "{{image}}" uses the latest tag; pin a version (e.g. python:3.12-slim).',
    untagged: 'base image "{{image}}" has no tag, which means latest; pin a version.',
  },
  create(ctx) {
    return {
      FROM(node, stage) {
        if (stage.baseStage !== undefined || !node.image || !node.imageRange) return;
        if (node.imageName === 'scratch' || node.digest) return;
        if (node.tag === undefined) {
          if (!node.imageComplete && node.imageRaw?.includes('$')) return; // a build arg may carry the tag
          ctx.report({ messageId: 'untagged', range: node.imageRange, data: { image: node.image } });
        } else if (node.tag === 'latest') {
          ctx.report({ messageId: 'latest', range: node.tagRange ?? node.imageRange, data: { image: node.image } });
        }
      },
    };
  },
});
