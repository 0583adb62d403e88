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

__all__ = ["Spec", "build", "check_value", "option", "range_text", "specs"]


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
    exclusive_minimum: bool = False  # the minimum itself is not accepted: (0, 1]
    flag: bool = True  # offered as a command-line flag where the stage has a command


def option(
    default: Any,
    help: str,
    *,
    types: tuple[type, ...] | None = None,
    choices: tuple[Any, ...] | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    exclusive_minimum: bool = False,
    flag: bool = True,
) -> Any:
    """A dataclass field carrying its help, accepted types, choices and range as metadata.

    ``types`` defaults to the default's type (``int`` also accepts nothing else; ``float``
    accepts ints). ``minimum`` and ``maximum`` are inclusive unless ``exclusive_minimum``.
    Mutable defaults (lists, dicts) are copied per instance.
    """
    meta = {
        "help": help,
        "types": types,
        "choices": choices,
        "minimum": minimum,
        "maximum": maximum,
        "exclusive_minimum": exclusive_minimum,
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
                exclusive_minimum=m.get("exclusive_minimum", False),
                flag=m.get("flag", True),
            )
        )
    return out


def check_value(spec: Spec, value: Any) -> str | None:
    """Why ``value`` is not acceptable for ``spec``, or None when it is."""
    wrong_bool = isinstance(value, bool) and bool not in spec.types  # a bool is an int to Python
    if wrong_bool or not isinstance(value, spec.types):
        return f"must be {_type_names(spec.types)}, not {type(value).__name__} {value!r}"
    # Choices of text only bind text where other types are accepted too: "auto" or an int
    # in range, or nothing
    only_text = spec.types != (str,) and all(isinstance(c, str) for c in spec.choices or ())
    if spec.choices is not None and value not in spec.choices:
        if not only_text:
            return f"must be one of {', '.join(map(str, spec.choices))}, not {value!r}"
        if isinstance(value, str):
            others = _type_names(tuple(t for t in spec.types if t is not str))
            words = " or ".join(repr(c) for c in spec.choices)
            return f"must be {others} or {words}, not {value!r}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        low, high = spec.minimum, spec.maximum
        too_low = low is not None and (value <= low if spec.exclusive_minimum else value < low)
        if too_low or (high is not None and value > high):
            return f"must be {range_text(spec)}, not {value!r}"
    return None


def range_text(spec: Spec) -> str | None:
    """The accepted range in words: ``in (0, 1]``, ``at least 1``, ``at most 9``; None if any.

    Example:
        >>> range_text(Spec("share", (float,), 0.5, "", minimum=0, maximum=1,
        ...                 exclusive_minimum=True))
        'in (0, 1]'
    """
    low, high = spec.minimum, spec.maximum
    if low is not None and high is not None:
        return f"in {'(' if spec.exclusive_minimum else '['}{_number(low)}, {_number(high)}]"
    if low is not None:
        return f"{'more than' if spec.exclusive_minimum else 'at least'} {_number(low)}"
    if high is not None:
        return f"at most {_number(high)}"
    return None


def _number(x: float) -> str:
    return str(x) if isinstance(x, int) else f"{x:g}"


def build(cls: type, values: dict[str, Any], *, what: str, error: type[Exception]) -> Any:
    """An instance of the options dataclass ``cls`` from ``values``, every value checked.

    Unknown names, wrong types or choices and values out of range are all listed in one
    ``error`` (prefixed by ``what``); once each value is acceptable, so are the problems
    between fields that the class's ``problems()`` method (where it has one) reports.

    Example:
        >>> from dataclasses import dataclass
        >>> @dataclass(frozen=True)
        ... class Demo:
        ...     size: int = option(3, "how many", minimum=1)
        >>> build(Demo, {"size": 0}, what="demo", error=ValueError)
        Traceback (most recent call last):
        ValueError: demo: size must be at least 1, not 0
    """
    known = {s.name: s for s in specs(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise error(
            f"{what}: unknown option{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
            f"the options are {', '.join(known)}"
        )
    problems = [
        f"{name} {why}" for name, v in values.items() if (why := check_value(known[name], v))
    ]
    if not problems:
        options = cls(**values)
        problems = options.problems() if hasattr(options, "problems") else []
        if not problems:
            return options
    raise error(f"{what}: " + "; ".join(problems))


def _type_names(types: tuple[type, ...]) -> str:
    names = ["null" if t is type(None) else t.__name__ for t in types]
    return " or ".join(names)
