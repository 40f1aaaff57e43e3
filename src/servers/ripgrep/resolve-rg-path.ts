import { accessSync, constants, statSync } from 'node:fs';
import { OrchestratorError } from '../../core/errors.js';

/** Options for {@link resolveRgPath}. */
export interface ResolveRgPathOptions {
  /** An explicit binary; wins over everything else. */
  rgPath?: string;
  /** Environment to read `RIPGREP_PATH` from. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds the rg binary: `options.rgPath`, else `RIPGREP_PATH`, else the one shipped in
 * `@vscode/ripgrep`. Throws `INVALID_SETTING` naming `RIPGREP_PATH` when it points nowhere
 * useful, and `MCP_SERVER_UNAVAILABLE` when there is no binary at all.
 */
export async function resolveRgPath(options: ResolveRgPathOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  if (options.rgPath !== undefined) {
    if (isExecutableFile(options.rgPath)) return options.rgPath;
    throw new OrchestratorError(
      'INVALID_SETTING',
      `The ripgrep binary ${JSON.stringify(options.rgPath)} is not an executable file. Pass the path of an rg executable, or set RIPGREP_PATH.`,
      { data: { rgPath: options.rgPath } },
    );
  }
  const fromEnv = env.RIPGREP_PATH;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new OrchestratorError(
      'INVALID_SETTING',
      `RIPGREP_PATH=${JSON.stringify(fromEnv)} is not an executable file. Point RIPGREP_PATH at an rg binary, or unset it to use the one in @vscode/ripgrep.`,
      { data: { variable: 'RIPGREP_PATH', value: fromEnv } },
    );
  }
  let bundled: string;
  try {
    ({ rgPath: bundled } = await import('@vscode/ripgrep'));
  } catch (error) {
    throw new OrchestratorError(
      'MCP_SERVER_UNAVAILABLE',
      'No ripgrep binary: @vscode/ripgrep (or its platform package) is not installed. Install it, or set RIPGREP_PATH to an rg executable.',
      { cause: error },
    );
  }
  if (isExecutableFile(bundled)) return bundled;
  throw new OrchestratorError(
    'MCP_SERVER_UNAVAILABLE',
    `The rg binary from @vscode/ripgrep (${bundled}) is missing or not executable. Reinstall @vscode/ripgrep, or set RIPGREP_PATH to an rg executable.`,
    { data: { rgPath: bundled } },
  );
}
