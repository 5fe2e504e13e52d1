import type { DockerfileModel, FromNode } from '../dockerfile/model.js';
import type { BaseImageConfig } from './types.js';

/**
 * What common base images are configured to run as (the `User` of their image config), so PC201 can tell
 * whether a runtime stage without `USER` runs as root. An image config without `User` runs as root (uid 0):
 * that is the default of every image that never says USER, official ones included.
 *
 * Each entry says where the fact comes from (the image's own Dockerfile or its documentation). Entries are
 * matched on the image name without `docker.io/` and `library/`; a `tag` pattern narrows an entry to some tags.
 * The first entry that matches wins, so narrower entries (a tag, a sub-path) come before broader ones.
 */

export type BaseUser =
  /** No USER (or USER root) in the image config: the container runs as uid 0. */
  | 'root'
  /** The image config sets an unprivileged user. */
  | 'nonroot'
  /** Root in the config, but the image's own entrypoint drops to a service user (gosu, su-exec). */
  | 'root-entrypoint-drops'
  /** Root in the config, but the platform that runs the image ignores it and runs a fixed unprivileged user. */
  | 'platform-user';

export interface BaseImageFact {
  readonly user: BaseUser;
  /** The user the config names, for messages (`jovyan (1000)`, `nonroot (65532)`). */
  readonly configured?: string;
  /** Where the fact comes from. */
  readonly source: string;
  /** The server the image's own CMD starts, when a stage without CMD/ENTRYPOINT keeps it (`gunicorn`). */
  readonly starts?: string;
}

interface Entry extends BaseImageFact {
  readonly name: RegExp;
  readonly tag?: RegExp;
}

const OFFICIAL = 'docker-library official image: its Dockerfile has no USER';

const TABLE: readonly Entry[] = [
  // Distroless: root unless the `nonroot` tags (GoogleContainerTools/distroless README, "nonroot" images run as 65532).
  { name: /^gcr\.io\/distroless\//, tag: /(^|-)nonroot(-|$)/, user: 'nonroot', configured: 'nonroot (65532)', source: 'GoogleContainerTools/distroless: the :nonroot tags set user 65532' },
  { name: /^gcr\.io\/distroless\//, user: 'root', source: 'GoogleContainerTools/distroless: images other than :nonroot run as uid 0' },
  // Chainguard: "Chainguard Containers typically don't run as root, so a USER root statement may be required before
  // installing software" (edu.chainguard.dev, porting apps to Chainguard), -dev variants included.
  { name: /^cgr\.dev\//, user: 'nonroot', configured: 'nonroot (65532)', source: 'Chainguard docs: images run as nonroot (65532), -dev variants too' },
  // Docker Hardened Images: runtime variants "run as a nonroot user", build-time (dev, sdk) variants "run as the root user"
  // (hub.docker.com/hardened-images, image variants; docs.docker.com/dhi/migration/checklist: nonroot is UID 65532).
  { name: /^dhi\.io\//, tag: /(^|-)(dev|sdk)(-|$)/, user: 'root', source: 'Docker Hardened Images: dev and sdk variants run as root' },
  { name: /^dhi\.io\//, user: 'nonroot', configured: 'nonroot (65532)', source: 'Docker Hardened Images: runtime variants run as nonroot (65532)' },
  // jupyter/docker-stacks images/docker-stacks-foundation/Dockerfile ends with `USER ${NB_UID}` (jovyan, 1000).
  { name: /^(quay\.io\/)?jupyter\//, user: 'nonroot', configured: 'jovyan (1000)', source: 'jupyter/docker-stacks: docker-stacks-foundation ends with USER ${NB_UID}' },
  // mamba-org/micromamba-docker debian.Dockerfile: `USER $MAMBA_USER` (mambauser, 57439).
  { name: /^mambaorg\/micromamba$/, user: 'nonroot', configured: 'mambauser (57439)', source: 'mamba-org/micromamba-docker: USER $MAMBA_USER' },
  // apache/airflow Dockerfile: `USER ${AIRFLOW_UID}` (50000) in the main image.
  { name: /^apache\/airflow$/, user: 'nonroot', configured: 'airflow (50000)', source: 'apache/airflow Dockerfile: USER ${AIRFLOW_UID}' },
  // SeleniumHQ/docker-selenium: the node and standalone images end with `USER ${SEL_UID}` (seluser).
  { name: /^selenium\//, user: 'nonroot', configured: 'seluser (1200)', source: 'SeleniumHQ/docker-selenium: USER ${SEL_UID}' },
  // nginxinc/docker-nginx-unprivileged: `USER $UID` (101).
  { name: /^nginxinc\/nginx-unprivileged$/, user: 'nonroot', configured: 'nginx (101)', source: 'nginxinc/docker-nginx-unprivileged: USER 101' },
  // CircleCI convenience images (cimg/base ends with `USER circleci`; the legacy circleci/* images did the same).
  { name: /^(cimg|circleci)\//, user: 'nonroot', configured: 'circleci (3434)', source: 'CircleCI-Public/cimg-base: USER circleci' },
  // Red Hat / sclorg S2I language images (ubi8/python-39, ubi9/python-311, ...): `USER 1001`.
  { name: /^(registry\.access\.redhat\.com|registry\.redhat\.io|quay\.io\/sclorg)\/.*\/?(python|s2i-core|s2i-base)-[\w.-]*$/, user: 'nonroot', configured: '1001', source: 'sclorg/s2i-python-container: USER 1001' },
  { name: /^(registry\.access\.redhat\.com|registry\.redhat\.io)\/ubi\d+(\/ubi(-minimal|-micro|-init)?)?$/, user: 'root', source: 'Red Hat UBI base images set no USER' },
  // AWS Lambda base images: Lambda runs every function image as its own unprivileged user, whatever the config says.
  { name: /^(public\.ecr\.aws\/lambda|amazon\/aws-lambda-[\w-]+$)/, user: 'platform-user', source: 'AWS Lambda runs container images as a least-privileged Linux user' },
  // Official images whose entrypoint script drops to the service user (docker-library entrypoints use gosu/su-exec).
  { name: /^(postgres|redis|mysql|mariadb|mongo|rabbitmq|memcached|cassandra|couchdb|elasticsearch)$/, user: 'root-entrypoint-drops', source: 'docker-library official image: root in the config, its docker-entrypoint.sh drops privileges with gosu' },
  // Images that run as root: no USER in their Dockerfiles.
  { name: /^(python|pypy|debian|ubuntu|alpine|busybox|buildpack-deps|centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|archlinux|opensuse\/[\w.-]+|node|golang|rust|ruby|php|perl|r-base|julia|openjdk|eclipse-temurin|amazoncorretto|gcc|nginx|httpd|docker|haproxy|traefik)$/, user: 'root', source: OFFICIAL },
  // nvidia/cuda (gitlab.com/nvidia/container-images/cuda) and the NGC framework images set no USER.
  { name: /^(nvidia\/cuda|nvcr\.io\/nvidia\/[\w./-]+)$/, user: 'root', source: 'NVIDIA CUDA and NGC images set no USER' },
  // ContinuumIO/docker-images miniconda3/debian/Dockerfile and anaconda3: no USER; conda-forge/miniforge-images likewise.
  { name: /^(continuumio\/(miniconda3?|anaconda3?)|condaforge\/(miniforge3|mambaforge|miniforge-pypy3|mambaforge-pypy3))$/, user: 'root', source: 'ContinuumIO/docker-images and conda-forge/miniforge-images: no USER' },
  // pytorch/pytorch and tensorflow/tensorflow: no USER.
  { name: /^(pytorch\/pytorch|tensorflow\/tensorflow)$/, user: 'root', source: 'pytorch/pytorch and tensorflow/tensorflow images set no USER' },
  // tiangolo/uvicorn-gunicorn-docker docker-images/python3.12.dockerfile (and the sibling images): FROM python, no USER.
  // Their CMD is /start.sh, which starts Gunicorn (with Uvicorn workers) on port 80.
  { name: /^tiangolo\/(uvicorn-gunicorn(-fastapi|-starlette)?|meinheld-gunicorn(-flask)?)$/, user: 'root', source: 'tiangolo/*-docker: FROM python, no USER; CMD /start.sh starts gunicorn', starts: 'gunicorn' },
  { name: /^tiangolo\/(uwsgi-nginx(-flask)?|python-machine-learning|nginx-rtmp)$/, user: 'root', source: 'tiangolo/*-docker: FROM python, no USER' },
  // nikolaik/docker-python-nodejs templates/debian.Dockerfile: creates user pn (1000) but sets no USER.
  { name: /^nikolaik\/python-nodejs$/, user: 'root', source: 'nikolaik/docker-python-nodejs: creates pn but sets no USER' },
  // devcontainers/images src/base-ubuntu/.devcontainer/Dockerfile: FROM buildpack-deps, no USER (remoteUser is
  // devcontainer metadata, used by dev container tools only; `docker run` runs as root).
  { name: /^mcr\.microsoft\.com\/(devcontainers|vscode\/devcontainers)\//, user: 'root', source: 'devcontainers/images: no USER (remoteUser is devcontainer metadata only)' },
  // uv's images: FROM python/debian/alpine with uv copied in, no USER (astral-sh/uv docker builds).
  { name: /^ghcr\.io\/astral-sh\/uv$/, user: 'root', source: "astral-sh/uv images: uv added to python/debian/alpine, no USER" },
  // bitnami/containers bitnami/python/3.13/debian-12/Dockerfile: no USER (unlike Bitnami's server images).
  { name: /^bitnami\/(python|minideb)$/, user: 'root', source: 'bitnami/containers bitnami/python: no USER' },
  // Playwright's images create pwuser but run as root (Playwright docs: pass --user pwuser for untrusted sites).
  { name: /^mcr\.microsoft\.com\/playwright(\/python)?$/, user: 'root', source: 'microsoft/playwright Docker images: pwuser exists, no USER' },
  { name: /^(ghcr\.io\/)?osgeo\/gdal$/, user: 'root', source: 'OSGeo/gdal docker images: no USER' },
  { name: /^quay\.io\/pypa\/manylinux[\w.-]*$/, user: 'root', source: 'pypa/manylinux images: no USER' },
  { name: /^(google\/cloud-sdk|gcr\.io\/google\.com\/cloudsdktool\/(google-)?cloud-sdk)$/, user: 'root', source: 'google-cloud-sdk images: no USER' },
];

/** `docker.io/library/python` -> `python`, `index.docker.io/bitnami/python` -> `bitnami/python`. */
export function normalImageName(name: string): string {
  return name.toLowerCase().replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
}

/**
 * The tag of an image reference (`ghcr.io/astral-sh/uv:0.5.1@sha256:…` -> 0.5.1; `localhost:5000/uv` has
 * none). A match starts only at the start or after a `/` or `@`, so each part is read once, not again
 * from each of its colons.
 */
export function imageRefTag(ref: string): string | undefined {
  return /(?:^|[@/])[^@/:]*:([^@/]+)(?:@|$)/.exec(ref)?.[1];
}

/** Names that say the image is built to run unprivileged (`*-nonroot`, `*rootless*`, `*-unprivileged`). */
const NONROOT_NAME = /(nonroot|non-root|rootless|unprivileged)/;

/**
 * The image's name and tag: as substituted, or, for `FROM python:${TAG}` with TAG unset, the literal name
 * (tag unknown). Undefined when the name itself comes from a variable.
 */
function nameAndTag(from: FromNode): { name: string; tag: string | undefined } | undefined {
  if (from.image && from.imageComplete && from.imageName) return { name: from.imageName, tag: from.tag ?? 'latest' };
  // Everything from the first `@`: with `s` the match cannot fail at a line break (U+2028 is one) and retry at each later `@`.
  const raw = (from.imageRaw ?? '').replace(/@.*/s, '');
  const colon = raw.lastIndexOf(':');
  const name = colon > raw.lastIndexOf('/') ? raw.slice(0, colon) : raw;
  return name === '' || name.includes('$') ? undefined : { name, tag: colon > raw.lastIndexOf('/') ? undefined : 'latest' };
}

/**
 * What pycrane knows of the user an external base image runs as: the engine's answer when `check --engine`
 * read the image, else the table; undefined for an image neither knows, or whose entry depends on a tag
 * that a variable hides.
 */
export function baseImageUser(from: FromNode, engine?: Readonly<Record<string, BaseImageConfig>>): BaseImageFact | undefined {
  const fromTable = tableUser(from);
  const config = from.image && from.imageComplete ? engine?.[from.image] : undefined;
  if (!config) return fromTable;
  const user = config.user.trim();
  if (user === '' || /^(root|0)(:|$)/.test(user)) {
    // The engine confirms root; the table still knows whose entrypoint drops privileges or whose platform ignores USER.
    return fromTable && fromTable.user !== 'nonroot' ? fromTable : { user: 'root', source: 'docker image inspect: Config.User is empty' };
  }
  return { user: 'nonroot', configured: user, source: `docker image inspect: Config.User is ${user}` };
}

/** The server an external base image's own CMD starts (from the table), for a stage that keeps that CMD. */
export function baseImageServer(from: FromNode): string | undefined {
  return tableUser(from)?.starts;
}

function tableUser(from: FromNode): BaseImageFact | undefined {
  const ref = nameAndTag(from);
  if (!ref) return undefined;
  const name = normalImageName(ref.name);
  const tag = ref.tag?.toLowerCase();
  if (NONROOT_NAME.test(name) || (tag !== undefined && NONROOT_NAME.test(tag))) return { user: 'nonroot', source: 'the image name or tag says it runs unprivileged' };
  const entry = TABLE.find((e) => e.name.test(name) && (!e.tag || (tag !== undefined && e.tag.test(tag))));
  // An entry for some tags of this name, and the tag is not known: the next entry may not apply.
  if (tag === undefined && TABLE.some((e) => e.tag && e.name.test(name))) return undefined;
  return entry;
}

/** The external images the stages are built on (ARGs substituted, `scratch` and unresolved ones left out), once each. */
export function baseImageRefs(model: DockerfileModel): string[] {
  const refs = new Set<string>();
  for (const stage of model.stages) {
    const from = stage.rootFrom;
    if (from.image && from.imageComplete && from.imageName !== 'scratch') refs.add(from.image);
  }
  return [...refs];
}
