import { PRELUDE_SCRIPT } from '../../lang/python/scripts/prelude-script.js';

/**
 * What a project's configuration files at the workspace root say, for make_async. Input
 * `{root}`. Output `{entryPoints: [{script, module, attribute, source}], asyncioMode,
 * declares: {pytestAsyncio, anyio}}`: console and GUI scripts from `pyproject.toml`
 * (`[project.scripts]`, `[project.gui-scripts]`, `[tool.poetry.scripts]`), `setup.cfg`
 * (`[options.entry_points]`) and `setup.py` (`entry_points=` string literals); pytest's
 * `asyncio_mode` from `pytest.ini`, `pyproject.toml`, `setup.cfg` or `tox.ini`; and whether
 * any of them declares pytest-asyncio or anyio.
 */
export const PROJECT_CONFIG_SCRIPT = `${PRELUDE_SCRIPT}
${String.raw`
import configparser

ENTRY = re.compile(r'^\s*([\w.\-\[\]]+)\s*=\s*([\w.]+)\s*:\s*([\w.]+)')
MODE = re.compile(r'^\s*asyncio_mode\s*=\s*["\']?(\w+)', re.M)


def read(root, name):
    try:
        with open(os.path.join(root, name), 'rb') as handle:
            return handle.read().decode('utf-8', errors='replace')
    except OSError:
        return None


def from_pyproject(text, found):
    try:
        import tomllib
        data = tomllib.loads(text)
    except Exception:
        return None
    tables = [
        data.get('project', {}).get('scripts', {}),
        data.get('project', {}).get('gui-scripts', {}),
        data.get('tool', {}).get('poetry', {}).get('scripts', {}),
    ]
    for table in tables:
        if not isinstance(table, dict):
            continue
        for script, value in sorted(table.items()):
            if isinstance(value, str):
                add(found, script + ' = ' + value, 'pyproject.toml')
    options = data.get('tool', {}).get('pytest', {}).get('ini_options', {})
    mode = options.get('asyncio_mode') if isinstance(options, dict) else None
    return mode if isinstance(mode, str) else None


def add(found, text, source):
    match = ENTRY.match(text)
    if match:
        found.append({'script': match.group(1), 'module': match.group(2), 'attribute': match.group(3), 'source': source})


def from_setup_cfg(text, found):
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        return
    if parser.has_section('options.entry_points'):
        for key in ('console_scripts', 'gui_scripts'):
            for line in parser.get('options.entry_points', key, fallback='').splitlines():
                add(found, line, 'setup.cfg')


def from_setup_py(text, found):
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value in ('console_scripts', 'gui_scripts'):
                    for item in ast.walk(value):
                        if isinstance(item, ast.Constant) and isinstance(item.value, str):
                            add(found, item.value, 'setup.py')


def main():
    request = read_input()
    root = request['root']
    found = []
    mode = None
    declares = {'pytestAsyncio': False, 'anyio': False}
    pyproject = read(root, 'pyproject.toml')
    if pyproject is not None:
        mode = from_pyproject(pyproject, found)
    setup_cfg = read(root, 'setup.cfg')
    if setup_cfg is not None:
        from_setup_cfg(setup_cfg, found)
    setup_py = read(root, 'setup.py')
    if setup_py is not None:
        from_setup_py(setup_py, found)
    for name in ('pytest.ini', 'pyproject.toml', 'setup.cfg', 'tox.ini'):
        text = read(root, name)
        if text is None:
            continue
        if mode is None:
            match = MODE.search(text)
            if match:
                mode = match.group(1)
        lowered = text.lower()
        declares['pytestAsyncio'] = declares['pytestAsyncio'] or 'pytest-asyncio' in lowered or 'pytest_asyncio' in lowered
        declares['anyio'] = declares['anyio'] or re.search(r'\banyio\b', lowered) is not None
    for name in ('setup.py', 'requirements-dev.txt', 'requirements.txt', 'requirements-test.txt'):
        text = (read(root, name) or '').lower()
        declares['pytestAsyncio'] = declares['pytestAsyncio'] or 'pytest-asyncio' in text
    unique = {(e['script'], e['module'], e['attribute']): e for e in found}
    write_output({'entryPoints': [unique[k] for k in sorted(unique)], 'asyncioMode': mode, 'declares': declares})


main()
`}`;
