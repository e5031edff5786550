"""Readers of plain JSON values shared by resource families (D26)."""

import pytest

from core.errors import InvalidInput
from core.values import boolean, object_id, text


@pytest.mark.parametrize("value", [True, 1, 1.0, "1", "true", " TRUE "])
def test_the_forms_of_true(value):
    assert boolean(value) is True


@pytest.mark.parametrize("value", [False, 0, 0.0, "0", "false", "False", None, ""])
def test_the_forms_of_false(value):
    assert boolean(value) is False


@pytest.mark.parametrize("value", ["yes", 2, 0.5, [], {}, "on"])
def test_anything_else_is_not_a_flag(value):
    with pytest.raises(InvalidInput) as raised:
        boolean(value)
    assert raised.value.message == "Invalid request or incorrect data format."


def test_text_trims_cuts_and_refuses_containers():
    assert text("  hello  ", 3) == "hel"
    assert text(None, 3) == ""
    assert text(12, 5) == "12"
    for value in (True, [], {}):
        with pytest.raises(InvalidInput):
            text(value, 5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3, 3), ("3", 3), (" 7 ", 7), (0, None), (-1, None), (True, None),
     ("x", None), (None, None), (2.0, None), ([1], None)],
)  # fmt: skip
def test_object_id(value, expected):
    assert object_id(value) == expected
