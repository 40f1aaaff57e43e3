export { type DecodedSource, decodeSource } from './decode-source.js';
export { type DetectedEncoding, detectEncoding, type EncodingOrigin } from './detect-encoding.js';
export { type EncodingSpec, toEncodingSpec } from './encoding-table.js';
export type { FileServer } from './file-server.js';
export {
  type AppliedFile,
  type AppliedFileChanges,
  createWorkspaceFiles,
  type LocalWorkspaceFiles,
  type WorkspaceFilesOptions,
} from './workspace-files.js';
