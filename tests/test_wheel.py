# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The addon builds as an OCA-style wheel (whool).

So `pip install ./sales_dept_regulation` works.
"""

import pathlib
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_wheel_builds_with_whool(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT / "sales_dept_regulation"),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    assert wheel.name.startswith("odoo_addon_sales_dept_regulation-19.0.1.0.0")
    names = zipfile.ZipFile(wheel).namelist()
    assert "odoo/addons/sales_dept_regulation/__manifest__.py" in names
    assert "odoo/addons/sales_dept_regulation/i18n/zh_CN.po" in names
    assert "odoo/addons/sales_dept_regulation/static/description/icon.png" in names
