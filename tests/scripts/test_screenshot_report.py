"""scripts/screenshot_report.py: the fontconfig file it writes for Chromium names its folders as XML text, whatever
characters the temporary folder holds (``TMPDIR`` or a user's name may hold ``&``, ``<`` or quotes)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from screenshot_report import fontconfig


@pytest.mark.parametrize(
    "name",
    ["plain", "a&b", "a<b>c", 'Tom & Jerry\'s "fonts"', "&amp;", "]]>", "日本語 フォント"],
)
def test_fontconfig_names_its_folders_whatever_the_folder_holds(tmp_path, name):
    font = tmp_path / "Latin.ttf"
    font.write_bytes(b"not a real font")
    folder = tmp_path / name / "fontconfig"
    config = ET.parse(fontconfig(folder, [font])).getroot()
    assert (config.findtext("dir"), config.findtext("cachedir")) == (str(folder / "fonts"), str(folder / "cache"))
    assert (folder / "fonts" / "Latin.ttf").read_bytes() == b"not a real font"
