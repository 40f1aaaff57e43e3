/**
 * The variables a stdio MCP server inherits from this process, as the MCP SDK's
 * `getDefaultEnvironment` chooses them (the list sudo keeps; a value that is a shell function,
 * starting `()`, is dropped). Kept here so that starting a server early never loads the SDK
 * (and zod with it); a test holds the two equal.
 */
const INHERITED =
  process.platform === 'win32'
    ? [
        'APPDATA',
        'HOMEDRIVE',
        'HOMEPATH',
        'LOCALAPPDATA',
        'PATH',
        'PROCESSOR_ARCHITECTURE',
        'SYSTEMDRIVE',
        'SYSTEMROOT',
        'TEMP',
        'USERNAME',
        'USERPROFILE',
        'PROGRAMFILES',
      ]
    : ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'];

export function inheritedEnvironment(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const key of INHERITED) {
    const value = env[key];
    if (value !== undefined && !value.startsWith('()')) inherited[key] = value;
  }
  return inherited;
}
