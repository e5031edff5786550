"""CSV downloads that a spreadsheet opens safely."""

# A cell starting with one of these is run as a formula by spreadsheet programs
# (CSV injection); a leading apostrophe makes them show it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value
