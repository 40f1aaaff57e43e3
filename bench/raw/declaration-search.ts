/**
 * The declaration search alone, cold, as the dependency_graph server runs it (ripgrep's
 * candidate files, then a parse of only those): `node declaration-search.js <root> <name>
 * <typescript|python>`; prints one JSON line.
 */
const [root = '.', name = '', language = 'typescript'] = process.argv.slice(2);
const adapter =
  language === 'python'
    ? (await import('../../src/lang/python/index.js')).createPythonAdapter({ root })
    : (await import('../../src/lang/typescript/index.js')).createTypeScriptAdapter({ root });
const definitions = await adapter.findDefinitions(name);
const ms = performance.now();
await adapter.close();
process.stdout.write(`${JSON.stringify({ ms, definitions: definitions.length })}\n`);
