"""One source for every option: each stage owns a frozen dataclass of its options, built from
:func:`option`, and validation, defaults, the params README table and CLI flags are derived from
it (as scikit-learn derives ``get_params`` from ``__init__``).

Example:
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class DemoOptions:
    ...     size: int = option(3, "how many", minimum=1, maximum=10)
    >>> [s.name for s in specs(DemoOptions)]
    ['size']
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

__all__ = ["Spec", "check_value", "option", "specs"]


@dataclass(frozen=True)
class Spec:
    """What one option accepts: its name, types, default, help, choices and numeric range."""

    name: str
    types: tuple[type, ...]
    default: Any
    help: str
    choices: tuple[Any, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    flag: bool = True  # offered as a command-line flag where the stage has a command


def option(
    default: Any,
    help: str,
    *,
    types: tuple[type, ...] | None = None,
    choices: tuple[Any, ...] | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    flag: bool = True,
) -> Any:
    """A dataclass field carrying its help, accepted types, choices and range as metadata.

    ``types`` defaults to the default's type (``int`` also accepts nothing else; ``float``
    accepts ints). Mutable defaults (lists, dicts) are copied per instance.
    """
    meta = {
        "help": help,
        "types": types,
        "choices": choices,
        "minimum": minimum,
        "maximum": maximum,
        "flag": flag,
    }
    if isinstance(default, list | dict):
        return dataclasses.field(default_factory=lambda: _copy(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def _copy(value: Any) -> Any:
    import copy

    return copy.deepcopy(value)


def _types(default: Any, given: tuple[type, ...] | None) -> tuple[type, ...]:
    if given is not None:
        return given
    if isinstance(default, bool):
        return (bool,)
    if isinstance(default, float):
        return (float, int)
    return (type(default),)


def specs(cls: type) -> list[Spec]:
    """The :class:`Spec` of every field of an options dataclass, in declaration order."""
    out = []
    for f in dataclasses.fields(cls):
        m = f.metadata
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:  # pragma: no cover - every option has a default
            raise TypeError(f"{cls.__name__}.{f.name} has no default")
        out.append(
            Spec(
                name=f.name,
                types=_types(default, m.get("types")),
                default=default,
                help=m.get("help", ""),
                choices=m.get("choices"),
                minimum=m.get("minimum"),
                maximum=m.get("maximum"),
                flag=m.get("flag", True),
            )
        )
    return out


def check_value(spec: Spec, value: Any) -> str | None:
    """Why ``value`` is not acceptable for ``spec``, or None when it is."""
    if isinstance(value, bool) and bool not in spec.types:
        return f"must be {_type_names(spec.types)}, not {value!r}"
    if not isinstance(value, spec.types):
        return f"must be {_type_names(spec.types)}, not {type(value).__name__} {value!r}"
    if spec.choices is not None and value not in spec.choices:
        return f"must be one of {', '.join(map(str, spec.choices))}, not {value!r}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if spec.minimum is not None and value < spec.minimum:
            return f"must be at least {spec.minimum}, not {value!r}"
        if spec.maximum is not None and value > spec.maximum:
            return f"must be at most {spec.maximum}, not {value!r}"
    return None


def _type_names(types: tuple[type, ...]) -> str:
    names = ["null" if t is type(None) else t.__name__ for t in types]
    return " or ".join(names)
