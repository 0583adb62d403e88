"""Every toolkit module's docstring examples run as written (pytest does not collect them)."""

import doctest
import importlib
import pkgutil

import pytest

import toolkit

MODULES = sorted(m.name for m in pkgutil.iter_modules(toolkit.__path__) if m.name != "__main__")


@pytest.mark.parametrize("module", MODULES)
def test_module_examples_hold(module):
    result = doctest.testmod(importlib.import_module(f"toolkit.{module}"))
    assert result.failed == 0


def test_the_examples_are_found():
    """Most modules carry an example; a change to how they are found would show here."""
    attempted = sum(
        doctest.testmod(importlib.import_module(f"toolkit.{m}")).attempted for m in MODULES
    )
    assert attempted >= 300
