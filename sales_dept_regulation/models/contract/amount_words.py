# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""An amount in Chinese capitals (大写金额), as contracts and cheques write it."""

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ["", "拾", "佰", "仟"]
GROUP_UNITS = ["", "万", "亿", "万亿"]
# how a contract names its currency before the capitals: 人民币陆万元整
CURRENCY_NAMES = {"CNY": "人民币"}


def _group_words(value):
    """A number below 10000 in capitals, inner zeros said once, none at the end."""
    words = ""
    zero = False
    for position in range(3, -1, -1):
        digit = value // 10**position % 10
        if digit:
            if zero and words:
                words += DIGITS[0]
            words += DIGITS[digit] + SMALL_UNITS[position]
            zero = False
        else:
            zero = True
    return words


def _integer_words(value):
    groups = []
    while value:
        groups.append(value % 10000)
        value //= 10000
    words = ""
    skipped = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            skipped = bool(words)
            continue
        if words and (skipped or group < 1000):
            words += DIGITS[0]
        words += _group_words(group) + GROUP_UNITS[index]
        skipped = False
    return words


def amount_to_chinese(amount):
    """``amount`` (yuan) in Chinese capitals, rounded to the fen:
    123456.78 -> 壹拾贰万叁仟肆佰伍拾陆元柒角捌分, 0 -> 零元整."""
    fen_total = int(
        (Decimal(str(amount or 0)) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    )
    sign = "负" if fen_total < 0 else ""
    fen_total = abs(fen_total)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    if not fen_total:
        return "零元整"
    words = _integer_words(yuan) + "元" if yuan else ""
    if jiao:
        words += DIGITS[jiao] + "角"
    elif fen and yuan:
        words += DIGITS[0]
    if fen:
        words += DIGITS[fen] + "分"
    else:
        words += "整"
    return sign + words


def amount_in_currency_words(amount, currency_code):
    """``amount`` in capitals after the currency's Chinese name (人民币陆万元整);
    a currency without one keeps its code (USD 陆万元整)."""
    words = amount_to_chinese(amount)
    if not currency_code:
        return words
    name = CURRENCY_NAMES.get(currency_code)
    return name + words if name else f"{currency_code} {words}"
