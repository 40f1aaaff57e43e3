import type { ConfigurationParams } from 'vscode-languageserver-protocol';

/** Settings the adapter hands pyright; see {@link readWorkspaceConfiguration}. */
export interface PyrightSettings {
  pythonPath: string;
  diagnosticMode?: 'workspace' | 'openFilesOnly';
}

/**
 * Answers pyright's `workspace/configuration` request: one value per requested section
 * (`python`, `python.analysis`, `pyright`), null for sections we do not set.
 */
export function readWorkspaceConfiguration(
  params: ConfigurationParams,
  settings: PyrightSettings,
): unknown[] {
  const analysis = {
    diagnosticMode: settings.diagnosticMode ?? 'openFilesOnly',
    autoSearchPaths: true,
    useLibraryCodeForTypes: true,
  };
  return params.items.map((item) => {
    switch (item.section) {
      case 'python':
        return { pythonPath: settings.pythonPath, analysis };
      case 'python.analysis':
        return analysis;
      case 'python.pythonPath':
        return settings.pythonPath;
      case 'pyright':
        return {};
      default:
        return null;
    }
  });
}
