"""Mutated catalogues never crash the loader: they load, or raise CatalogueError."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samu_desktop.procedure import Catalogue, CatalogueError, parse_catalogue
from samu_desktop.procedure.loader import default_catalogue_path

SOURCE = "/tmp/catalogue-fuzz.json"
ORIGINAL_BYTES = default_catalogue_path().read_bytes()
ORIGINAL: dict[str, Any] = json.loads(ORIGINAL_BYTES)

Path_ = tuple[str | int, ...]


def _paths(node: Any, prefix: Path_ = ()) -> list[Path_]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(ORIGINAL)[1:]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=30) | st.sampled_from(["A", "B", "partiel", "yes", "start", "now",
                                              "single_choice", "short_text", "bandeau"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8,
)
mutation = st.tuples(st.sampled_from(PATHS), st.sampled_from(["delete", "replace", "dup"]),
                     json_values)


def _apply(data: Any, path: Path_, op: str, value: Any) -> None:
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if op == "delete":
        del parent[last]
    elif op == "dup" and isinstance(parent, list):
        parent.insert(int(last), copy.deepcopy(parent[int(last)]))
    else:
        parent[last] = value


def _check(raw: bytes) -> None:
    try:
        result = parse_catalogue(raw, SOURCE)
    except CatalogueError as exc:
        assert SOURCE in exc.user_message
        assert exc.user_message.startswith("Le fichier de la procédure")
    else:
        assert isinstance(result, Catalogue)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=3))
def test_mutated_catalogue(mutations: list[tuple[Path_, str, Any]]) -> None:
    data = copy.deepcopy(ORIGINAL)
    for path, op, value in mutations:
        try:
            _apply(data, path, op, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    _check(json.dumps(data).encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(ORIGINAL_BYTES)), st.binary(max_size=20))
def test_damaged_bytes(cut: int, noise: bytes) -> None:
    _check(ORIGINAL_BYTES[:cut] + noise + ORIGINAL_BYTES[cut + len(noise):])


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_any_json_document(value: Any) -> None:
    _check(json.dumps(value).encode("utf-8"))


def test_deeply_nested_document() -> None:
    _check(b"[" * 100_000 + b"]" * 100_000)
    _check(b'{"cases": ' + b"[" * 5000 + b"]" * 5000 + b"}")
