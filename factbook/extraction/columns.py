"""Values the article itself produced (names, roles, titles) made to fit their columns, which
SQLite does not enforce and PostgreSQL does: the limit is always the model field's own."""

ELLIPSIS = "…"


def max_length(model, field_name: str) -> int:
    return model._meta.get_field(field_name).max_length


def fits(model, field_name: str, value: str) -> bool:
    return len(value) <= max_length(model, field_name)


def fitted(model, field_name: str, value: str) -> str:
    """`value`, or its beginning cut at a word boundary and marked with an ellipsis."""
    if fits(model, field_name, value):
        return value
    cut = value[: max_length(model, field_name) - len(ELLIPSIS)]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip() + ELLIPSIS
