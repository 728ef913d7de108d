"""The import pipeline's stages below `store` are plain Python: they import no Django."""

import subprocess
import sys
import textwrap

STAGES_BELOW_STORE = ["segment", "recognise", "tagger", "extract", "claims", "events", "dates", "resolve"]


def test_the_stages_below_store_import_no_django():
    program = textwrap.dedent(f"""
        import importlib, os, sys
        os.environ.pop("DJANGO_SETTINGS_MODULE", None)
        for stage in {STAGES_BELOW_STORE!r}:
            importlib.import_module("factbook.extraction." + stage)
        print(sorted(name for name in sys.modules if name.split(".")[0] == "django"))
    """)
    loaded = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
