#!/usr/bin/env python3
"""Write test/unit/funding_corpus.inc: funding strings with their expected values.

Three parts:
  - hand-written strings as they appear in news, vendor exports and registers;
  - combinations of hand-specified parts (kind phrase, amount phrase, date
    form) in varied orders and with varied separators, whose expected value
    follows from the parts' meanings written below (independently of the C
    parser);
  - strings that must be rejected, with the error category.

Amounts below are in major currency units; the corpus stores minor units.
Run: python3 test/unit/gen_funding_corpus.py > test/unit/funding_corpus.inc
"""

MINOR = {"CNY": 2, "USD": 2, "HKD": 2, "EUR": 2, "TWD": 2, "GBP": 2, "SGD": 2, "JPY": 0}

# kind phrase -> canonical label
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
]

# amount phrase -> (currency, low, point, high, open); None = undisclosed
AMOUNTS = [
    ("2亿", ("CNY", 2e8, 2e8, 2e8, False)),
    ("1.5亿元", ("CNY", 1.5e8, 1.5e8, 1.5e8, False)),
    ("3000万元", ("CNY", 3e7, 3e7, 3e7, False)),
    ("1亿2000万元", ("CNY", 1.2e8, 1.2e8, 1.2e8, False)),
    ("两千万", ("CNY", 2e7, 2e7, 2e7, False)),
    ("200000000", ("CNY", 2e8, 2e8, 2e8, False)),
    ("¥800万", ("CNY", 8e6, 8e6, 8e6, False)),
    ("1,000万", ("CNY", 1e7, 1e7, 1e7, False)),
    ("１亿", ("CNY", 1e8, 1e8, 1e8, False)),
    ("3000萬", ("CNY", 3e7, 3e7, 3e7, False)),
    ("2億", ("CNY", 2e8, 2e8, 2e8, False)),
    ("$12M", ("USD", 1.2e7, 1.2e7, 1.2e7, False)),
    ("USD 25 million", ("USD", 2.5e7, 2.5e7, 2.5e7, False)),
    ("1.2B", ("CNY", 1.2e9, 1.2e9, 1.2e9, False)),
    ("€20m", ("EUR", 2e7, 2e7, 2e7, False)),
    ("HK$1.2 billion", ("HKD", 1.2e9, 1.2e9, 1.2e9, False)),
    ("50 million yuan", ("CNY", 5e7, 5e7, 5e7, False)),
    ("5000万-8000万元", ("CNY", 5e7, 6.5e7, 8e7, False)),
    ("1-2亿", ("CNY", 1e8, 1.5e8, 2e8, False)),
    ("1亿-1.5亿元", ("CNY", 1e8, 1.25e8, 1.5e8, False)),
    ("$10M-$20M", ("USD", 1e7, 1.5e7, 2e7, False)),
    ("10-20 million", ("CNY", 1e7, 1.5e7, 2e7, False)),
    ("5000万至8000万元", ("CNY", 5e7, 6.5e7, 8e7, False)),
    ("近2亿元", ("CNY", 1.6e8, 1.8e8, 2e8, False)),
    ("近亿元", ("CNY", 8e7, 9e7, 1e8, False)),
    ("近千万", ("CNY", 8e6, 9e6, 1e7, False)),
    ("超千万", ("CNY", 1e7, 1.5e7, 2e7, False)),
    ("逾亿", ("CNY", 1e8, 1.5e8, 2e8, False)),
    ("过亿元", ("CNY", 1e8, 1.5e8, 2e8, False)),
    ("超2亿", ("CNY", 2e8, 2.5e8, 3e8, False)),
    ("3000多万", ("CNY", 3e7, 3.5e7, 4e7, False)),
    ("1亿多元", ("CNY", 1e8, 1.5e8, 2e8, False)),
    ("500余万元", ("CNY", 5e6, 5.5e6, 6e6, False)),
    ("约5000万", ("CNY", 4.5e7, 5e7, 5.5e7, False)),
    ("5000万左右", ("CNY", 4.5e7, 5e7, 5.5e7, False)),
    ("数千万", ("CNY", 1e7, 3e7, 1e8, False)),
    ("数百万人民币", ("CNY", 1e6, 3e6, 1e7, False)),
    ("数十万", ("CNY", 1e5, 3e5, 1e6, False)),
    ("数亿元", ("CNY", 1e8, 3e8, 1e9, False)),
    ("数十亿元", ("CNY", 1e9, 3e9, 1e10, False)),
    ("几千万", ("CNY", 1e7, 3e7, 1e8, False)),
    ("千万级", ("CNY", 1e7, 3e7, 1e8, False)),
    ("亿元级", ("CNY", 1e8, 3e8, 1e9, False)),
    ("亿元及以上", ("CNY", 1e8, 1e8, None, True)),
    ("千万及以上", ("CNY", 1e7, 1e7, None, True)),
    ("$10M+", ("USD", 1e7, 1e7, None, True)),
    ("nearly $20M", ("USD", 1.6e7, 1.8e7, 2e7, False)),
    ("over 100 million yuan", ("CNY", 1e8, 1.5e8, 2e8, False)),
    ("about $5M", ("USD", 4.5e6, 5e6, 5.5e6, False)),
    ("several million", ("CNY", 1e6, 3e6, 1e7, False)),
    ("eight figures", ("CNY", 1e7, 3e7, 1e8, False)),
    ("seven figures", ("CNY", 1e6, 3e6, 1e7, False)),
    ("数千万美元", ("USD", 1e7, 3e7, 1e8, False)),
    ("亿元及以上美元", ("USD", 1e8, 1e8, None, True)),
    ("1.2亿美元", ("USD", 1.2e8, 1.2e8, 1.2e8, False)),
    ("500万美元", ("USD", 5e6, 5e6, 5e6, False)),
    ("数百万港元", ("HKD", 1e6, 3e6, 1e7, False)),
    ("3000万新台币", ("TWD", 3e7, 3e7, 3e7, False)),
    ("2亿日元", ("JPY", 2e8, 2e8, 2e8, False)),
    ("未披露", None),
    ("未透露", None),
    ("金额未知", None),
    ("不详", None),
    ("undisclosed", None),
    ("1.2bn", ("CNY", 1.2e9, 1.2e9, 1.2e9, False)),
    ("RMB 50 million", ("CNY", 5e7, 5e7, 5e7, False)),
    ("CNY 30000000", ("CNY", 3e7, 3e7, 3e7, False)),
    ("三千五百万", ("CNY", 3.5e7, 3.5e7, 3.5e7, False)),
    ("一亿二千万元", ("CNY", 1.2e8, 1.2e8, 1.2e8, False)),
    ("十亿元", ("CNY", 1e9, 1e9, 1e9, False)),
    ("5亿元人民币", ("CNY", 5e8, 5e8, 5e8, False)),
]

# date form -> (precision, year, month, day)
DATES = [
    ("", None), ("2023-06", ("month", 2023, 6, 1)), ("2023-06-15", ("day", 2023, 6, 15)),
    ("2023年6月", ("month", 2023, 6, 1)), ("2023年6月15日", ("day", 2023, 6, 15)),
    ("2022", ("year", 2022, 1, 1)), ("2022年", ("year", 2022, 1, 1)),
    ("2021/5/20", ("day", 2021, 5, 20)), ("2021.05", ("month", 2021, 5, 1)),
    ("Jun 2023", ("month", 2023, 6, 1)), ("March 15, 2024", ("day", 2024, 3, 15)),
    ("2024年1月", ("month", 2024, 1, 1)), ("2019-12-31", ("day", 2019, 12, 31)),
]

SEPS = [" ", ", ", "｜", " | ", "，", "、", "  "]
ORDERS = ["kad", "akd", "dka", "kda", "adk"]

# strings as they appear in headlines, exports and registers
HAND = [
    ("获得近2亿元B轮融资", "b", ("CNY", 1.6e8, 1.8e8, 2e8, False), None),
    ("宣布完成数千万元Pre-A轮融资", "pre_a", ("CNY", 1e7, 3e7, 1e8, False), None),
    ("完成1亿元A轮融资", "a", ("CNY", 1e8, 1e8, 1e8, False), None),
    ("获数百万美元天使轮投资", "angel", ("USD", 1e6, 3e6, 1e7, False), None),
    ("B轮 近2亿元 2023-06", "b", ("CNY", 1.6e8, 1.8e8, 2e8, False), ("month", 2023, 6, 1)),
    ("Series B, $25M, 2023-06-15", "b", ("USD", 2.5e7, 2.5e7, 2.5e7, False), ("day", 2023, 6, 15)),
    ("Pre-A轮｜近亿元｜2022年3月", "pre_a", ("CNY", 8e7, 9e7, 1e8, False), ("month", 2022, 3, 1)),
    ("天使轮 数百万人民币", "angel", ("CNY", 1e6, 3e6, 1e7, False), None),
    ("战略投资 未披露", "strategic", None, None),
    ("拨投结合 3000万元", "grant_to_equity", ("CNY", 3e7, 3e7, 3e7, False), None),
    ("Series A - $12M", "a", ("USD", 1.2e7, 1.2e7, 1.2e7, False), None),
    ("Seed round, $2M, 2021", "seed", ("USD", 2e6, 2e6, 2e6, False), ("year", 2021, 1, 1)),
    ("Series C, USD 100 million, March 15, 2024", "c", ("USD", 1e8, 1e8, 1e8, False), ("day", 2024, 3, 15)),
    ("C輪 近億元 2021年5月", "c", ("CNY", 8e7, 9e7, 1e8, False), ("month", 2021, 5, 1)),
    ("B轮-近2亿元", "b", ("CNY", 1.6e8, 1.8e8, 2e8, False), None),
    ("2023年6月 B轮 2亿元", "b", ("CNY", 2e8, 2e8, 2e8, False), ("month", 2023, 6, 1)),
    ("亿元及以上美元 D轮", "d", ("USD", 1e8, 1e8, None, True), None),
    ("A轮 2023", "a", None, ("year", 2023, 1, 1)),
    ("b CNY 2023", "b", ("CNY", 2023, 2023, 2023, False), None),
    ("b CNY 160000000-200000000 2023-06", "b", ("CNY", 1.6e8, 1.8e8, 2e8, False), ("month", 2023, 6, 1)),
    ("angel CNY 1000000-10000000 ~3000000", "angel", ("CNY", 1e6, 3e6, 1e7, False), None),
    ("strategic undisclosed 2023-06", "strategic", None, ("month", 2023, 6, 1)),
    ("strategic USD undisclosed", "strategic", ("USD", None, None, None, False), None),
    ("undisclosed undisclosed", "undisclosed", None, None),
    ("undisclosed", "undisclosed", None, None),
    ("undisclosed CNY 30000000 2021", "undisclosed", ("CNY", 3e7, 3e7, 3e7, False), ("year", 2021, 1, 1)),
    ("3000万元", "undisclosed", ("CNY", 3e7, 3e7, 3e7, False), None),
    ("轮次未披露 5000万元", "undisclosed", ("CNY", 5e7, 5e7, 5e7, False), None),
    ("未披露轮次 数亿元", "undisclosed", ("CNY", 1e8, 3e8, 1e9, False), None),
    ("Series D+ $300M", "d_plus", ("USD", 3e8, 3e8, 3e8, False), None),
    ("Grant €500K", "grant", ("EUR", 5e5, 5e5, 5e5, False), None),
    ("Debt financing $5M", "debt", ("USD", 5e6, 5e6, 5e6, False), None),
    ("Corporate round, $50M", "strategic", ("USD", 5e7, 5e7, 5e7, False), None),
    ("Angel, $500K", "angel", ("USD", 5e5, 5e5, 5e5, False), None),
    ("IPO 2024-03-15", "ipo", None, ("day", 2024, 3, 15)),
    ("种子轮 数十万", "seed", ("CNY", 1e5, 3e5, 1e6, False), None),
    ("天使+轮 数百万", "angel_plus", ("CNY", 1e6, 3e6, 1e7, False), None),
    ("战略融资 数千万美元 2022年", "strategic", ("USD", 1e7, 3e7, 1e8, False), ("year", 2022, 1, 1)),
    ("老股转让 数亿元", "secondary", ("CNY", 1e8, 3e8, 1e9, False), None),
    ("拨-投-股 3000万元", "grant_to_equity", ("CNY", 3e7, 3e7, 3e7, False), None),
    ("先投后股 1000万", "grant_to_equity", ("CNY", 1e7, 1e7, 1e7, False), None),
    ("立项拨款 200万元 2023年", "grant", ("CNY", 2e6, 2e6, 2e6, False), ("year", 2023, 1, 1)),
    ("苏科贷 500万元", "loan", ("CNY", 5e6, 5e6, 5e6, False), None),
    ("M&A undisclosed 2020", "m_and_a", None, ("year", 2020, 1, 1)),
    ("并购 未披露 2019年", "m_and_a", None, ("year", 2019, 1, 1)),
    ("私有化 10亿美元", "buyout", ("USD", 1e9, 1e9, 1e9, False), None),
    ("可转债 1亿", "convertible", ("CNY", 1e8, 1e8, 1e8, False), None),
    ("PE轮 5亿", "private_equity", ("CNY", 5e8, 5e8, 5e8, False), None),
    ("Pre-IPO轮 10亿元", "pre_ipo", ("CNY", 1e9, 1e9, 1e9, False), None),
    ("定增 20亿元 2023", "post_ipo", ("CNY", 2e9, 2e9, 2e9, False), ("year", 2023, 1, 1)),
    ("VC轮 1亿", "series_unknown", ("CNY", 1e8, 1e8, 1e8, False), None),
    ("B轮融资近2亿元", "b", ("CNY", 1.6e8, 1.8e8, 2e8, False), None),
    ("【B轮】近2亿元（2023年6月）", "b", ("CNY", 1.6e8, 1.8e8, 2e8, False), ("month", 2023, 6, 1)),
    ("“近2亿元”B轮", "b", ("CNY", 1.6e8, 1.8e8, 2e8, False), None),
    ("E轮　5亿元", "e", ("CNY", 5e8, 5e8, 5e8, False), None),
    ("Ｂ轮 ２亿元", "b", ("CNY", 2e8, 2e8, 2e8, False), None),
    ("SERIES B $25M", "b", ("USD", 2.5e7, 2.5e7, 2.5e7, False), None),
    ("series-b 25 million usd", "b", ("USD", 2.5e7, 2.5e7, 2.5e7, False), None),
    ("Series B; 15 Jun 2023; $25M", "b", ("USD", 2.5e7, 2.5e7, 2.5e7, False), ("day", 2023, 6, 15)),
    ("近1.01元", "undisclosed", ("CNY", 0.81, 0.9, 1.01, False), None),
    ("1亿日元", "undisclosed", ("JPY", 1e8, 1e8, 1e8, False), None),
    ("¥1,234.56", "undisclosed", ("CNY", 1234.56, 1234.56, 1234.56, False), None),
    ("3000万—5000万元", "undisclosed", ("CNY", 3e7, 4e7, 5e7, False), None),
    ("1000万~2000万", "undisclosed", ("CNY", 1e7, 1.5e7, 2e7, False), None),
    ("上亿元", "undisclosed", ("CNY", 1e8, 1.5e8, 2e8, False), None),
    ("将近5000万", "undisclosed", ("CNY", 4e7, 4.5e7, 5e7, False), None),
    ("超过3亿元", "undisclosed", ("CNY", 3e8, 3.5e8, 4e8, False), None),
    ("大约800万美元", "undisclosed", ("USD", 7.2e6, 8e6, 8.8e6, False), None),
    ("百万级", "undisclosed", ("CNY", 1e6, 3e6, 1e7, False), None),
    ("several hundred thousand dollars", "undisclosed", ("USD", 1e5, 3e5, 1e6, False), None),
    ("tens of millions", "undisclosed", ("CNY", 1e7, 3e7, 1e8, False), None),
    ("$5M or more", "undisclosed", ("USD", 5e6, 5e6, None, True), None),
    ("1000万及以上", "undisclosed", ("CNY", 1e7, 1e7, None, True), None),
    ("2023年6月15日 A轮", "a", None, ("day", 2023, 6, 15)),
    ("2023年6月15号 A轮", "a", None, ("day", 2023, 6, 15)),
    ("A轮 2023.06.15", "a", None, ("day", 2023, 6, 15)),
    ("B轮融资", "b", None, None),
    ("B轮 ~ 2023", "b", ("CNY", 1820.7, 2023, 2225.3, False), None),
    ("2022，Pre-A，$12M", "pre_a", ("USD", 1.2e7, 1.2e7, 1.2e7, False), ("year", 2022, 1, 1)),
]

# strings that must be rejected: (text, category)
REJECT = [
    ("", "SYNTAX"), ("   ", "SYNTAX"), ("B轮 A轮", "SYNTAX"), ("Series A, Series B", "SYNTAX"),
    ("2亿 3000万", "SYNTAX"), ("B轮 2亿 $3M", "SYNTAX"), ("2023-06 2024", "SYNTAX"),
    ("B轮 2023年 2024年", "SYNTAX"), ("美元 人民币 5000万", "SYNTAX"), ("$5M 人民币", "SYNTAX"),
    ("hightec", "SYNTAX"), ("Series Z", "SYNTAX"), ("B轮 abc", "SYNTAX"), ("A++轮", "SYNTAX"),
    ("B轮 0元", "SYNTAX"), ("B轮 1.005元", "SYNTAX"), ("1.5日元", "SYNTAX"), ("近", "SYNTAX"),
    ("数3000万", "SYNTAX"), ("约5000万左右", "SYNTAX"), ("近3000多万", "SYNTAX"),
    ("2023年13月", "SYNTAX"), ("2024-02-30", "SYNTAX"), ("2023-13", "SYNTAX"),
    ("B轮 1899年", "RANGE"), ("B轮 2300年", "RANGE"), ("B轮 99999999亿亿", "RANGE"),
    ("B轮 10000000000亿", "RANGE"), ("angel CNY 1000000-10000000 ~30000000", "SYNTAX"),
    ("5000万-3000万", "SYNTAX"), ("亿元", "SYNTAX"), ("千万", "SYNTAX"),
("融资", "SYNTAX"), ("B轮 1e8", "SYNTAX"), ("B轮 #2亿", "SYNTAX"),
    ("Series B, $25M, 2023-06-15, Series C", "SYNTAX"), ("undisclosed undisclosed undisclosed", "SYNTAX"),
    ("B轮 2亿 未披露", "SYNTAX"), ("人民币", "SYNTAX"), ("B轮 12 m", "SYNTAX"), ("x" * 1200, "SYNTAX"),
]


def minor(cur, v):
    return int(round(v * 10 ** MINOR[cur]))


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
        cur, lo, pt, hi, op, disc = "", 0, 0, 0, "false", "false"
    elif amount[1] is None:
        cur, lo, pt, hi, op, disc = amount[0], 0, 0, 0, "false", "false"
    else:
        cur = amount[0]
        lo, pt = minor(cur, amount[1]), minor(cur, amount[2])
        hi = "INNO_FR_OPEN_HIGH" if amount[4] else minor(cur, amount[3])
        op, disc = ("true" if amount[4] else "false"), "true"
    if date is None:
        d = '"", 0, 0, 0'
    else:
        d = '"%s", %d, %d, %d' % date
    return "\t{%s, \"%s\", \"%s\", %s, INT64_C(%s), INT64_C(%s), %s, %s, %s}," % (
        c_str(text), kind, cur, disc, lo, pt, hi if isinstance(hi, str) else "INT64_C(%d)" % hi, op, d)


def main():
    print("/* Generated by test/unit/gen_funding_corpus.py: do not edit by hand. */")
    print("/* text, kind, currency, disclosed, low, point, high, open, precision, y, m, d */")
    print("static const CorpusCase corpus[] = {")
    n = 0
    for text, kind, amount, date in HAND:
        print(c_case(text, kind, amount, date))
        n += 1
    for i in range(260):
        ktext, kind = KINDS[i % len(KINDS)]
        atext, amount = AMOUNTS[(i * 7) % len(AMOUNTS)]
        dtext, date = DATES[(i * 3) % len(DATES)]
        sep = SEPS[i % len(SEPS)]
        order = ORDERS[i % len(ORDERS)]
        if atext == "undisclosed":
            order = "kad"  # the word fills the kind when it comes first
        parts = {"k": ktext, "a": atext, "d": dtext}
        text = sep.join(parts[c] for c in order if parts[c])
        print(c_case(text, kind, amount, date))
        n += 1
    print("};")
    print()
    print("static const RejectCase rejects[] = {")
    for text, cat in REJECT:
        print("\t{%s, INNO_ERR_%s}," % (c_str(text), cat))
    print("};")
    print("/* %d accepted, %d rejected */" % (n, len(REJECT)))


if __name__ == "__main__":
    main()
