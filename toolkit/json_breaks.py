"""Where a JSON text that ``json.loads`` refused breaks, read as ``json`` reads it an item at a
time: the records complete before the break (:func:`before_break`) and the Skip that says where
it breaks and what was loaded (:func:`break_skip`). :mod:`toolkit.tables_json` makes the
records into a table.
"""

from __future__ import annotations

import json
import re
from typing import Any

from toolkit.records import Skip

__all__ = ["Break", "JsonList", "before_break", "break_skip", "malformed"]


class JsonList:
    """A list of records read as a stream (or, broken, read whole: :func:`before_break`): how
    many, the columns of its objects (first seen first), the index and kind of each item that is
    not an object and, read whole, the index, start and end of each object in the text."""

    def __init__(self) -> None:
        self.count = 0
        self.columns: dict[str, None] = {}
        self.others: list[tuple[int, str]] = []
        self.spans: list[tuple[int, int, int]] = []


class Break(Exception):
    """Where a JSON text breaks: ``json``'s error there, the list of records being read (None
    outside any) and whether an item of it had begun."""

    def __init__(
        self, error: json.JSONDecodeError, records: JsonList | None = None, inside: bool = False
    ) -> None:
        super().__init__(error.msg)
        self.error, self.records, self.inside = error, records, inside


_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace
_DECODER = json.JSONDecoder()


def before_break(text: str) -> tuple[JsonList, Break] | None:
    """Where the records complete before the break of a JSON text ``json.loads`` refused are
    (a list, or an object holding one list), and the break; None where no one list is read
    before the break. It is read as ``json`` reads it, an item at a time
    (``JSONDecoder.raw_decode``), each item forgotten once read, so only complete items count.

    Example:
        >>> records, where = before_break('[{"text": "a"}, 2, {"text": "b')
        >>> records.spans, records.others, where.error.msg, where.inside
        ([(0, 1, 14)], [(1, 'int')], 'Unterminated string starting at', True)
    """
    pos = _space(text, 0)
    lists: dict[str | None, JsonList] = {}
    try:
        if text.startswith("[", pos):
            lists[None] = JsonList()
            pos = _items(text, pos + 1, lists[None])
        elif text.startswith("{", pos):
            pos = _members(text, pos + 1, lists)
        else:
            return None
        pos = _space(text, pos)
        if pos == len(text):  # read whole: not where json.loads broke
            return None
        raise Break(json.JSONDecodeError("Extra data", text, pos))
    except Break as b:
        return (*lists.values(), b) if len(lists) == 1 else None
    except RecursionError:  # nested too deeply to read before the break
        return None


def _space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()


def _expected(what: str, text: str, pos: int, records: JsonList | None = None) -> Break:
    return Break(json.JSONDecodeError(f"Expecting {what}", text, pos), records)


def _items(text: str, pos: int, records: JsonList) -> int:
    """The items of the list ``pos`` is in (after its ``[``) counted in ``records``; the
    position after its ``]``, or the :class:`Break` in it."""
    pos = _space(text, pos)
    if text.startswith("]", pos):
        return pos + 1
    while True:
        try:
            item, end = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as e:  # "Expecting value" where it starts: between items
            inside = e.pos > pos or e.msg != "Expecting value"
            raise Break(e, records, inside) from None
        if isinstance(item, dict):
            records.columns.update(dict.fromkeys(item))
            records.spans.append((records.count, pos, end))
        else:
            records.others.append((records.count, type(item).__name__))
        records.count += 1
        pos = _space(text, end)
        if text.startswith("]", pos):
            return pos + 1
        if not text.startswith(",", pos):
            raise _expected("',' delimiter", text, pos, records)
        pos = _space(text, pos + 1)


def _members(text: str, pos: int, lists: dict[str | None, JsonList]) -> int:
    """The members of the object ``pos`` is in (after its ``{``), the lists among them put in
    ``lists`` (a repeated key's last value counts, as with ``json.loads``); the position after
    its ``}``, or the :class:`Break` in it."""
    pos = _space(text, pos)
    if text.startswith("}", pos):
        return pos + 1
    while True:
        if not text.startswith('"', pos):
            raise _expected("property name enclosed in double quotes", text, pos)
        key, pos = _value(text, pos)
        pos = _space(text, pos)
        if not text.startswith(":", pos):
            raise _expected("':' delimiter", text, pos)
        pos = _space(text, pos + 1)
        lists.pop(key, None)
        if text.startswith("[", pos):
            lists[key] = JsonList()
            pos = _items(text, pos + 1, lists[key])
        else:
            pos = _value(text, pos)[1]
        pos = _space(text, pos)
        if text.startswith("}", pos):
            return pos + 1
        if not text.startswith(",", pos):
            raise _expected("',' delimiter", text, pos)
        pos = _space(text, pos + 1)


def _value(text: str, pos: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as e:
        raise Break(e) from None


def malformed(error: json.JSONDecodeError, then: str) -> str:
    return f"malformed JSON: {error.msg} (column {error.colno}); {then}"


def break_skip(rel: str, broken: Break, loaded: int) -> Skip:
    """The Skip of a JSON file from where it breaks: where, what was loaded, what to do."""
    error, records = broken.error, broken.records
    ends = _space(error.doc, error.pos) == len(error.doc) or error.msg.startswith("Unterminated")
    where = "ends" if ends else "breaks"
    record = None if records is None else records.count
    if record is None:
        where += " after its list of records"
    elif broken.inside:
        where += f" inside record {record}"
    else:
        where += f" after record {record - 1}" if record else " before its first record"
    # read, not loaded: a record read may still be skipped (a repeated id), with its own row
    done = {0: "no record before it was read", 1: "the record before it was read"}.get(
        loaded, f"the {loaded} records before it were read"
    )
    reason = malformed(error, f"the file {where}; {done}; re-download or repair the file")
    return Skip(rel, reason, record=record, line=error.lineno)
