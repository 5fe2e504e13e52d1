import type { BaseImageConfig } from '../lint/types.js';
import type { ContainerEngine } from './engine.js';

/**
 * `check --engine`: the configured User, Entrypoint and Cmd of each base image, as the engine has it
 * (`docker image inspect`). Images the engine does not have are listed in `missing` (nothing is pulled);
 * no engine at all is EngineUnavailableError (exit 3).
 */
export async function readBaseImages(
  engine: Pick<ContainerEngine, 'inspectImage'>,
  refs: readonly string[],
): Promise<{ readonly configs: Readonly<Record<string, BaseImageConfig>>; readonly missing: readonly string[] }> {
  const configs: Record<string, BaseImageConfig> = {};
  const missing: string[] = [];
  for (const ref of refs) {
    const image = await engine.inspectImage(ref);
    if (!image) {
      missing.push(ref);
      continue;
    }
    configs[ref] = { user: image.user, entrypoint: image.entrypoint, cmd: image.cmd };
  }
  return { configs, missing };
}
