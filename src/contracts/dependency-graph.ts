import { z } from 'zod';
import {
  callSiteSchema,
  definitionSchema,
  diagnosticSchema,
  fileChangeSchema,
  importEdgeSchema,
  languageIdSchema,
  overlayEntrySchema,
  positionClassSchema,
  referenceSchema,
} from './source-schemas.js';
import { defineContract } from './tool-contract.js';

const SERVER = 'dependency_graph';

const language = languageIdSchema
  .optional()
  .describe('Only this language. Default: every language with files in the workspace.');

const position = {
  file: z
    .string()
    .min(1)
    .describe('Workspace-relative (or absolute, inside the workspace) path of the file.'),
  line: z.number().int().min(1).describe('1-based line.'),
  column: z.number().int().min(1).describe('1-based column, in UTF-16 code units.'),
};

/** `find_definitions`: declarations of a name. */
export const findDefinitionsContract = defineContract({
  server: SERVER,
  tool: 'find_definitions',
  description:
    'Declarations named exactly `name` in workspace files (not dependencies), with kind, ' +
    'container and the 1-based position of the declared name, sorted by file, line, column; ' +
    '`skipped` names files too large, minified or generated to parse, and why.',
  input: { name: z.string().min(1).describe('The exact symbol name.'), language },
  output: {
    definitions: z.array(definitionSchema),
    /** Files left out of the search: too large, minified or generated to parse. */
    skipped: z.array(z.object({ file: z.string(), reason: z.string() })).optional(),
  },
});

/** `find_references`: every use of the symbol at a position. */
export const findReferencesContract = defineContract({
  server: SERVER,
  tool: 'find_references',
  description:
    'Every use of the symbol at a position across the workspace, its declaration and ' +
    'uses through imports included, sorted by file, line, column.',
  input: position,
  output: { references: z.array(referenceSchema) },
});

/** `find_callers`: call sites of a function. */
export const findCallersContract = defineContract({
  server: SERVER,
  tool: 'find_callers',
  description:
    'Call sites of the function or method at a position, each with the calling function ' +
    '(`<module>` for top-level calls), sorted by file, line, column.',
  input: position,
  output: { callers: z.array(callSiteSchema) },
});

/** `find_importers`: files that import a file. */
export const findImportersContract = defineContract({
  server: SERVER,
  tool: 'find_importers',
  description:
    'Workspace files that import `file` directly, or through any chain of imports when ' +
    '`transitive` is true; sorted.',
  input: {
    file: z.string().min(1).describe('Workspace-relative path of the imported file.'),
    transitive: z.boolean().optional().describe('Follow imports of importers. Default false.'),
  },
  output: { importers: z.array(z.string()) },
});

/** `import_graph`: the file import graph. */
export const importGraphContract = defineContract({
  server: SERVER,
  tool: 'import_graph',
  description:
    'The import graph between workspace files (imports, re-exports, require, import()), ' +
    'edges `from` → `to` with the imported names, sorted by from, to.',
  input: { language },
  output: { edges: z.array(importEdgeSchema) },
});

/** `classify_positions`: what each position holds. */
export const classifyPositionsContract = defineContract({
  server: SERVER,
  tool: 'classify_positions',
  description:
    'For each position: whether it lies in code, a comment or a string (docstrings included) ' +
    'and, in code, the declaration the name there resolves to (absent when the language ' +
    'server cannot resolve it). In the order given.',
  input: {
    positions: z
      .array(z.object(position))
      .max(20_000)
      .describe('Positions of names, 1-based, UTF-16 columns.'),
  },
  output: { positions: z.array(positionClassSchema) },
});

/** `compute_edits`: one transform's language half. */
export const computeEditsContract = defineContract({
  server: SERVER,
  tool: 'compute_edits',
  description:
    "Runs a transform's language half (rename, make_async, …) at a file or position and " +
    'returns the exact file changes (multi-line ranges, each with the text it expects and ' +
    'the reason it exists) and the facts the transform reports. `args` are checked by the ' +
    "transform's own schema.",
  input: {
    transform: z.string().min(1).describe('The transform kind, e.g. "rename".'),
    file: position.file,
    line: position.line.optional(),
    column: position.column.optional(),
    args: z.record(z.string(), z.unknown()).describe("The transform's arguments."),
    overlay: z
      .array(overlayEntrySchema)
      .optional()
      .describe('Files as the language half should see them (a changed tree), instead of on disk.'),
  },
  output: {
    changes: z.array(fileChangeSchema),
    facts: z.record(z.string(), z.unknown()),
  },
});

/** `diagnostics`: what the compilers say about some files, optionally as changed. */
export const diagnosticsContract = defineContract({
  server: SERVER,
  tool: 'diagnostics',
  description:
    'Errors and warnings of the type checker (TypeScript with the nearest tsconfig that ' +
    'includes each file; pyright for Python) for `files` and, with `importers`, every file ' +
    'that imports one of them, directly or not — as if the files in `overlay` held the given ' +
    'text (null: deleted). For Python edits, an importer that can see nothing changed (no name ' +
    'its modules export added, removed or retyped) is left out and listed in `importersLeftOut`. ' +
    'Sorted by file, line, column. `configs` says which configurations ran.',
  input: {
    files: z.array(z.string().min(1)).max(20_000).describe('Workspace-relative files.'),
    importers: z.boolean().optional().describe('Also check their importers. Default false.'),
    overlay: z.array(overlayEntrySchema).optional(),
  },
  output: {
    /** The files checked, sorted. */
    checked: z.array(z.string()),
    /** How each language checked them, e.g. `tsconfig.json`, `packages/a/tsconfig.json`, `pyright`. */
    configs: z.array(z.string()),
    diagnostics: z.array(diagnosticSchema),
    /**
     * With `importers`: importers of the files not checked, because nothing they can see of them
     * changed (Python, for a change that only edits files: the changed modules' names and
     * pyright's types of them compared with the base).
     */
    importersLeftOut: z.array(z.string()).optional(),
  },
});

/** `notify_files_changed`: a client tells the server which files changed on disk. */
export const notifyFilesChangedContract = defineContract({
  server: SERVER,
  tool: 'notify_files_changed',
  description:
    'Tells the server that these workspace files changed on disk (a commit, a checkout, an ' +
    'edit), so the language engines reread them and drop every answer kept from before — even ' +
    'when a file kept its size and modification time. Files of a language not started yet are ' +
    'read fresh anyway when it starts.',
  input: {
    files: z.array(z.string().min(1)).max(100_000).describe('Workspace-relative paths.'),
  },
  output: {
    /** The languages whose engines were running and were told. */
    languages: z.array(languageIdSchema),
  },
});
