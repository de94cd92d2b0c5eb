"""No import cycle between the project's modules, and no import up the layers.

Every `import` and `from … import` of the project's packages is read with
`ast` (at module level and inside functions alike: a function-level import is
a dependency too, only a later one), and the module graph must have no
strongly connected component larger than one module. The library's packages
are layers (LAYERS): a module imports from its own package and those below it."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("analyzers", "indexer", "engine", "search_app", "repertoires", "evaluation", "benchmarks")
# lowest first: the text analysis, the build, the search, the site (the command line, the evaluation and
# the benchmarks sit above them all). The indexer said a date with search_app.formatting (f7bdfda):
# what two layers say alike lives in the lower one.
LAYERS = ("analyzers", "indexer", "engine", "search_app")


def project_modules(root: Path = ROOT) -> dict[str, Path]:
    mods = {}
    for pkg in PACKAGES:
        for path in (root / pkg).rglob("*.py"):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            mods[".".join(parts)] = path
    return mods


def _targets(module: str, is_package: bool, node: ast.AST, mods: dict[str, Path]) -> list[str]:
    """The project modules an import statement names (the package itself for
    `from pkg import name` when `name` is not a submodule)."""
    def known(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    if isinstance(node, ast.Import):
        return [t for a in node.names if (t := known(a.name))]
    assert isinstance(node, ast.ImportFrom)
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    out = []
    for alias in node.names:
        sub = f"{source}.{alias.name}"
        target = sub if sub in mods else known(source)
        if target:
            out.append(target)
    return out


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    mods = project_modules(root)
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for module, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                graph[module] |= {t for t in _targets(module, path.name == "__init__.py", node, mods)
                                  if t != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    comp.append(m)
                    if m == node:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def upward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(module, imported module) of each import by a layer's module of a package above its layer."""
    rank = {p: i for i, p in enumerate(LAYERS)}
    return sorted((m, t) for m, targets in graph.items() if m.split(".")[0] in rank for t in targets
                  if rank.get(t.split(".")[0], len(LAYERS)) > rank[m.split(".")[0]])


def test_the_detector_finds_a_cycle(tmp_path):
    pkg = tmp_path / "engine"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import x\n")
    (pkg / "b.py").write_text("def f():\n    from engine import a\n")
    (pkg / "c.py").write_text("import engine.a\n")
    for other in PACKAGES:
        (tmp_path / other).mkdir(exist_ok=True)
    graph = import_graph(tmp_path)
    assert graph["engine.c"] == {"engine.a"}
    assert cycles(graph) == [["engine.a", "engine.b"]]


def test_no_import_cycle_between_project_modules():
    graph = import_graph()
    assert len(graph) > 50 and graph["search_app.api"]  # the walk found the project
    assert cycles(graph) == []


def test_the_detector_finds_an_import_up_the_layers(tmp_path):
    for pkg in PACKAGES:
        (tmp_path / pkg).mkdir()
        (tmp_path / pkg / "__init__.py").write_text("")
    (tmp_path / "search_app" / "formatting.py").write_text("from indexer import text\n")
    (tmp_path / "indexer" / "text.py").write_text("import analyzers\n")
    (tmp_path / "indexer" / "store.py").write_text("def since():\n    from search_app.formatting import x\n")
    (tmp_path / "engine" / "run.py").write_text("import repertoires\n")
    assert upward_imports(import_graph(tmp_path)) == [("engine.run", "repertoires"),
                                                      ("indexer.store", "search_app.formatting")]


def test_no_layer_imports_from_a_layer_above_it():
    graph = import_graph()
    assert graph["indexer.store"] and graph["search_app.formatting"]  # the walk found both layers
    assert upward_imports(graph) == []
