import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

# Standard input of the test run and of every process it starts is /dev/null: with no path, the
# tool reads a piped stdin, and a runner's stdin may be a pipe that never ends.
os.dup2(os.open(os.devnull, os.O_RDONLY), 0)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_baa26c5ea6ec9896.txt"


SCHEMA_FILES = {"events": "events.v2.json", "mentions": "mentions.v1.json"}


@lru_cache(maxsize=2)
def schema(name: str) -> dict:
    return json.loads((ROOT / "timeline_cli" / "data" / "schemas" / SCHEMA_FILES[name]).read_text("utf-8"))


def validate(payload: dict, name: str) -> None:
    import jsonschema

    jsonschema.Draft202012Validator(schema(name)).validate(payload)


def run_cli(*args: str, input: bytes | None = None, env: dict | None = None, cwd: Path | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess:
    """Run `python -m timeline_cli` as a user would, in a real process."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "120"}
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "timeline_cli", *args], input=input, capture_output=True,
                          env=full_env, cwd=cwd or ROOT, timeout=timeout)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """A cache folder of the tests' own: the tool must write nothing there (test_startup checks)."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
