import type {
  CallSite,
  ImportEdge,
  NameCollision,
  SymbolDefinition,
  SymbolReference,
  TextEdit,
} from '../../core/source-types.js';

/** One match from the ripgrep server's `search` tool. */
export interface RipgrepMatch {
  file: string;
  line: number;
  column: number;
  length: number;
  text: string;
  lineText: string;
}

export interface RipgrepSearchResult {
  matches: RipgrepMatch[];
  truncated: boolean;
}

export interface DefinitionsResult {
  definitions: SymbolDefinition[];
}

export interface ReferencesResult {
  references: SymbolReference[];
}

export interface RenameLocationsResult {
  edits: TextEdit[];
}

export interface CheckRenameResult {
  valid: boolean;
  collisions: NameCollision[];
}

export interface CallersResult {
  callers: CallSite[];
}

export interface ImportGraphResult {
  edges: ImportEdge[];
}
