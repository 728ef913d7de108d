"""Reading the YAML files the rules are made of (lexicons, name parts, the gazetteer)."""

from pathlib import Path

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml reads them about ten times faster


def read_yaml(path: Path):
    """The data of a YAML file, read safely; None for an empty one."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
