import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { runTool } from '../shared/tool-result.js';
import { comparePositions, type ToolContext, toSourcePosition } from './tool-context.js';
import {
  callSiteSchema,
  collisionSchema,
  definitionSchema,
  languageSchema,
  newNameSchema,
  positionInputShape,
  referenceSchema,
  textEditSchema,
} from './tool-schemas.js';

const FIND_DEFINITIONS_OUTPUT = { definitions: z.array(definitionSchema) };
const FIND_REFERENCES_OUTPUT = { references: z.array(referenceSchema) };
const RENAME_LOCATIONS_OUTPUT = { edits: z.array(textEditSchema) };
const CHECK_RENAME_OUTPUT = { valid: z.boolean(), collisions: z.array(collisionSchema) };
const FIND_CALLERS_OUTPUT = { callers: z.array(callSiteSchema) };

/**
 * Registers `find_definitions`, `find_references`, `rename_locations`, `check_rename` and
 * `find_callers`. Position tools go to the adapter of the file's language (`.py` → Python).
 */
export function registerSymbolTools(server: McpServer, context: ToolContext): void {
  const { root, registry } = context;

  server.registerTool(
    'find_definitions',
    {
      description:
        'Declarations named exactly `name` in workspace files (not dependencies), with kind, ' +
        'container and the 1-based position of the declared name, sorted by file, line, column.',
      inputSchema: {
        name: z.string().min(1).describe('The exact symbol name.'),
        language: languageSchema,
      },
      outputSchema: FIND_DEFINITIONS_OUTPUT,
    },
    ({ name, language }, { signal }) =>
      runTool(async () => {
        const languages = await registry.languagesFor(language, { signal });
        // Declarations usually come before questions about them: start the engines meanwhile.
        for (const l of languages)
          void registry
            .forLanguage(l)
            .prepare?.()
            .catch(() => {});
        const found = await Promise.all(
          languages.map((l) => registry.forLanguage(l).findDefinitions(name, { signal })),
        );
        return { definitions: found.flat().sort(comparePositions) };
      }, FIND_DEFINITIONS_OUTPUT),
  );

  server.registerTool(
    'find_references',
    {
      description:
        'Every use of the symbol at a position across the workspace, its declaration and ' +
        'uses through imports included, sorted by file, line, column.',
      inputSchema: positionInputShape,
      outputSchema: FIND_REFERENCES_OUTPUT,
    },
    (input, { signal }) =>
      runTool(async () => {
        const at = toSourcePosition(root, input);
        return { references: await registry.forFile(at.file).findReferences(at, { signal }) };
      }, FIND_REFERENCES_OUTPUT),
  );

  server.registerTool(
    'rename_locations',
    {
      description:
        'The exact edits that rename the symbol at a position to `newName` across the ' +
        'workspace (imports, re-exports, namespace imports, CommonJS and tests included; ' +
        'shadowing locals, other classes, strings and comments left alone). Each edit has ' +
        'the `oldText` its range must hold. Fails with INVALID_IDENTIFIER for a bad name.',
      inputSchema: { ...positionInputShape, newName: newNameSchema },
      outputSchema: RENAME_LOCATIONS_OUTPUT,
    },
    ({ newName, ...input }, { signal }) =>
      runTool(async () => {
        const at = toSourcePosition(root, input);
        return {
          edits: await registry.forFile(at.file).findRenameEdits(at, newName, { signal }),
        };
      }, RENAME_LOCATIONS_OUTPUT),
  );

  server.registerTool(
    'check_rename',
    {
      description:
        'Whether renaming the symbol at a position to `newName` is safe: `valid` is false when ' +
        'the new name would clash with a name already visible at a use, a member of the same ' +
        'class or object, or a global a file uses; `collisions` says where and why.',
      inputSchema: { ...positionInputShape, newName: newNameSchema },
      outputSchema: CHECK_RENAME_OUTPUT,
    },
    ({ newName, ...input }, { signal }) =>
      runTool(async () => {
        const at = toSourcePosition(root, input);
        const adapter = registry.forFile(at.file);
        const collisions = await adapter.findRenameCollisions(at, newName, { signal });
        return { valid: collisions.length === 0, collisions };
      }, CHECK_RENAME_OUTPUT),
  );

  server.registerTool(
    'find_callers',
    {
      description:
        'Call sites of the function or method at a position, each with the calling function ' +
        '(`<module>` for top-level calls), sorted by file, line, column.',
      inputSchema: positionInputShape,
      outputSchema: FIND_CALLERS_OUTPUT,
    },
    (input, { signal }) =>
      runTool(async () => {
        const at = toSourcePosition(root, input);
        return { callers: await registry.forFile(at.file).findCallers(at, { signal }) };
      }, FIND_CALLERS_OUTPUT),
  );
}
