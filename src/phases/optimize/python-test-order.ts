/**
 * Python run with `python -c <script> <first files…> -- <runner args…>`: the runner as the test
 * node had it, with the files before `--` run first (in that order, the rest in the runner's own
 * order) and nothing else changed — collection, configuration and exit codes stay the runner's.
 */

const SPLIT = `import os, sys
_cut = sys.argv.index("--")
_first = {os.path.abspath(f): n for n, f in enumerate(sys.argv[1:_cut])}
_args = sys.argv[_cut + 1:]
`;

/** pytest: a plugin object that sorts collected items last (after any other reordering plugin). */
export const PYTEST_TESTS_FIRST = `${SPLIT}import pytest
class _TestsFirst:
    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, session, config, items):
        def rank(item):
            path = getattr(item, "path", None) or getattr(item, "fspath", "")
            return _first.get(os.path.abspath(str(path)), len(_first))
        items.sort(key=rank)
sys.exit(pytest.main(_args, plugins=[_TestsFirst()]))
`;

/** unittest: a loader whose discovered suite runs the modules of the first files first. */
export const UNITTEST_TESTS_FIRST = `${SPLIT}import unittest
def _first_case(test):
    while isinstance(test, unittest.TestSuite):
        tests = list(test)
        if not tests:
            return None
        test = tests[0]
    return test
def _rank(test):
    case = _first_case(test)
    module = sys.modules.get(type(case).__module__) if case is not None else None
    path = getattr(module, "__file__", None)
    return _first.get(os.path.abspath(path), len(_first)) if path else len(_first)
class _Loader(unittest.TestLoader):
    def discover(self, *args, **kwargs):
        suite = super().discover(*args, **kwargs)
        return self.suiteClass(sorted(suite, key=_rank))
unittest.main(module=None, argv=["python -m unittest", *_args], testLoader=_Loader())
`;
