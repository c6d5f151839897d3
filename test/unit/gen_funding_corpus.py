#!/usr/bin/env python3
"""Write test/unit/funding_corpus.inc: funding strings with their expected values.

Three parts:
  - hand-written strings as they appear in news headlines, vendor exports and
    registers (Chinese simplified and traditional, full-width, English);
  - combinations of hand-specified parts (kind phrase, amount phrase, date
    form) in varied orders and with varied separators;
  - strings that must be rejected, with the error category, hand-written and
    combined (bad amounts, two kinds, two amounts, two dates, two currencies).

The expected values are derived here from the written rules of the parser's
contract (doc/funding_round.md and the stricter reading rules below), never
from the C parser: this file is an independent oracle.  The rules it encodes:

  * an amount is a number with a currency or a magnitude; with no named
    currency it is CNY only when written with 万 or 亿, otherwise an error;
  * qualifiers (X in major currency units, u = the place value of X's leading
    digit):
        exact      [X, X]        point X
        nearly     [0.8X, X]     point 0.9X      (近 将近 接近 nearly almost close to)
        about      [0.9X, 1.1X]  point X         (约 大约 左右 上下 about around ~ ≈)
        over/some  [X, X+u]      point midpoint  (超 超过 逾 过 上 以上 over more than above; 多 余)
        several    [X, 10X]      point 3X        (数 几 级 several tens of)
        open       [X, open)     point X         (及以上 或以上 + or more and above)
        range      [A, B]        point midpoint
    a bound that would fall between minor units is rounded inward, the point
    down (only 0.8, 0.9 and 1.1 can do that; the midpoints used here are all
    whole minor units, which the generator checks);
  * a bare magnitude (亿元, 千万) is an amount only with a qualifier, 级 or
    及以上, or when a round kind follows it directly (亿元B轮 = [1亿, 10亿]);
  * amounts are stored in minor units (x100, x1 for JPY and KRW), and at most
    10^15 currency units (beyond: INNO_ERR_RANGE);
  * years 1900..2199 (outside: INNO_ERR_RANGE); d/m/y and m/d/y slashes only
    when the day is over 12, so only one reading is a date.

Run: python3 test/unit/gen_funding_corpus.py > test/unit/funding_corpus.inc
"""

import math
import re
import sys
from fractions import Fraction as F

MINOR = {"CNY": 2, "USD": 2, "HKD": 2, "EUR": 2, "TWD": 2, "GBP": 2, "SGD": 2, "CHF": 2, "AUD": 2,
         "CAD": 2, "JPY": 0, "KRW": 0}
MAX_UNITS = 10 ** 15                # largest amount, in currency units
OPEN = "OPEN"

WAN, YI = 10 ** 4, 10 ** 8
K, M, B = 10 ** 3, 10 ** 6, 10 ** 9


# ----------------------------------------------------------------------------
# Expected amounts: (currency, low, point, high, open, disclosed), minor units
# ----------------------------------------------------------------------------

def _minor(cur, v, how):
    x = F(v) * 10 ** MINOR[cur]
    if how == "exact":
        if x.denominator != 1:
            raise ValueError("%s %s is not a whole number of minor units" % (cur, v))
        return x.numerator
    return math.ceil(x) if how == "ceil" else math.floor(x)


def _amount(cur, lo, pt, hi, lo_how="exact", pt_how="exact", hi_how="exact"):
    lo_m, pt_m = _minor(cur, lo, lo_how), _minor(cur, pt, pt_how)
    hi_m = OPEN if hi is None else _minor(cur, hi, hi_how)
    top = F(lo) if hi is None else F(hi)
    if not (0 < lo_m <= pt_m and (hi_m == OPEN or pt_m <= hi_m)):
        raise ValueError("bad amount %s %s %s %s" % (cur, lo, pt, hi))
    if top > MAX_UNITS:
        raise ValueError("amount beyond 10^15 units: %s %s" % (cur, top))
    return (cur, lo_m, pt_m, hi_m, hi is None, True)


def lead(x):
    """The place value of x's leading digit: 3000万 -> 1000万, 1.5亿 -> 1亿."""
    x = F(x)
    k = 0
    while F(10) ** (k + 1) <= x:
        k += 1
    while F(10) ** k > x:
        k -= 1
    return F(10) ** k


def exact(cur, x):
    return _amount(cur, x, x, x)


def nearly(cur, x):
    x = F(x)
    return _amount(cur, x * F(8, 10), x * F(9, 10), x, "ceil", "floor")


def about(cur, x):
    x = F(x)
    return _amount(cur, x * F(9, 10), x, x * F(11, 10), "ceil", "exact", "floor")


def _mid(cur, a, b):
    m = (F(a) + F(b)) / 2
    _minor(cur, m, "exact")         # the corpus only uses midpoints on whole minor units
    return m


def over(cur, x):                   # 超X, 逾X, 过X, 上X, X以上, over X; also X多, X余
    x = F(x)
    u = lead(x)
    return _amount(cur, x, _mid(cur, x, x + u), x + u)


some = over


def several(cur, x):                # 数X, 几X, X级, several X
    x = F(x)
    return _amount(cur, x, 3 * x, 10 * x)


def atleast(cur, x):                # X及以上, X+, X or more
    x = F(x)
    return _amount(cur, x, x, None)


def rng(cur, a, b):
    return _amount(cur, a, _mid(cur, a, b), b)


def cur_only(cur):                  # a currency, amount undisclosed
    return (cur, 0, 0, 0, False, False)


NONE = None                         # no amount, no currency


# ----------------------------------------------------------------------------
# Expected dates
# ----------------------------------------------------------------------------

def _check_date(y, m, d):
    assert 1900 <= y <= 2199 and 1 <= m <= 12
    mdays = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30,
             31, 31, 30, 31, 30, 31]
    assert 1 <= d <= mdays[m - 1], (y, m, d)


def Dy(y, m, d):
    _check_date(y, m, d)
    return ("day", y, m, d)


def Mo(y, m):
    _check_date(y, m, 1)
    return ("month", y, m, 1)


def Yr(y):
    _check_date(y, 1, 1)
    return ("year", y, 1, 1)


# ----------------------------------------------------------------------------
# Parts for the combinations
# ----------------------------------------------------------------------------

# kind phrase -> canonical label.  No phrase here is a bare "a" (see the article
# rule), and none is written with an English filler word together with "a".
KINDS = [
    ("B轮", "b"), ("Series B", "b"), ("Pre-A轮", "pre_a"), ("A+轮", "a_plus"), ("天使轮", "angel"),
    ("种子轮", "seed"), ("Seed round", "seed"), ("Angel", "angel"), ("战略投资", "strategic"),
    ("Corporate round", "strategic"), ("拨投结合", "grant_to_equity"), ("Pre-IPO轮", "pre_ipo"),
    ("C輪", "c"), ("PE轮", "private_equity"), ("定增", "post_ipo"), ("并购", "m_and_a"),
    ("立项拨款", "grant"), ("苏科贷", "loan"), ("可转债", "convertible"), ("Debt financing", "debt"),
    ("D轮", "d"), ("Series A+", "a_plus"), ("E轮", "e"), ("天使+轮", "angel_plus"), ("Pre-B轮", "pre_b"),
    ("老股转让", "secondary"), ("IPO", "ipo"), ("Grant", "grant"), ("VC轮", "series_unknown"),
    ("私有化", "buyout"), ("A轮", "a"), ("Series C", "c"), ("Pre-A", "pre_a"), ("战略融资", "strategic"),
    ("先投后股", "grant_to_equity"), ("通科贷", "loan"), ("Series D+", "d_plus"), ("F轮", "f"),
    ("股权转让", "secondary"), ("M&A", "m_and_a"),
    # new in the stricter contract
    ("股权融资", "series_unknown"), ("科创板上市", "ipo"), ("科创板IPO", "ipo"), ("创业板上市", "ipo"),
    ("北交所上市", "ipo"), ("港股上市", "ipo"), ("新三板定增", "post_ipo"), ("IPO募资", "ipo"),
    ("Series A", "a"), ("seed round", "seed"), ("pre-seed", "pre_seed"), ("Series D", "d"),
    # with filler words around them
    ("B轮融资", "b"), ("A轮融资", "a"), ("天使轮投资", "angel"), ("Series B funding", "b"),
    ("pre-seed round", "pre_seed"),
    # more of the table
    ("Pre-B", "pre_b"), ("G轮", "g"), ("H轮", "h"), ("C+轮", "c_plus"), ("B+轮", "b_plus"),
    ("Pre-C轮", "pre_c"), ("D+轮", "d_plus"), ("Series E", "e"), ("Private equity", "private_equity"),
    ("Convertible note", "convertible"), ("Bank loan", "loan"), ("债权融资", "debt"), ("战投", "strategic"),
    ("被收购", "m_and_a"), ("MBO", "buyout"), ("拨改投", "grant_to_equity"), ("预种子轮", "pre_seed"),
    ("Pre-seed轮", "pre_seed"), ("首发上市", "ipo"), ("再融资", "post_ipo"), ("老股交易", "secondary"),
    ("专项资助", "grant"), ("可转换票据", "convertible"), ("科技贷款", "loan"), ("轮次未披露", "undisclosed"),
    ("Series B+", "b_plus"), ("Angel+", "angel_plus"), ("Series F", "f"), ("Pre-IPO", "pre_ipo"),
    ("Strategic investment", "strategic"), ("Secondary sale", "secondary"), ("Acquisition", "m_and_a"),
    ("Buyout", "buyout"), ("Venture round", "series_unknown"), ("Post-IPO equity", "post_ipo"),
    ("Series H", "h"), ("E輪", "e"), ("種子輪", "seed"), ("戰略投資", "strategic"),
]

# amount phrase -> expected amount.  Every phrase names its currency or is
# written with 万 / 亿 (CNY).
AMOUNTS = [
    # exact
    ("2亿", exact("CNY", 2 * YI)),
    ("1.5亿元", exact("CNY", F("1.5") * YI)),
    ("3000万元", exact("CNY", 3000 * WAN)),
    ("1亿2000万元", exact("CNY", F("1.2") * YI)),
    ("两千万", exact("CNY", 2000 * WAN)),
    ("200000000元", exact("CNY", 2 * YI)),
    ("¥800万", exact("CNY", 800 * WAN)),
    ("1,000万", exact("CNY", 1000 * WAN)),
    ("１亿", exact("CNY", YI)),
    ("3000萬", exact("CNY", 3000 * WAN)),
    ("2億", exact("CNY", 2 * YI)),
    ("$12M", exact("USD", 12 * M)),
    ("USD 25 million", exact("USD", 25 * M)),
    ("$1.2B", exact("USD", F("1.2") * B)),
    ("€20m", exact("EUR", 20 * M)),
    ("HK$1.2 billion", exact("HKD", F("1.2") * B)),
    ("50 million yuan", exact("CNY", 50 * M)),
    ("1.2亿美元", exact("USD", F("1.2") * YI)),
    ("500万美元", exact("USD", 500 * WAN)),
    ("3000万新台币", exact("TWD", 3000 * WAN)),
    ("2亿日元", exact("JPY", 2 * YI)),
    ("$1.2bn", exact("USD", F("1.2") * B)),
    ("CNY 30000000", exact("CNY", 30000000)),
    ("三千五百万", exact("CNY", 3500 * WAN)),
    ("一亿二千万元", exact("CNY", F("1.2") * YI)),
    ("5亿元人民币", exact("CNY", 5 * YI)),
    ("2 亿 元", exact("CNY", 2 * YI)),
    ("3000 万元", exact("CNY", 3000 * WAN)),
    ("1.5 亿元", exact("CNY", F("1.5") * YI)),
    ("£5m", exact("GBP", 5 * M)),
    ("S$15M", exact("SGD", 15 * M)),
    ("NT$300M", exact("TWD", 300 * M)),
    ("$500K", exact("USD", 500 * K)),
    ("$12mm", exact("USD", 12 * M)),
    ("$3mn", exact("USD", 3 * M)),
    ("2 million euros", exact("EUR", 2 * M)),
    ("5 million dollars", exact("USD", 5 * M)),
    ("10 million us dollars", exact("USD", 10 * M)),
    ("300 million renminbi", exact("CNY", 300 * M)),
    ("25 million USD", exact("USD", 25 * M)),
    ("800万欧元", exact("EUR", 800 * WAN)),
    ("500万英镑", exact("GBP", 500 * WAN)),
    ("1000万新加坡元", exact("SGD", 1000 * WAN)),
    ("300亿韩元", exact("KRW", 300 * YI)),
    ("2000万瑞士法郎", exact("CHF", 2000 * WAN)),
    ("1500万澳元", exact("AUD", 1500 * WAN)),
    ("800万加元", exact("CAD", 800 * WAN)),
    ("5000万港币", exact("HKD", 5000 * WAN)),
    ("1000万美金", exact("USD", 1000 * WAN)),
    ("5000万港元", exact("HKD", 5000 * WAN)),
    ("3千万元", exact("CNY", 3000 * WAN)),
    ("3000元", exact("CNY", 3000)),
    ("两亿元", exact("CNY", 2 * YI)),
    ("EUR 5 million", exact("EUR", 5 * M)),
    ("1.2bn yuan", exact("CNY", F("1.2") * B)),
    ("US$8 million", exact("USD", 8 * M)),
    # ranges
    ("5000万-8000万元", rng("CNY", 5000 * WAN, 8000 * WAN)),
    ("1-2亿", rng("CNY", YI, 2 * YI)),
    ("1亿-1.5亿元", rng("CNY", YI, F("1.5") * YI)),
    ("$10M-$20M", rng("USD", 10 * M, 20 * M)),
    ("$10-20 million", rng("USD", 10 * M, 20 * M)),
    ("5000万至8000万元", rng("CNY", 5000 * WAN, 8000 * WAN)),
    ("1亿到2亿元", rng("CNY", YI, 2 * YI)),
    ("1000万~2000万", rng("CNY", 1000 * WAN, 2000 * WAN)),
    ("3000万～5000万元", rng("CNY", 3000 * WAN, 5000 * WAN)),
    ("10 to 20 million dollars", rng("USD", 10 * M, 20 * M)),
    ("$10M to $20M", rng("USD", 10 * M, 20 * M)),
    # nearly
    ("近2亿元", nearly("CNY", 2 * YI)),
    ("近亿元", nearly("CNY", YI)),
    ("近千万", nearly("CNY", 1000 * WAN)),
    ("将近5000万", nearly("CNY", 5000 * WAN)),
    ("接近1亿元", nearly("CNY", YI)),
    ("nearly $20M", nearly("USD", 20 * M)),
    ("almost $5M", nearly("USD", 5 * M)),
    ("close to $10M", nearly("USD", 10 * M)),
    # over / some
    ("超千万", over("CNY", 1000 * WAN)),
    ("逾亿", over("CNY", YI)),
    ("过亿元", over("CNY", YI)),
    ("超2亿", over("CNY", 2 * YI)),
    ("上亿元", over("CNY", YI)),
    ("超过3亿元", over("CNY", 3 * YI)),
    ("over 100 million yuan", over("CNY", 100 * M)),
    ("more than $50M", over("USD", 50 * M)),
    ("above $20M", over("USD", 20 * M)),
    ("超1.5亿元", over("CNY", F("1.5") * YI)),
    ("1亿元以上", over("CNY", YI)),
    ("千万以上", over("CNY", 1000 * WAN)),
    ("over $100 million", over("USD", 100 * M)),
    ("3000多万", some("CNY", 3000 * WAN)),
    ("1亿多元", some("CNY", YI)),
    ("500余万元", some("CNY", 500 * WAN)),
    ("两千多万元", some("CNY", 2000 * WAN)),
    ("10多亿元", some("CNY", 10 * YI)),
    # about
    ("约5000万", about("CNY", 5000 * WAN)),
    ("5000万左右", about("CNY", 5000 * WAN)),
    ("about $5M", about("USD", 5 * M)),
    ("大约800万美元", about("USD", 800 * WAN)),
    ("around $8M", about("USD", 8 * M)),
    ("approximately $12M", about("USD", 12 * M)),
    ("5000万上下", about("CNY", 5000 * WAN)),
    # several / order of magnitude
    ("数千万", several("CNY", 1000 * WAN)),
    ("数百万人民币", several("CNY", 100 * WAN)),
    ("数十万", several("CNY", 10 * WAN)),
    ("数亿元", several("CNY", YI)),
    ("数十亿元", several("CNY", 10 * YI)),
    ("几千万", several("CNY", 1000 * WAN)),
    ("千万级", several("CNY", 1000 * WAN)),
    ("亿元级", several("CNY", YI)),
    ("百万级", several("CNY", 100 * WAN)),
    ("千万元级", several("CNY", 1000 * WAN)),
    ("数千万美元", several("USD", 1000 * WAN)),
    ("数百万港元", several("HKD", 100 * WAN)),
    ("several million dollars", several("USD", M)),
    ("tens of millions of dollars", several("USD", 10 * M)),
    ("几百万美元", several("USD", 100 * WAN)),
    # open above
    ("亿元及以上", atleast("CNY", YI)),
    ("千万及以上", atleast("CNY", 1000 * WAN)),
    ("$10M+", atleast("USD", 10 * M)),
    ("$5M or more", atleast("USD", 5 * M)),
    ("亿元及以上美元", atleast("USD", YI)),
    ("1000万及以上", atleast("CNY", 1000 * WAN)),
    ("$5M and above", atleast("USD", 5 * M)),
    ("5000万或以上", atleast("CNY", 5000 * WAN)),
    ("千万元及以上美元", atleast("USD", 1000 * WAN)),
    # undisclosed
    ("未披露", NONE),
    ("未透露", NONE),
    ("未公开", NONE),
    ("金额未知", NONE),
    ("不详", NONE),
    ("undisclosed", NONE),
]

# date form -> expected date
DATES = [
    ("", None), ("2023-06", Mo(2023, 6)), ("2023-06-15", Dy(2023, 6, 15)),
    ("2023年6月", Mo(2023, 6)), ("2023年6月15日", Dy(2023, 6, 15)),
    ("2022", Yr(2022)), ("2022年", Yr(2022)),
    ("2021/5/20", Dy(2021, 5, 20)), ("2021.05", Mo(2021, 5)),
    ("Jun 2023", Mo(2023, 6)), ("March 15, 2024", Dy(2024, 3, 15)),
    ("2024年1月", Mo(2024, 1)), ("2019-12-31", Dy(2019, 12, 31)),
    ("2023/6/15", Dy(2023, 6, 15)), ("15 Jun 2023", Dy(2023, 6, 15)),
    ("31/12/2023", Dy(2023, 12, 31)), ("12/31/2023", Dy(2023, 12, 31)),
    ("2023.06.15", Dy(2023, 6, 15)), ("2023/06", Mo(2023, 6)), ("2023年", Yr(2023)),
    ("13/06/2022", Dy(2022, 6, 13)), ("06/13/2022", Dy(2022, 6, 13)), ("2020-02-29", Dy(2020, 2, 29)),
    ("", None), ("", None),
]

SEPS = [" ", ", ", "｜", " | ", "，", "、", "  ", " - ", "; ", "　"]
ORDERS = ["kad", "akd", "dka", "kda", "adk", "dak"]

# ----------------------------------------------------------------------------
# Hand-written strings: (text, kind, amount, date)
# ----------------------------------------------------------------------------

HAND = [
    # --- headlines the contract names (rule D) ---
    ("目前已完成近亿元Pre-A轮融资", "pre_a", nearly("CNY", YI), None),
    ("宣布完成1.5亿元C轮融资", "c", exact("CNY", F("1.5") * YI), None),
    ("获得近2亿元B轮融资", "b", nearly("CNY", 2 * YI), None),
    ("完成新一轮数千万元融资", "undisclosed", several("CNY", 1000 * WAN), None),
    ("本轮融资金额达3亿元", "undisclosed", exact("CNY", 3 * YI), None),
    ("A轮融资共计5000万元", "a", exact("CNY", 5000 * WAN), None),
    ("获得数千万元股权融资", "series_unknown", several("CNY", 1000 * WAN), None),
    ("科创板上市募资10亿元", "ipo", exact("CNY", 10 * YI), None),
    ("新三板定增2000万元", "post_ipo", exact("CNY", 2000 * WAN), None),
    ("宣佈完成1.5億元C輪融資", "c", exact("CNY", F("1.5") * YI), None),
    ("獲得近2億元B輪融資", "b", nearly("CNY", 2 * YI), None),
    ("Ｂ轮 ２亿元 ２０２３－０６", "b", exact("CNY", 2 * YI), Mo(2023, 6)),
    ("亿元级", "undisclosed", several("CNY", YI), None),
    ("千万元级", "undisclosed", several("CNY", 1000 * WAN), None),
    ("亿元B轮", "b", several("CNY", YI), None),
    ("千万元A轮融资", "a", several("CNY", 1000 * WAN), None),
    ("亿元及以上美元", "undisclosed", atleast("USD", YI), None),
    ("两千元", "undisclosed", exact("CNY", 2000), None),
    ("3000元", "undisclosed", exact("CNY", 3000), None),
    ("$1.2B", "undisclosed", exact("USD", F("1.2") * B), None),
    ("50 million yuan", "undisclosed", exact("CNY", 50 * M), None),
    ("USD 25 million", "undisclosed", exact("USD", 25 * M), None),
    ("数千万美元", "undisclosed", several("USD", 1000 * WAN), None),
    ("2 亿 元", "undisclosed", exact("CNY", 2 * YI), None),
    ("3000 万元", "undisclosed", exact("CNY", 3000 * WAN), None),
    ("1.5 亿元", "undisclosed", exact("CNY", F("1.5") * YI), None),
    ("Series A - $12M", "a", exact("USD", 12 * M), None),
    ("B轮-近2亿元", "b", nearly("CNY", 2 * YI), None),
    ("a Series A of US$5 million", "a", exact("USD", 5 * M), None),
    ("closed a $10M seed round", "seed", exact("USD", 10 * M), None),
    ("raised €3m in pre-seed funding", "pre_seed", exact("EUR", 3 * M), None),
    ("secures over $100 million in Series D funding", "d", over("USD", 100 * M), None),
    ("raises $25 million Series B", "b", exact("USD", 25 * M), None),
    ("closed a $10M round", "undisclosed", exact("USD", 10 * M), None),
    ("a USD 12000000", "a", exact("USD", 12000000), None),
    ("A 2亿", "a", exact("CNY", 2 * YI), None),
    # the canonical text of a series A of unknown amount (found by fuzz_funding)
    ("a undisclosed", "a", NONE, None),
    ("a CNY undisclosed 2024-03", "a", cur_only("CNY"), Mo(2024, 3)),
    ("an undisclosed round", "undisclosed", NONE, None),
    ("2023-06", "undisclosed", NONE, Mo(2023, 6)),
    ("B轮 2023-06-15", "b", NONE, Dy(2023, 6, 15)),
    ("B轮 2023年6月", "b", NONE, Mo(2023, 6)),
    ("B轮 2023/6/15", "b", NONE, Dy(2023, 6, 15)),
    ("B轮 2023.06", "b", NONE, Mo(2023, 6)),
    ("Series B Jun 2023", "b", NONE, Mo(2023, 6)),
    ("Series B, March 15, 2024", "b", NONE, Dy(2024, 3, 15)),
    ("Series B 15 Jun 2023", "b", NONE, Dy(2023, 6, 15)),
    ("B轮 2023", "b", NONE, Yr(2023)),
    ("B轮 2023年", "b", NONE, Yr(2023)),
    ("B轮 31/12/2023", "b", NONE, Dy(2023, 12, 31)),
    ("B轮 12/31/2023", "b", NONE, Dy(2023, 12, 31)),

    # --- Chinese headlines (simplified) ---
    ("完成1亿元A轮融资", "a", exact("CNY", YI), None),
    ("获数百万美元天使轮投资", "angel", several("USD", 100 * WAN), None),
    ("宣布完成数千万元Pre-A轮融资", "pre_a", several("CNY", 1000 * WAN), None),
    ("近日完成超亿元B+轮融资", "b_plus", over("CNY", YI), None),
    ("日前获得数亿元C轮融资", "c", several("CNY", YI), None),
    ("正式宣布完成5亿元D轮融资", "d", exact("CNY", 5 * YI), None),
    ("成功完成千万元级天使轮融资", "angel", several("CNY", 1000 * WAN), None),
    ("顺利完成A+轮融资", "a_plus", NONE, None),
    ("再获数千万元A轮融资", "a", several("CNY", 1000 * WAN), None),
    ("获投3000万元Pre-A轮", "pre_a", exact("CNY", 3000 * WAN), None),
    ("拿到2亿元B轮融资", "b", exact("CNY", 2 * YI), None),
    ("已经完成近5000万元天使轮融资", "angel", nearly("CNY", 5000 * WAN), None),
    ("完成亿元B轮融资", "b", several("CNY", YI), None),
    ("获得千万元A轮融资", "a", several("CNY", 1000 * WAN), None),
    ("完成数亿元人民币C轮融资", "c", several("CNY", YI), None),
    ("获得1.2亿美元C轮融资", "c", exact("USD", F("1.2") * YI), None),
    ("完成5000万美元B轮融资", "b", exact("USD", 5000 * WAN), None),
    ("宣布完成3亿元人民币战略融资", "strategic", exact("CNY", 3 * YI), None),
    ("获得战略投资", "strategic", NONE, None),
    ("完成数千万元战略融资", "strategic", several("CNY", 1000 * WAN), None),
    ("完成2亿元Pre-IPO轮融资", "pre_ipo", exact("CNY", 2 * YI), None),
    ("获得3000万元种子轮融资", "seed", exact("CNY", 3000 * WAN), None),
    ("完成数百万元种子轮融资", "seed", several("CNY", 100 * WAN), None),
    ("获得超千万元天使+轮融资", "angel_plus", over("CNY", 1000 * WAN), None),
    ("完成近3亿元C+轮融资", "c_plus", nearly("CNY", 3 * YI), None),
    ("宣布完成10亿元E轮融资", "e", exact("CNY", 10 * YI), None),
    ("完成数十亿元F轮融资", "f", several("CNY", 10 * YI), None),
    ("获得2000万元Pre-B轮融资", "pre_b", exact("CNY", 2000 * WAN), None),
    ("创业板上市募资8亿元", "ipo", exact("CNY", 8 * YI), None),
    ("北交所上市募资2.5亿元", "ipo", exact("CNY", F("2.5") * YI), None),
    ("港股上市募资50亿港元", "ipo", exact("HKD", 50 * YI), None),
    ("科创板IPO募资15亿元", "ipo", exact("CNY", 15 * YI), None),
    ("IPO募资20亿元", "ipo", exact("CNY", 20 * YI), None),
    ("定向增发募资30亿元", "post_ipo", exact("CNY", 30 * YI), None),
    ("完成定增募资5亿元", "post_ipo", exact("CNY", 5 * YI), None),
    ("获得3000万元拨投结合资金支持", "grant_to_equity", exact("CNY", 3000 * WAN), None),
    ("获得500万元立项拨款", "grant", exact("CNY", 500 * WAN), None),
    ("获得1000万元苏科贷", "loan", exact("CNY", 1000 * WAN), None),
    ("获得2亿元债权融资", "debt", exact("CNY", 2 * YI), None),
    ("完成可转债融资1亿元", "convertible", exact("CNY", YI), None),
    ("完成5亿元PE轮融资", "private_equity", exact("CNY", 5 * YI), None),
    ("被收购", "m_and_a", NONE, None),
    ("完成私有化", "buyout", NONE, None),
    ("老股转让金额为3亿元", "secondary", exact("CNY", 3 * YI), None),
    ("获得约5000万元A轮融资", "a", about("CNY", 5000 * WAN), None),
    ("完成5000万元左右的B轮融资", "b", about("CNY", 5000 * WAN), None),
    ("完成3000多万元天使轮融资", "angel", some("CNY", 3000 * WAN), None),
    ("获得1亿多元B轮融资", "b", some("CNY", YI), None),
    ("完成500余万元种子轮融资", "seed", some("CNY", 500 * WAN), None),
    ("获得逾亿元C轮融资", "c", over("CNY", YI), None),
    ("完成过亿元B轮融资", "b", over("CNY", YI), None),
    ("获得上亿元A轮融资", "a", over("CNY", YI), None),
    ("完成超2亿元D轮融资", "d", over("CNY", 2 * YI), None),
    ("获得1-2亿元B轮融资", "b", rng("CNY", YI, 2 * YI), None),
    ("完成5000万至8000万元A轮融资", "a", rng("CNY", 5000 * WAN, 8000 * WAN), None),
    ("获得亿元及以上美元D轮融资", "d", atleast("USD", YI), None),
    ("完成将近5000万元A轮融资", "a", nearly("CNY", 5000 * WAN), None),
    ("获得接近1亿元B轮融资", "b", nearly("CNY", YI), None),
    ("完成超过3亿元C轮融资", "c", over("CNY", 3 * YI), None),
    ("获得大约800万美元天使轮融资", "angel", about("USD", 800 * WAN), None),
    ("完成几千万元Pre-A轮融资", "pre_a", several("CNY", 1000 * WAN), None),
    ("完成数十万元种子轮融资", "seed", several("CNY", 10 * WAN), None),
    ("获得百万级天使轮融资", "angel", several("CNY", 100 * WAN), None),
    ("获得两千万元A轮融资", "a", exact("CNY", 2000 * WAN), None),
    ("完成三千五百万元A+轮融资", "a_plus", exact("CNY", 3500 * WAN), None),
    ("完成一亿二千万元B轮融资", "b", exact("CNY", F("1.2") * YI), None),
    ("获得1亿2000万元B轮融资", "b", exact("CNY", F("1.2") * YI), None),
    ("完成 2 亿元 B轮融资", "b", exact("CNY", 2 * YI), None),
    ("获得3000 万元A轮融资", "a", exact("CNY", 3000 * WAN), None),
    ("完成1.5 亿元C轮融资", "c", exact("CNY", F("1.5") * YI), None),
    ("完成800万欧元A轮融资", "a", exact("EUR", 800 * WAN), None),
    ("获得2亿日元种子轮融资", "seed", exact("JPY", 2 * YI), None),
    ("完成500万英镑A轮融资", "a", exact("GBP", 500 * WAN), None),
    ("获得1000万新加坡元B轮融资", "b", exact("SGD", 1000 * WAN), None),
    ("完成300亿韩元C轮融资", "c", exact("KRW", 300 * YI), None),
    ("获得2000万瑞士法郎B轮融资", "b", exact("CHF", 2000 * WAN), None),
    ("完成1500万澳元A轮融资", "a", exact("AUD", 1500 * WAN), None),
    ("获得800万加元种子轮融资", "seed", exact("CAD", 800 * WAN), None),
    ("完成3亿新台币B轮融资", "b", exact("TWD", 3 * YI), None),
    ("获得5000万港币Pre-IPO轮融资", "pre_ipo", exact("HKD", 5000 * WAN), None),
    ("完成1000万美金A轮融资", "a", exact("USD", 1000 * WAN), None),
    ("获得数千万人民币天使轮融资", "angel", several("CNY", 1000 * WAN), None),
    ("B轮融资近2亿元", "b", nearly("CNY", 2 * YI), None),
    ("【B轮】近2亿元（2023年6月）", "b", nearly("CNY", 2 * YI), Mo(2023, 6)),
    ("“近2亿元”B轮", "b", nearly("CNY", 2 * YI), None),
    ("2023年6月 B轮 2亿元", "b", exact("CNY", 2 * YI), Mo(2023, 6)),
    ("2023年6月15日完成A轮融资", "a", NONE, Dy(2023, 6, 15)),
    ("2023年获得数千万元天使轮融资", "angel", several("CNY", 1000 * WAN), Yr(2023)),
    ("2022年3月完成近亿元Pre-A轮融资", "pre_a", nearly("CNY", YI), Mo(2022, 3)),
    ("近日，完成数千万元A轮融资", "a", several("CNY", 1000 * WAN), None),
    ("日前完成2亿元B轮融资", "b", exact("CNY", 2 * YI), None),
    ("已获得数百万元天使轮投资", "angel", several("CNY", 100 * WAN), None),
    ("完成新一轮2亿元战略融资", "strategic", exact("CNY", 2 * YI), None),
    ("本轮融资金额为5000万美元", "undisclosed", exact("USD", 5000 * WAN), None),
    ("获得5000万元人民币Pre-A轮融资", "pre_a", exact("CNY", 5000 * WAN), None),
    ("获得股权融资", "series_unknown", NONE, None),
    ("获得轮次未披露融资3000万元", "undisclosed", exact("CNY", 3000 * WAN), None),
    ("完成金额未披露的A轮融资", "a", NONE, None),
    ("完成未透露金额的B轮融资", "b", NONE, None),
    ("A轮 | 金额未知 | 2023-06", "a", NONE, Mo(2023, 6)),
    ("首发上市募资12亿元", "ipo", exact("CNY", 12 * YI), None),
    ("完成1000万美元Series A融资", "a", exact("USD", 1000 * WAN), None),
    ("宣布获得数亿元战略投资", "strategic", several("CNY", YI), None),
    ("再获近亿元B轮融资 2023年6月", "b", nearly("CNY", YI), Mo(2023, 6)),
    ("融资金额：3000万元", "undisclosed", exact("CNY", 3000 * WAN), None),
    ("B轮: 2亿元", "b", exact("CNY", 2 * YI), None),
    ("B轮 (2亿元)", "b", exact("CNY", 2 * YI), None),
    ("「B轮」2亿元", "b", exact("CNY", 2 * YI), None),
    ("《A轮》5000万元", "a", exact("CNY", 5000 * WAN), None),
    ("‘天使轮’ 数百万元", "angel", several("CNY", 100 * WAN), None),
    ("B轮；2亿元；2023-06", "b", exact("CNY", 2 * YI), Mo(2023, 6)),
    ("2023-06-15：完成C轮融资", "c", NONE, Dy(2023, 6, 15)),
    ("获得亿元以上美元C轮融资", "c", over("USD", YI), None),
    ("千万元级美元", "undisclosed", several("USD", 1000 * WAN), None),
    ("千万美元A轮融资", "a", several("USD", 1000 * WAN), None),
    ("获得4千万元A轮融资", "a", exact("CNY", 4000 * WAN), None),
    ("完成1.2万亿元定增", "post_ipo", exact("CNY", F("1.2") * 10 ** 12), None),
    ("完成两千多万元天使轮融资", "angel", some("CNY", 2000 * WAN), None),
    ("获得10多亿元D轮融资", "d", some("CNY", 10 * YI), None),
    ("完成超1.5亿元B轮融资", "b", over("CNY", F("1.5") * YI), None),
    ("完成5000万上下的A轮融资", "a", about("CNY", 5000 * WAN), None),
    ("获得≈1亿元B轮融资", "b", about("CNY", YI), None),
    ("人民币 2亿元 B轮", "b", exact("CNY", 2 * YI), None),
    ("B轮 5000万美元 USD", "b", exact("USD", 5000 * WAN), None),
    ("完成千万及以上天使轮融资", "angel", atleast("CNY", 1000 * WAN), None),
    ("获得5000万或以上A轮融资", "a", atleast("CNY", 5000 * WAN), None),
    ("完成1亿到2亿元B轮融资", "b", rng("CNY", YI, 2 * YI), None),
    ("完成3000万～5000万元A轮融资", "a", rng("CNY", 3000 * WAN, 5000 * WAN), None),
    ("获得1000万~2000万天使轮融资", "angel", rng("CNY", 1000 * WAN, 2000 * WAN), None),
    ("种子轮 3000元", "seed", exact("CNY", 3000), None),

    # --- traditional characters ---
    ("完成數千萬元A輪融資", "a", several("CNY", 1000 * WAN), None),
    ("獲得逾億元B輪融資", "b", over("CNY", YI), None),
    ("完成3000萬美元C輪融資", "c", exact("USD", 3000 * WAN), None),
    ("獲數百萬元天使輪投資", "angel", several("CNY", 100 * WAN), None),
    ("完成新一輪數億元融資", "undisclosed", several("CNY", YI), None),
    ("宣佈完成5億元戰略融資", "strategic", exact("CNY", 5 * YI), None),
    ("獲得千萬元級種子輪融資", "seed", several("CNY", 1000 * WAN), None),
    ("完成億元B輪融資", "b", several("CNY", YI), None),
    ("完成近億元Pre-A輪融資", "pre_a", nearly("CNY", YI), None),
    ("本輪融資金額達3億元", "undisclosed", exact("CNY", 3 * YI), None),
    ("A輪融資共計5000萬元", "a", exact("CNY", 5000 * WAN), None),
    ("獲得2000萬港元Pre-IPO輪融資", "pre_ipo", exact("HKD", 2000 * WAN), None),
    ("完成5000萬歐元B輪融資", "b", exact("EUR", 5000 * WAN), None),
    ("獲得數千萬元股權融資", "series_unknown", several("CNY", 1000 * WAN), None),
    ("科創板上市募資10億元", "ipo", exact("CNY", 10 * YI), None),
    ("完成超過3億元C輪融資", "c", over("CNY", 3 * YI), None),
    ("獲得約5000萬元A輪融資", "a", about("CNY", 5000 * WAN), None),
    ("完成1億多元B輪融資", "b", some("CNY", YI), None),
    ("完成500餘萬元種子輪融資", "seed", some("CNY", 500 * WAN), None),
    ("天使輪 數百萬人民幣", "angel", several("CNY", 100 * WAN), None),
    ("C輪 近億元 2021年5月", "c", nearly("CNY", YI), Mo(2021, 5)),
    ("完成3億元併購", "m_and_a", exact("CNY", 3 * YI), None),
    ("戰略投資 未披露", "strategic", NONE, None),
    ("獲得億元級戰略投資", "strategic", several("CNY", YI), None),

    # --- full-width digits and punctuation ---
    ("Ｂ轮 ２亿元", "b", exact("CNY", 2 * YI), None),
    ("获得近２亿元Ｂ轮融资", "b", nearly("CNY", 2 * YI), None),
    ("Ａ轮，５０００万元，２０２３年６月", "a", exact("CNY", 5000 * WAN), Mo(2023, 6)),
    ("Ｓｅｒｉｅｓ Ｂ， ＄２５Ｍ", "b", exact("USD", 25 * M), None),
    ("Ｐｒｅ－Ａ轮 近亿元", "pre_a", nearly("CNY", YI), None),
    ("完成１．５亿元Ｃ轮融资", "c", exact("CNY", F("1.5") * YI), None),
    ("Ｄ轮｜３亿元｜２０２３／０６／１５", "d", exact("CNY", 3 * YI), Dy(2023, 6, 15)),
    ("E轮　5亿元", "e", exact("CNY", 5 * YI), None),
    ("天使轮（１０００万元）", "angel", exact("CNY", 1000 * WAN), None),
    ("【Ａ＋轮】３０００万元", "a_plus", exact("CNY", 3000 * WAN), None),
    ("２０２３年６月１５日 完成Ｂ轮融资", "b", NONE, Dy(2023, 6, 15)),
    ("ＩＰＯ募资１０亿元", "ipo", exact("CNY", 10 * YI), None),

    # --- English ---
    ("Series B, $25M, 2023-06-15", "b", exact("USD", 25 * M), Dy(2023, 6, 15)),
    ("Seed round, $2M, 2021", "seed", exact("USD", 2 * M), Yr(2021)),
    ("Series C, USD 100 million, March 15, 2024", "c", exact("USD", 100 * M), Dy(2024, 3, 15)),
    ("Raises $5M Seed Round", "seed", exact("USD", 5 * M), None),
    ("Closes $30 million Series B", "b", exact("USD", 30 * M), None),
    ("Secured $8M in seed funding", "seed", exact("USD", 8 * M), None),
    ("Lands $12M Series A", "a", exact("USD", 12 * M), None),
    ("Announces $50M Series C Funding", "c", exact("USD", 50 * M), None),
    ("Completes $200 million Series E financing", "e", exact("USD", 200 * M), None),
    ("Receives $1.5M pre-seed investment", "pre_seed", exact("USD", F("1.5") * M), None),
    ("raises nearly $20M in Series A funding", "a", nearly("USD", 20 * M), None),
    ("raises about $5M in seed funding", "seed", about("USD", 5 * M), None),
    ("closes more than $50M Series B", "b", over("USD", 50 * M), None),
    ("secured $10M to $20M in Series B funding", "b", rng("USD", 10 * M, 20 * M), None),
    ("raises $100M+ Series D", "d", atleast("USD", 100 * M), None),
    ("raised $5M or more in its Series A", "a", atleast("USD", 5 * M), None),
    ("raises several million dollars in seed funding", "seed", several("USD", M), None),
    ("raises tens of millions of dollars in Series B funding", "b", several("USD", 10 * M), None),
    ("Series A funding of an undisclosed amount", "a", NONE, None),
    ("raises an $8M seed round", "seed", exact("USD", 8 * M), None),
    ("completes the $25M Series B", "b", exact("USD", 25 * M), None),
    ("lands a Series B of $25M", "b", exact("USD", 25 * M), None),
    ("secured a $2M pre-seed round", "pre_seed", exact("USD", 2 * M), None),
    ("completed a Series A round of $8M", "a", exact("USD", 8 * M), None),
    ("Raises a $5M seed round", "seed", exact("USD", 5 * M), None),
    ("received a $3M grant", "grant", exact("USD", 3 * M), None),
    ("announced a $40M Series B round, Jun 2023", "b", exact("USD", 40 * M), Mo(2023, 6)),
    ("Series B, HK$1.2 billion", "b", exact("HKD", F("1.2") * B), None),
    ("Series A, €20m, Jun 2023", "a", exact("EUR", 20 * M), Mo(2023, 6)),
    ("Seed, £500K, 2022", "seed", exact("GBP", 500 * K), Yr(2022)),
    ("Series B, S$15M", "b", exact("SGD", 15 * M), None),
    ("Series C, A$30M", "c", exact("AUD", 30 * M), None),
    ("Series A, C$8M", "a", exact("CAD", 8 * M), None),
    ("Series B, NT$300M", "b", exact("TWD", 300 * M), None),
    ("Series A, ₩10bn", "a", exact("KRW", 10 * B), None),
    ("Series B, 50 million yuan", "b", exact("CNY", 50 * M), None),
    ("Series B, RMB 50 million", "b", exact("CNY", 50 * M), None),
    ("Series A, 25 million USD", "a", exact("USD", 25 * M), None),
    ("Series B, USD 25 million, 2023", "b", exact("USD", 25 * M), Yr(2023)),
    ("Series D, $1.2B", "d", exact("USD", F("1.2") * B), None),
    ("Series C, $1.2bn", "c", exact("USD", F("1.2") * B), None),
    ("Series A, $500K", "a", exact("USD", 500 * K), None),
    ("Series B, $12mm", "b", exact("USD", 12 * M), None),
    ("Series A, $3mn", "a", exact("USD", 3 * M), None),
    ("Series B, 2 million euros", "b", exact("EUR", 2 * M), None),
    ("Series A, 5 million dollars", "a", exact("USD", 5 * M), None),
    ("Series B, 10 million us dollars", "b", exact("USD", 10 * M), None),
    ("Series B, 300 million renminbi", "b", exact("CNY", 300 * M), None),
    ("Pre-seed, $750K, 15 Jun 2023", "pre_seed", exact("USD", 750 * K), Dy(2023, 6, 15)),
    ("Series A, $12M, 31/12/2023", "a", exact("USD", 12 * M), Dy(2023, 12, 31)),
    ("Series B, $25M, 12/31/2023", "b", exact("USD", 25 * M), Dy(2023, 12, 31)),
    ("Angel round, $1M", "angel", exact("USD", M), None),
    ("Seed round, $2M, March 15, 2024", "seed", exact("USD", 2 * M), Dy(2024, 3, 15)),
    ("Pre-Series A, $3M", "pre_a", exact("USD", 3 * M), None),
    ("Series A+, $15M", "a_plus", exact("USD", 15 * M), None),
    ("Series B+, $40M", "b_plus", exact("USD", 40 * M), None),
    ("Strategic investment, $50M", "strategic", exact("USD", 50 * M), None),
    ("Private equity, $500M", "private_equity", exact("USD", 500 * M), None),
    ("Convertible note, $2M", "convertible", exact("USD", 2 * M), None),
    ("Debt financing $5M", "debt", exact("USD", 5 * M), None),
    ("Venture round, $10M", "series_unknown", exact("USD", 10 * M), None),
    ("Secondary sale, $100M", "secondary", exact("USD", 100 * M), None),
    ("Acquisition, $1.2B", "m_and_a", exact("USD", F("1.2") * B), None),
    ("Grant €500K", "grant", exact("EUR", 500 * K), None),
    ("IPO, $1.5 billion, 2024", "ipo", exact("USD", F("1.5") * B), Yr(2024)),
    ("Post-IPO equity, $200M", "post_ipo", exact("USD", 200 * M), None),
    ("Series E, $300 million, Jun 2023", "e", exact("USD", 300 * M), Mo(2023, 6)),
    ("Series F funding $500M", "f", exact("USD", 500 * M), None),
    ("SERIES B $25M", "b", exact("USD", 25 * M), None),
    ("series-b 25 million usd", "b", exact("USD", 25 * M), None),
    ("Series B; 15 Jun 2023; $25M", "b", exact("USD", 25 * M), Dy(2023, 6, 15)),
    ("2022，Pre-A，$12M", "pre_a", exact("USD", 12 * M), Yr(2022)),
    ("Series D+ $300M", "d_plus", exact("USD", 300 * M), None),
    ("Corporate round, $50M", "strategic", exact("USD", 50 * M), None),
    ("Angel, $500K", "angel", exact("USD", 500 * K), None),
    ("Series A (US$5M)", "a", exact("USD", 5 * M), None),
    ("Series A, $5M USD", "a", exact("USD", 5 * M), None),
    ("Series B, ~$25M", "b", about("USD", 25 * M), None),
    ("Series A, June 15, 2024", "a", NONE, Dy(2024, 6, 15)),
    ("Series C, $10M and above", "c", atleast("USD", 10 * M), None),
    ("Series A funding amount $6M", "a", exact("USD", 6 * M), None),
    ("raises $10-20 million Series A", "a", rng("USD", 10 * M, 20 * M), None),
    ("Series B, almost $5M", "b", nearly("USD", 5 * M), None),
    ("Series A, close to $10M", "a", nearly("USD", 10 * M), None),
    ("Series B, above $20M", "b", over("USD", 20 * M), None),
    ("Series A, around $8M", "a", about("USD", 8 * M), None),
    ("Series A, approximately $12M", "a", about("USD", 12 * M), None),
    ("A 5000万元 2023-06", "a", exact("CNY", 5000 * WAN), Mo(2023, 6)),
    ("2023-06 A 5000万元", "a", exact("CNY", 5000 * WAN), Mo(2023, 6)),

    # --- registers, vendor exports, canonical output read back ---
    ("B轮 近2亿元 2023-06", "b", nearly("CNY", 2 * YI), Mo(2023, 6)),
    ("Pre-A轮｜近亿元｜2022年3月", "pre_a", nearly("CNY", YI), Mo(2022, 3)),
    ("天使轮 数百万人民币", "angel", several("CNY", 100 * WAN), None),
    ("战略投资 未披露", "strategic", NONE, None),
    ("拨投结合 3000万元", "grant_to_equity", exact("CNY", 3000 * WAN), None),
    ("亿元及以上美元 D轮", "d", atleast("USD", YI), None),
    ("A轮 2023", "a", NONE, Yr(2023)),
    ("b CNY 2023", "b", exact("CNY", 2023), None),
    ("b CNY 160000000-200000000 2023-06", "b", rng("CNY", 160000000, 200000000), Mo(2023, 6)),
    ("angel CNY 1000000-10000000 ~3000000", "angel", several("CNY", 100 * WAN), None),
    ("strategic undisclosed 2023-06", "strategic", NONE, Mo(2023, 6)),
    ("strategic USD undisclosed", "strategic", cur_only("USD"), None),
    ("undisclosed undisclosed", "undisclosed", NONE, None),
    ("undisclosed", "undisclosed", NONE, None),
    ("undisclosed CNY 30000000 2021", "undisclosed", exact("CNY", 30000000), Yr(2021)),
    ("undisclosed USD 100000000+", "undisclosed", atleast("USD", 100000000), None),
    ("a CNY 100 2022-03", "a", exact("CNY", 100), Mo(2022, 3)),
    ("b USD 1+", "b", atleast("USD", 1), None),
    ("3000万元", "undisclosed", exact("CNY", 3000 * WAN), None),
    ("轮次未披露 5000万元", "undisclosed", exact("CNY", 5000 * WAN), None),
    ("未披露轮次 数亿元", "undisclosed", several("CNY", YI), None),
    ("IPO 2024-03-15", "ipo", NONE, Dy(2024, 3, 15)),
    ("种子轮 数十万", "seed", several("CNY", 10 * WAN), None),
    ("天使+轮 数百万", "angel_plus", several("CNY", 100 * WAN), None),
    ("战略融资 数千万美元 2022年", "strategic", several("USD", 1000 * WAN), Yr(2022)),
    ("老股转让 数亿元", "secondary", several("CNY", YI), None),
    ("拨-投-股 3000万元", "grant_to_equity", exact("CNY", 3000 * WAN), None),
    ("先投后股 1000万", "grant_to_equity", exact("CNY", 1000 * WAN), None),
    ("立项拨款 200万元 2023年", "grant", exact("CNY", 200 * WAN), Yr(2023)),
    ("苏科贷 500万元", "loan", exact("CNY", 500 * WAN), None),
    ("M&A undisclosed 2020", "m_and_a", NONE, Yr(2020)),
    ("并购 未披露 2019年", "m_and_a", NONE, Yr(2019)),
    ("私有化 10亿美元", "buyout", exact("USD", 10 * YI), None),
    ("可转债 1亿", "convertible", exact("CNY", YI), None),
    ("PE轮 5亿", "private_equity", exact("CNY", 5 * YI), None),
    ("Pre-IPO轮 10亿元", "pre_ipo", exact("CNY", 10 * YI), None),
    ("定增 20亿元 2023", "post_ipo", exact("CNY", 20 * YI), Yr(2023)),
    ("VC轮 1亿", "series_unknown", exact("CNY", YI), None),
    ("B轮融资", "b", NONE, None),
    ("近1.01元", "undisclosed", nearly("CNY", F("1.01")), None),
    ("约1.01元", "undisclosed", about("CNY", F("1.01")), None),
    ("近15日元", "undisclosed", nearly("JPY", 15), None),
    ("约15日元", "undisclosed", about("JPY", 15), None),
    ("1亿日元", "undisclosed", exact("JPY", YI), None),
    ("¥1,234.56", "undisclosed", exact("CNY", F("1234.56")), None),
    ("上亿元", "undisclosed", over("CNY", YI), None),
    ("将近5000万", "undisclosed", nearly("CNY", 5000 * WAN), None),
    ("超过3亿元", "undisclosed", over("CNY", 3 * YI), None),
    ("大约800万美元", "undisclosed", about("USD", 800 * WAN), None),
    ("百万级", "undisclosed", several("CNY", 100 * WAN), None),
    ("$5M or more", "undisclosed", atleast("USD", 5 * M), None),
    ("1000万及以上", "undisclosed", atleast("CNY", 1000 * WAN), None),
    ("2023年6月15日 A轮", "a", NONE, Dy(2023, 6, 15)),
    ("2023年6月15号 A轮", "a", NONE, Dy(2023, 6, 15)),
    ("A轮 2023.06.15", "a", NONE, Dy(2023, 6, 15)),
    ("A轮 2023/06", "a", NONE, Mo(2023, 6)),
    ("B轮 13/06/2023", "b", NONE, Dy(2023, 6, 13)),
    ("B轮 06/13/2023", "b", NONE, Dy(2023, 6, 13)),
    ("C轮 1/31/2024", "c", NONE, Dy(2024, 1, 31)),
    ("C轮 31/1/2024", "c", NONE, Dy(2024, 1, 31)),
    ("A轮 1900年", "a", NONE, Yr(1900)),
    ("A轮 2199-12-31", "a", NONE, Dy(2199, 12, 31)),
    ("A轮 2024年2月29日", "a", NONE, Dy(2024, 2, 29)),
    ("B轮 10000000亿元", "b", exact("CNY", 10 ** 15), None),
    ("B轮 1000000000000000元", "b", exact("CNY", 10 ** 15), None),
    ("2022，B轮，2亿元", "b", exact("CNY", 2 * YI), Yr(2022)),
]

# ----------------------------------------------------------------------------
# Rejections: (text, category)
# ----------------------------------------------------------------------------

REJECT = [
    # empty, nothing but filler
    ("", "SYNTAX"), ("   ", "SYNTAX"), ("融资", "SYNTAX"), ("获得融资", "SYNTAX"), ("a round", "SYNTAX"),
    ("a undisclosed round", "SYNTAX"), ("a round undisclosed", "SYNTAX"),
    # 17 digits in minor units overflow on the fast path (found by fuzz_funding)
    ("a HKD 99999999999999999", "RANGE"), ("a HKD 9999999999999999.9", "RANGE"),
    ("人民币", "SYNTAX"), ("x" * 1200, "SYNTAX"),
    # a number that is not an amount: no currency and no magnitude, or a
    # letter/word magnitude with no currency and no 万/亿 (rule B)
    ("Series B 25M", "SYNTAX"), ("1.2B", "SYNTAX"), ("10-20 million", "SYNTAX"), ("several million", "SYNTAX"),
    ("eight figures", "SYNTAX"), ("seven figures", "SYNTAX"), ("200000000", "SYNTAX"), ("两千", "SYNTAX"),
    ("A轮 十", "SYNTAX"), ("12M", "SYNTAX"), ("B轮 500K", "SYNTAX"), ("1.2bn", "SYNTAX"),
    ("tens of millions", "SYNTAX"), ("B轮 35000", "SYNTAX"), ("Series A 5 million", "SYNTAX"),
    ("B轮 ~ 2023", "SYNTAX"), ("B轮 约3000", "SYNTAX"), ("Series B, 25 million, 2023-06", "SYNTAX"),
    # a letter magnitude must touch the number
    ("B轮 12 m", "SYNTAX"), ("Series A $12 M", "SYNTAX"), ("Series B $1.2 bn", "SYNTAX"),
    # counts of rounds
    ("两轮融资", "SYNTAX"), ("三轮融资", "SYNTAX"), ("获得两轮融资", "SYNTAX"), ("two rounds", "SYNTAX"),
    ("2 rounds", "SYNTAX"), ("多轮融资", "SYNTAX"), ("完成两轮融资共计5亿元", "SYNTAX"),
    ("raised two rounds of funding", "SYNTAX"), ("2 rounds $10M", "SYNTAX"),
    # a minus sign
    ("A轮 -5000万", "SYNTAX"), ("Series B -$25M", "SYNTAX"), ("B轮 -2亿元", "SYNTAX"), ("-3000万元", "SYNTAX"),
    ("Series A, -$5M", "SYNTAX"),
    # two currencies that disagree
    ("A轮 5000万元 USD", "SYNTAX"), ("美元 人民币 5000万", "SYNTAX"), ("$5M 人民币", "SYNTAX"),
    ("¥5000万美元", "SYNTAX"), ("5000万元美元", "SYNTAX"), ("HK$5M USD", "SYNTAX"), ("US$5M 港元", "SYNTAX"),
    ("€20m 美元", "SYNTAX"), ("2亿日元 USD", "SYNTAX"), ("B轮 2亿元 EUR", "SYNTAX"),
    # a bare magnitude with no qualifier and no kind directly after it
    ("亿元", "SYNTAX"), ("千万", "SYNTAX"), ("B轮 亿元", "SYNTAX"), ("万元", "SYNTAX"), ("百万", "SYNTAX"),
    ("亿美元", "SYNTAX"), ("A轮 千万元 2023", "SYNTAX"),
    # the English article
    ("A $10M", "SYNTAX"), ("a $5M", "SYNTAX"),
    # misspellings and unknown words
    ("Seires A 2亿", "SYNTAX"), ("Angle round $1M", "SYNTAX"), ("B伦 2亿", "SYNTAX"), ("seeed 2亿", "SYNTAX"),
    ("Sereis B $25M", "SYNTAX"), ("Pre-AA轮", "SYNTAX"), ("Serise C", "SYNTAX"), ("天便轮 100万元", "SYNTAX"),
    ("Seed rond $1M", "SYNTAX"), ("Series B fundign $5M", "SYNTAX"), ("hightec", "SYNTAX"),
    ("Series Z", "SYNTAX"), ("B轮 abc", "SYNTAX"), ("A++轮", "SYNTAX"), ("Pre-A+轮", "SYNTAX"),
    ("Acme raises $5M Series A", "SYNTAX"), ("某公司完成A轮融资", "SYNTAX"), ("B轮 2亿 由红杉领投", "SYNTAX"),
    ("Series A led by Sequoia $10M", "SYNTAX"), ("B轮 2亿元 估值", "SYNTAX"), ("B轮 #2亿", "SYNTAX"),
    ("B轮 1e8", "SYNTAX"), ("完成Pre-A+轮融资", "SYNTAX"), ("Series B $25M yesterday", "SYNTAX"),
    ("B轮 2亿元 2023-06 据悉", "SYNTAX"),
    # two kinds
    ("B轮 A轮", "SYNTAX"), ("Series A, Series B", "SYNTAX"), ("A轮 A+轮 5000万元", "SYNTAX"),
    ("天使轮 种子轮", "SYNTAX"), ("战略投资 B轮 1亿", "SYNTAX"), ("Series B Series C $50M", "SYNTAX"),
    ("IPO 定增 10亿元", "SYNTAX"), ("Series B, $25M, 2023-06-15, Series C", "SYNTAX"),
    ("获得近2亿元B轮融资 C轮", "SYNTAX"), ("a Series A of $5M Series B", "SYNTAX"),
    # two amounts
    ("2亿 3000万", "SYNTAX"), ("B轮 2亿 $3M", "SYNTAX"), ("B轮，2亿元，3亿元", "SYNTAX"),
    ("Series A $5M $10M", "SYNTAX"), ("B轮 2亿 未披露", "SYNTAX"), ("undisclosed undisclosed undisclosed", "SYNTAX"),
    ("获得近2亿元B轮融资，共计3亿元", "SYNTAX"),
    # two dates
    ("2023-06 2024", "SYNTAX"), ("B轮 2023年 2024年", "SYNTAX"), ("B轮 2023-06-15｜2023-07-01", "SYNTAX"),
    ("Series A, Jun 2023, 15 Jun 2023", "SYNTAX"),
    # dates that are not dates, or not one date
    ("B轮 05/06/2023", "SYNTAX"), ("B轮 1/2/2023", "SYNTAX"), ("Series A, $5M, 11/10/2022", "SYNTAX"),
    ("B轮 31/02/2023", "SYNTAX"), ("B轮 13/13/2023", "SYNTAX"), ("2023年13月", "SYNTAX"), ("2024-02-30", "SYNTAX"),
    ("2023-13", "SYNTAX"), ("2023-02-29", "SYNTAX"), ("A轮 2023年2月30日", "SYNTAX"),
    # years outside 1900..2199
    ("B轮 1899年", "RANGE"), ("B轮 2300年", "RANGE"), ("B轮 2200-01-01", "RANGE"), ("A轮 1899-12", "RANGE"),
    ("Series A, $5M, Jun 2200", "RANGE"), ("B轮 31/12/2200", "RANGE"), ("B轮 2200年6月", "RANGE"),
    # amounts beyond 10^15 currency units
    ("B轮 10000000000亿", "RANGE"), ("B轮 10000001亿元", "RANGE"), ("B轮 1000000000000001元", "RANGE"),
    ("$1000001 billion", "RANGE"), ("10000000000000000元", "RANGE"), ("100000000000000001日元", "RANGE"),
    # zero amounts
    ("B轮 0元", "SYNTAX"), ("$0", "SYNTAX"), ("A轮 0万元", "SYNTAX"), ("0亿元", "SYNTAX"),
    ("Series A $0M", "SYNTAX"), ("B轮 0.00元", "SYNTAX"),
    # decimals finer than the currency
    ("B轮 1.005元", "SYNTAX"), ("1.5日元", "SYNTAX"), ("1.5韩元", "SYNTAX"), ("$1.001", "SYNTAX"),
    ("1.001美元", "SYNTAX"), ("¥0.001", "SYNTAX"),
    # qualifiers
    ("近", "SYNTAX"), ("数3000万", "SYNTAX"), ("约5000万左右", "SYNTAX"), ("近3000多万", "SYNTAX"),
    ("5000万-3000万", "SYNTAX"), ("angel CNY 1000000-10000000 ~30000000", "SYNTAX"),
]

# amounts that break rule B, for the combined rejections
BAD_AMOUNTS = ["25M", "1.2B", "10-20 million", "several million", "eight figures", "seven figures",
               "200000000", "500K", "1.2bn", "tens of millions", "两千", "十", "35000", "12M",
               "-5000万", "-$25M", "0元", "1.005元", "亿元", "千万"]


# every English word an accepted text may contain: the vocabulary (kinds,
# currencies, magnitudes, qualifiers, months, undisclosed) and the fillers
ENGLISH_WORDS = set("""
    raises raised raise closes closed secures secured completes completed announces announced lands
    landed receives received an the of in its round funding financing investment amount a
    series seed pre angel plus ipo post equity strategic corporate venture private pe secondary sale
    acquisition buyout mbo grant convertible note loan bank debt vc b c d e f g h
    k m mm mn bn thousand million millions billion
    usd cny eur hk nt s us rmb yuan renminbi dollars euros
    nearly almost close to about around approximately over more than above several tens or and
    undisclosed jun june march
""".split())


def lint(texts):
    bad = sorted({w for t in texts for w in re.findall(r"[a-z]+", t.lower()) if w not in ENGLISH_WORDS})
    if bad:
        sys.exit("accepted texts use words outside the vocabulary: %s" % bad)


def c_str(s):
    out = '"'
    for ch in s:
        if ch in '"\\':
            out += "\\" + ch
        else:
            out += ch
    return out + '"'


def c_case(text, kind, amount, date):
    if amount is None:
        cur, lo, pt, hi, op, disc = "", 0, 0, 0, False, False
    else:
        cur, lo, pt, hi, op, disc = amount
    hi_c = "INNO_FR_OPEN_HIGH" if hi == OPEN else "INT64_C(%d)" % hi
    d = '"", 0, 0, 0' if date is None else '"%s", %d, %d, %d' % date
    return "\t{%s, \"%s\", \"%s\", %s, INT64_C(%d), INT64_C(%d), %s, %s, %s}," % (
        c_str(text), kind, cur, "true" if disc else "false", lo, pt, hi_c, "true" if op else "false", d)


# ----------------------------------------------------------------------------
# Combinations
# ----------------------------------------------------------------------------

CN_MAGNITUDE_START = re.compile(r"^[亿億万萬千百十元]")


def _join_ok(left, sep, right):
    """May these two parts stand next to each other with this separator
    without a second reading?  Kept conservative: when a part ending in a
    digit meets a part starting with a digit or a magnitude, only separators
    that cannot continue a number are used."""
    l_digit = left[-1:].isdigit() or left[-1:] in "０１２３４５６７８９"
    r_digit = right[:1].isdigit() or right[:1] in "０１２３４５６７８９"
    if l_digit and CN_MAGNITUDE_START.match(right):
        return sep.strip() != ""        # "2023 亿元级" could read as 2023亿元级
    if l_digit and r_digit:
        return sep not in ("，", " - ")  # "30000000，2022" / "2022 - 2亿" could read as one number or a range
    return True


def combos(target):
    out = []
    seen = set()
    nk, na, nd, ns, no = len(KINDS), len(AMOUNTS), len(DATES), len(SEPS), len(ORDERS)
    i = 0
    while len(out) < target:
        ktext, kind = KINDS[i % nk]
        atext, amount = AMOUNTS[(i * 7 + i // nk) % na]
        dtext, date = DATES[(i * 3 + i // na) % nd]
        sep = SEPS[(i + i // ns) % ns]
        order = ORDERS[(i + i // (ns * no)) % no]
        i += 1
        if i > 100000:
            raise RuntimeError("cannot make enough combinations")
        if atext == "undisclosed":
            if kind == "undisclosed":
                continue                # which one fills the kind is not what this tests
            if order.index("k") > order.index("a"):
                order = "kad"           # the word fills the kind when it comes first
        parts = {"k": ktext, "a": atext, "d": dtext}
        seq = [parts[c] for c in order if parts[c]]
        if any(not _join_ok(seq[j], sep, seq[j + 1]) for j in range(len(seq) - 1)):
            continue
        text = sep.join(seq)
        if text in seen:
            continue
        seen.add(text)
        out.append((text, kind, amount, date))
    return out


def reject_combos():
    out = []
    ck = ["B轮", "Series A", "天使轮", "Pre-A轮", "C轮", "Series B", "战略投资", "种子轮", "IPO", "定增"]
    cd = ["2023-06", "2023年6月", "Jun 2023", "2023-06-15", "2022年"]
    cs = ["、", "｜", "; ", ", ", " | "]
    # an amount that breaks rule B, after a kind, before a date (so no bare
    # magnitude is followed by a kind, and no year precedes a magnitude)
    for j, a in enumerate(BAD_AMOUNTS):
        out.append((cs[j % len(cs)].join([ck[j % len(ck)], a, cd[j % len(cd)]]), "SYNTAX"))
    # two kinds (with different labels)
    pairs = [("B轮", "C轮"), ("Series A", "Series B"), ("天使轮", "A轮"), ("种子轮", "Pre-A轮"), ("战略投资", "Pre-IPO轮"),
             ("IPO", "并购"), ("可转债", "PE轮"), ("Seed round", "Series A+"), ("定增", "私有化"), ("拨投结合", "苏科贷")]
    amts = ["2亿", "$12M", "3000万元", "近亿元", "数千万美元", "€20m", "1-2亿", "超千万", "5000万港元", "$5M or more"]
    for j, (k1, k2) in enumerate(pairs):
        out.append((cs[j % len(cs)].join([k1, amts[j], k2]), "SYNTAX"))
    # two amounts
    apairs = [("2亿", "3000万元"), ("$12M", "$5M"), ("近亿元", "数千万"), ("1-2亿", "5亿元"), ("€20m", "800万欧元"),
              ("超千万", "2亿"), ("USD 25 million", "$30M"), ("千万级", "3000万元")]
    for j, (a1, a2) in enumerate(apairs):
        out.append((cs[j % len(cs)].join([ck[j], a1, a2]), "SYNTAX"))
    # two dates
    dpairs = [("2023-06", "2024-01"), ("2023年", "2022年6月"), ("Jun 2023", "2023-06-15"), ("2021/5/20", "2022")]
    for j, (d1, d2) in enumerate(dpairs):
        out.append((cs[j % len(cs)].join([ck[j], "2亿元", d1, d2]), "SYNTAX"))
    # two currencies that disagree
    cpairs = [("5000万元", "USD"), ("$5M", "人民币"), ("€20m", "USD"), ("2亿日元", "美元"), ("HK$1.2 billion", "CNY"),
              ("500万英镑", "EUR")]
    for j, (a, c) in enumerate(cpairs):
        out.append((cs[j % len(cs)].join([ck[j], a, c]), "SYNTAX"))
    return out


def main():
    n_comb = 400
    comb = combos(n_comb)
    rej = REJECT + reject_combos()
    texts = [h[0] for h in HAND] + [c[0] for c in comb]
    lint(texts)
    dup = {t for t in texts if texts.count(t) > 1}
    if dup:
        sys.exit("duplicate accepted texts: %s" % sorted(dup))
    rtexts = [r[0] for r in rej]
    rdup = {t for t in rtexts if rtexts.count(t) > 1}
    if rdup or set(rtexts) & set(texts):
        sys.exit("duplicate or contradictory rejected texts: %s" % sorted(rdup | (set(rtexts) & set(texts))))

    print("/* Generated by test/unit/gen_funding_corpus.py: do not edit by hand. */")
    print("/* text, kind, currency, disclosed, low, point, high, open, precision, y, m, d */")
    print("static const CorpusCase corpus[] = {")
    print("\t/* hand-written: headlines, registers, vendor exports, canonical output */")
    for text, kind, amount, date in HAND:
        print(c_case(text, kind, amount, date))
    print("\t/* combinations: kind phrase x amount phrase x date x separator x order */")
    for text, kind, amount, date in comb:
        print(c_case(text, kind, amount, date))
    print("};")
    print()
    print("static const RejectCase rejects[] = {")
    for text, cat in rej:
        print("\t{%s, INNO_ERR_%s}," % (c_str(text), cat))
    print("};")
    print("/* %d accepted (%d hand-written, %d combined), %d rejected */" % (
        len(HAND) + len(comb), len(HAND), len(comb), len(rej)))


if __name__ == "__main__":
    main()
