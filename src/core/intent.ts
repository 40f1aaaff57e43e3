import type { LanguageId } from './source-types.js';

/** What kind of symbol a rename targets; `any` when the command does not say. */
export type SymbolKindFilter = 'any' | 'function' | 'class' | 'method' | 'variable';

/** A parsed rename command. */
export interface RenameIntent {
  kind: 'rename';
  from: string;
  to: string;
  symbolKind: SymbolKindFilter;
  /** Class (or object) that declares the symbol, from `rename method Cls.name to …`. */
  container?: string;
  /** Workspace-relative path prefix that narrows where the symbol is declared (`in <path>`). */
  scope?: string;
  /** Filled in by LOGIC once the declaration is found. */
  language?: LanguageId;
  /** 0..1: how sure the parser is that this is what the command means. */
  confidence: number;
}

/** Every intent the orchestrator can carry out. */
export type Intent = RenameIntent;
