export { type DecodedSource, decodeSource } from './decode-source.js';
export { type DetectedEncoding, detectEncoding, type EncodingOrigin } from './detect-encoding.js';
export { type EncodingSpec, toEncodingSpec } from './encoding-table.js';
export {
  type AppliedFile,
  type AppliedFileChanges,
  createWorkspaceFiles,
  type LocalWorkspaceFiles,
} from './workspace-files.js';
