"""environment.yml mirrors requirements.txt, so conda users get the same versions."""
from pathlib import Path

import re

REPO = Path(__file__).resolve().parents[2]


def pins(text: str) -> dict:
    return {m.group(1).lower(): m.group(2)
            for m in re.finditer(r"^\s*-?\s*([A-Za-z0-9_.\-]+)==([0-9][^\s#]*)", text, re.M)}


def test_environment_yml_pins_the_same_versions_as_requirements():
    requirements = pins((REPO / "requirements.txt").read_text())
    environment = pins((REPO / "environment.yml").read_text())
    assert requirements and environment == requirements
