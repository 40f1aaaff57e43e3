import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { diagnosticsContract } from '../../contracts/dependency-graph.js';
import type { Diagnostic, DiagnosticsReport } from '../../core/diagnostics.js';
import { sourceLanguageOf } from '../../core/source-language.js';
import type { LanguageId } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import { runTool } from '../shared/tool-result.js';
import { resolveWorkspacePath } from '../shared/workspace-path.js';
import { findImporters } from './find-importers.js';
import { toOverlay } from './to-overlay.js';
import type { ToolContext } from './tool-context.js';

/** Registers `diagnostics`: the type checkers' findings, on the files as they are or as changed. */
export function registerDiagnostics(server: McpServer, context: ToolContext): void {
  server.registerTool(
    diagnosticsContract.tool,
    {
      description: diagnosticsContract.description,
      inputSchema: diagnosticsContract.input,
      outputSchema: diagnosticsContract.output,
    },
    (input, { signal }) =>
      runTool(
        async () => ({ ...(await diagnose(context, input, signal)) }),
        diagnosticsContract.output,
        context.replyLimits,
      ),
  );
}

async function diagnose(
  context: ToolContext,
  input: {
    files: string[];
    importers?: boolean;
    overlay?: Array<{ file: string; text: string | null }>;
  },
  signal: AbortSignal,
): Promise<DiagnosticsReport> {
  const overlay = toOverlay(context.root, input.overlay);
  const byLanguage = new Map<LanguageId, Set<string>>();
  for (const file of input.files) {
    const { relative } = resolveWorkspacePath(context.root, file);
    const language = sourceLanguageOf(relative);
    if (language === undefined) continue;
    const set = byLanguage.get(language) ?? new Set<string>();
    set.add(relative);
    byLanguage.set(language, set);
  }
  const checked: string[] = [];
  const configs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const leftOut: string[] = [];
  for (const [language, files] of byLanguage) {
    const adapter = context.registry.forLanguage(language);
    if (input.importers === true) {
      const edges = await adapter.findImportGraph({ signal });
      const ofLanguage = new Map(
        [...overlay].filter(([file]) => sourceLanguageOf(file) === language),
      );
      // Every file asked about changed (in the overlay): the importers that can see what
      // changed, where the language can tell (it says undefined when it cannot).
      const change = [...files].every((file) => ofLanguage.has(file))
        ? await adapter.findChangeDiagnostics?.({ signal, overlay: ofLanguage, edges })
        : undefined;
      if (change !== undefined) {
        checked.push(...change.checked);
        configs.push(...change.configs);
        diagnostics.push(...change.diagnostics);
        leftOut.push(...change.importersLeftOut);
        continue;
      }
      for (const importer of findImporters(edges, files, true)) files.add(importer);
    }
    const present = [...files].filter((file) => overlay.get(file) !== null);
    const report = await adapter.findDiagnostics(present, { signal, overlay });
    checked.push(...report.checked);
    configs.push(...report.configs);
    diagnostics.push(...report.diagnostics);
  }
  return {
    checked: checked.sort(compareText),
    ...(leftOut.length > 0 ? { importersLeftOut: leftOut.sort(compareText) } : {}),
    configs: [...new Set(configs)].sort(compareText),
    diagnostics: diagnostics.sort(
      (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
    ),
  };
}
