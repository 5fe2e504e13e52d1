import { defineRule } from '../rule.js';

/** Release code names of Debian and Ubuntu: a tag that names one (`python:slim-bookworm`) pins the distribution. */
const RELEASE_NAME = /^(jessie|stretch|buster|bullseye|bookworm|trixie|forky|duke|trusty|xenial|bionic|focal|jammy|kinetic|lunar|mantic|noble|oracular|plucky|questing)$/i;

/**
 * A tag that names no version at all (`slim`, `alpine`, `stable`, `lts-alpine`): it moves like latest.
 * A digit anywhere (`3.12-slim`, `alpine3.19`, `py3`) or a release name counts as a version.
 */
function movingTag(tag: string): boolean {
  return !/\d/.test(tag) && !tag.split(/[-_.]/).some((part) => RELEASE_NAME.test(part));
}

export const imageTagUnpinned = defineRule({
  id: 'PC601',
  name: 'image-tag-unpinned',
  kind: 'dockerfile',
  category: 'stability',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A base image has no tag, uses `latest`, or a tag that names no version (`python:slim`).',
    why: '`python` and `python:latest` move to a new Python (and a new Debian) without warning: yesterday\'s build passes, today\'s fails, and nothing in the repository changed. A tag without a version number moves the same way: `python:slim`, `python:alpine`, `node:lts-alpine`, `debian:stable`. A tag with a number anywhere (`3.12-slim`, `alpine3.19`) or a Debian/Ubuntu release name (`python:bookworm`, `ubuntu:jammy`) pins at least the distribution and is not reported; `debian:sid` (unstable) is. Pin at least the Python minor and the variant (`python:3.12-slim-bookworm`); add a digest for bit-for-bit rebuilds.',
    bad: { code: 'FROM python:latest\nCMD ["python", "-m", "app"]\n' },
    good: { code: 'FROM python:3.12-slim-bookworm\nCMD ["python", "-m", "app"]\n' },
  },
  messages: {
    latest: 'base image "{{image}}" uses the latest tag; pin a version (e.g. python:3.12-slim).',
    untagged: 'base image "{{image}}" has no tag, which means latest; pin a version.',
    moving: 'base image "{{image}}": the tag {{tag}} names no version, so it moves like latest; pin one (e.g. python:3.12-{{tag}}).',
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
        } else if (node.imageComplete && movingTag(node.tag)) {
          ctx.report({ messageId: 'moving', range: node.tagRange ?? node.imageRange, data: { image: node.image, tag: node.tag } });
        }
      },
    };
  },
});
