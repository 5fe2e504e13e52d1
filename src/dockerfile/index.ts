export * from './text.js';
export * from './shell.js';
export * from './expand.js';
export type * from './model.js';
export { parseDockerfile, splitImage, normalizePath, resolvePath, isDevStageName } from './parse.js';
