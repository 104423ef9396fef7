#!/usr/bin/env bash
# Regenerate i18n/sales_dept_regulation.pot from a database where the addon is
# installed, and merge it into i18n/zh_CN.po (new terms come out untranslated;
# test_i18n fails until they are translated).  Usage: tools/i18n_update.sh DB
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
conf=${SDR_ODOO_CONF:-${XDG_CACHE_HOME:-$HOME/.cache}/sales_dept_regulation/odoo.conf}
i18n="$here/sales_dept_regulation/i18n"
python3 -m odoo i18n export -c "$conf" -d "${1:?usage: $0 DB}" -o "$i18n/sales_dept_regulation.pot" sales_dept_regulation
touch "$i18n/zh_CN.po"
msgmerge --quiet --no-fuzzy-matching --no-wrap -U --backup=none "$i18n/zh_CN.po" "$i18n/sales_dept_regulation.pot"
msgattrib --no-obsolete --no-wrap -o "$i18n/zh_CN.po" "$i18n/zh_CN.po"
echo "untranslated:"; msgattrib --untranslated --no-wrap "$i18n/zh_CN.po" | grep '^msgid' | tail -n +2 || true
