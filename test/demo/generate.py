#!/usr/bin/env python3
"""Generate the demo data set: test/demo/data/*.csv.

The rows imitate what a city science bureau receives: a project register, stage
milestones as the source documents word them, funding rounds as the original
announcement text, taxable sales per period, enclave incubators, industry-
university-research (IUR) cooperation projects, and designations: the
provincial lists city-wide and the register's honours (高企, 专精特新, 小巨人).

The data are deterministic (a fixed seed and Python's documented Mersenne
Twister; no hash ordering), and calibrated so that the SQL in
test/demo/report.sql computes every exact figure of the seed article
(../shared/seed-facts.md) from the raw rows.  Nothing in the CSV files is an
answer: the generator picks which rows cross a threshold, the report counts
them.  The CSV files are committed; `make test` checks that this script
reproduces them byte for byte (`generate.py --check`).

Every value the article does not give is an assumption; doc/tutorial.md lists
them.
"""

import csv
import datetime as dt
import io
import os
import random
import sys

SEED = 20241125
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data")

rng = random.Random(SEED)
D = dt.date

# ---------------------------------------------------------------- places

# district key, Chinese name, [(park key, Chinese name)]
DISTRICTS = [
    ("chongchuan", "崇川区", [
        ("baoyue_lake", "市北高新区宝月湖生命健康产业园"),
        ("innovation_district", "南通创新区"),
        ("zilang_tech_city", "紫琅科技城"),
    ]),
    ("etdz", "南通开发区", [
        ("etdz_materials", "开发区新材料产业园"),
        ("etdz_equipment", "开发区高端装备产业园"),
    ]),
    ("tongzhou", "通州区", [
        ("tongzhou_hitech", "通州高新区"),
        ("tongzhou_bay", "通州湾新能源产业园"),
    ]),
    ("haimen", "海门区", [
        ("haimen_bio", "海门生物医药科创园"),
        ("haimen_port", "海门港新区"),
    ]),
    ("rugao", "如皋市", [
        ("rugao_hushu", "如皋高新区沪苏科创产业园"),
        ("rugao_ev", "如皋新能源汽车产业园"),
    ]),
    ("haian", "海安市", [
        ("haian_hitech", "海安高新区"),
    ]),
    ("qidong", "启东市", [
        ("qidong_marine", "启东海工船舶产业园"),
        ("qidong_bio", "启东生命健康科技城"),
    ]),
    ("rudong", "如东县", [
        ("rudong_energy", "如东洋口港新能源产业园"),
    ]),
]

CLUSTERS = [
    ("marine", "船舶海工"),
    ("ict", "新一代信息技术"),
    ("equipment", "高端装备"),
    ("materials", "新材料"),
    ("energy", "新能源"),
    ("biomed", "生物医药"),
]
CLUSTER_WEIGHTS = [10, 26, 22, 17, 11, 14]

# parks that lean towards a cluster (others take any)
PARK_CLUSTER = {
    "baoyue_lake": "biomed", "haimen_bio": "biomed", "qidong_bio": "biomed",
    "etdz_materials": "materials", "etdz_equipment": "equipment",
    "tongzhou_bay": "energy", "rudong_energy": "energy", "rugao_ev": "energy",
    "qidong_marine": "marine", "haimen_port": "marine",
    "innovation_district": "ict", "zilang_tech_city": "ict",
}

TRACKS = [
    ("低空经济", "equipment"), ("深远海装备", "marine"), ("新型储能", "energy"),
    ("第三代半导体", "ict"), ("通用人工智能", "ict"), ("细胞和基因技术", "biomed"),
    ("合成生物", "biomed"),
]

INCUBATORS = [
    ("sh_caohejing", "南通（上海）科创飞地·漕河泾", "上海", D(2019, 6, 18)),
    ("sh_zhangjiang", "南通（张江）离岸孵化器", "上海", D(2019, 11, 8)),
    ("sh_yangpu", "崇川（杨浦）创新飞地", "上海", D(2020, 4, 22)),
    ("sh_minhang", "如皋（大零号湾）沪苏科创中心", "上海", D(2020, 9, 1)),
    ("sh_jiading", "海门（嘉定）科创飞地", "上海", D(2021, 3, 15)),
    ("sh_songjiang", "通州（松江）G60科创飞地", "上海", D(2021, 5, 20)),
    ("sh_baoshan", "启东（宝山）科技成果转化中心", "上海", D(2021, 9, 9)),
    ("sh_lingang", "南通开发区（临港）创新飞地", "上海", D(2022, 3, 28)),
    ("sh_putuo", "海安（普陀）科创飞地", "上海", D(2022, 8, 16)),
    ("sz_sip", "南通（苏州工业园区）科创飞地", "苏州", D(2020, 7, 7)),
    ("sz_kunshan", "如东（昆山）科创飞地", "苏州", D(2021, 11, 11)),
    ("wx_xishan", "南通（无锡）离岸孵化器", "无锡", D(2022, 5, 5)),
    ("nj_jiangbei", "南通（南京江北新区）研发飞地", "南京", D(2022, 10, 18)),
    ("cz_wujin", "海门（常州）科创飞地", "常州", D(2023, 4, 12)),
]

# ---------------------------------------------------------------- helpers


def day_in(year, first_month=1, last_month=12):
    start = D(year, first_month, 1)
    end = D(year + (last_month == 12), last_month % 12 + 1, 1) - dt.timedelta(days=1)
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def clamp_date(d, lo, hi):
    return max(lo, min(hi, d))


AS_OF = D(2024, 10, 31)   # the data set's cut-off: the article appeared in November 2024

# How source documents word each stage (the parser reads them all).
STAGE_WORDS = {
    "concept": ["concept", "概念验证", "proof of concept", "POC"],
    "pilot": ["pilot", "中试", "工程化"],
    "incubating": ["incubating", "在孵", "孵化"],
    "registered": ["registered", "落户", "注册", "设立"],
    "producing": ["producing", "投产", "量产", "产业化"],
    "tech_sme": ["tech_sme", "科技型中小企业", "科技型中小企業"],
    "high_tech": ["high_tech", "高企", "高新技术企业", "High-Tech", "高新技術企業"],
    "above_scale": ["above_scale", "规上", "规模以上企业", "規上"],
    "gazelle": ["gazelle", "瞪羚企业"],
    "potential_unicorn": ["potential_unicorn", "潜在独角兽"],
    "unicorn": ["unicorn", "独角兽"],
}
LADDER = ["concept", "pilot", "incubating", "registered", "producing", "tech_sme",
          "high_tech", "above_scale", "gazelle", "potential_unicorn", "unicorn"]


def word(stage):
    return rng.choice(STAGE_WORDS[stage])


def fmt_month(d):
    return rng.choice([f"{d.year}年{d.month}月", f"{d.year}-{d.month:02d}",
                       f"{d.year}-{d.month:02d}-{d.day:02d}"])


def wan(n):
    """An amount of 万 (10^4 CNY), written the way announcements write it."""
    if n % 10000 == 0:
        return f"{n // 10000}亿元"
    if n >= 10000 and n % 1000 == 0:
        return f"{n / 10000:g}亿元"
    return f"{n}万元"


def write(name, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return name, buf.getvalue()

# ---------------------------------------------------------------- projects

COHORTS = {2021: 905, 2022: 1078, 2023: 1428}        # F1 3411, F8 1428
N_PROJECTS = sum(COHORTS.values())
N_MANUFACTURING = 2485                                  # F4
N_ENCLAVE = 143                                         # F12

# current stage of the 3,411 (F2: 209 at or beyond high_tech, F3: 66 beyond above_scale)
STAGE_COUNTS = {
    "concept": 38, "pilot": 86, "incubating": 312, "registered": 1004,
    "producing": 902, "tech_sme": 860, "high_tech": 143, "above_scale": 31,
    "gazelle": 25, "potential_unicorn": 8, "unicorn": 2,
}
assert sum(STAGE_COUNTS.values()) == N_PROJECTS
assert sum(v for k, v in STAGE_COUNTS.items() if LADDER.index(k) >= 6) == 209
assert sum(v for k, v in STAGE_COUNTS.items() if LADDER.index(k) >= 7) == 66

SYL = ("安 博 超 辰 创 达 丰 恒 弘 华 汇 佳 嘉 杰 晶 峻 凯 康 蓝 朗 力 联 灵 隆 迈 明 "
       "纳 鹏 启 擎 锐 瑞 森 盛 思 泰 腾 天 拓 微 维 新 鑫 星 旭 雅 易 翼 英 宇 元 远 "
       "源 跃 云 泽 哲 臻 智 卓 致 中 科 芯 海 光 澜 峰 润 立").split()
SUFFIX = {
    "marine": ["海洋工程", "船舶科技", "海工装备"],
    "ict": ["信息科技", "半导体", "智能科技", "微电子", "数据科技"],
    "equipment": ["智能装备", "精密机械", "机器人", "航空科技"],
    "materials": ["新材料", "材料科技", "高分子材料"],
    "energy": ["新能源", "储能科技", "氢能科技", "光伏科技"],
    "biomed": ["生物医药", "生物科技", "医疗器械", "基因科技"],
}

parks = [(p, pz, d) for d, dz, ps in DISTRICTS for p, pz in ps]
park_district = {p: d for p, pz, d in parks}

projects = []          # dicts
used_names = set()


def company_name(cluster):
    while True:
        n = rng.choice(SYL) + rng.choice(SYL)
        if n[0] == n[1]:
            continue
        form = rng.choice(["南通{}{}有限公司", "江苏{}{}有限公司", "{}{}（南通）有限公司"])
        name = form.format(n, rng.choice(SUFFIX[cluster]))
        if name not in used_names:
            used_names.add(name)
            return name


# the named firms of the article come first (ids 1-3)
NAMED = [
    dict(name="江苏青昀新材料有限公司", en="Qingyun New Materials", year=2021,
         park="etdz_materials", cluster="materials", manufacturing=True, track="",
         incubator="", stage="high_tech"),
    dict(name="修实生物医药（南通）有限公司", en="Xiushi Biopharma", year=2021,
         park="baoyue_lake", cluster="biomed", manufacturing=True, track="合成生物",
         incubator="", stage="high_tech"),
    dict(name="元始智能科技（南通）有限公司", en="Yuanshi Intelligence", year=2022,
         park="innovation_district", cluster="ict", manufacturing=False, track="通用人工智能",
         incubator="", stage="tech_sme"),
]
for n in NAMED:
    used_names.add(n["name"])

# stages: shuffle a bag, minus the named firms' stages
bag = []
for s, c in STAGE_COUNTS.items():
    bag += [s] * (c - sum(1 for n in NAMED if n["stage"] == s))
rng.shuffle(bag)

# cohorts: a bag too; the three named firms take their years
cohort_bag = []
for y, c in COHORTS.items():
    cohort_bag += [y] * (c - sum(1 for n in NAMED if n["year"] == y))
rng.shuffle(cohort_bag)

for i, n in enumerate(NAMED):
    projects.append(dict(id=i + 1, **n))

for k in range(N_PROJECTS - len(NAMED)):
    park, _, _ = rng.choice(parks)
    if park in PARK_CLUSTER and rng.random() < 0.6:
        cluster = PARK_CLUSTER[park]
    else:
        cluster = rng.choices([c for c, _ in CLUSTERS], CLUSTER_WEIGHTS)[0]
    track = ""
    cands = [t for t, c in TRACKS if c == cluster]
    if cands and rng.random() < 0.22:
        track = rng.choice(cands)
    projects.append(dict(id=len(projects) + 1, name=company_name(cluster), en="",
                         year=cohort_bag[k], park=park, cluster=cluster,
                         manufacturing=None, track=track, incubator="", stage=bag[k]))

# manufacturing: exactly 2,485 (F4); software-heavy clusters less often
rest = [p for p in projects if p["manufacturing"] is None]
need = N_MANUFACTURING - sum(1 for p in projects if p["manufacturing"])
weight = {"marine": 0.95, "equipment": 0.92, "materials": 0.9, "energy": 0.85,
          "biomed": 0.62, "ict": 0.45}
order = sorted(rest, key=lambda p: rng.random() / weight[p["cluster"]])
for j, p in enumerate(order):
    p["manufacturing"] = j < need

# enclave incubators: 143 projects (F12), recognized after the incubator opened,
# mostly still early; every incubator has at least one
early = [p for p in projects[3:] if LADDER.index(p["stage"]) <= LADDER.index("producing")]
rng.shuffle(early)
inc_cycle = [inc[0] for inc in INCUBATORS]
chosen = 0
for p in early:
    if chosen == N_ENCLAVE:
        break
    key = inc_cycle[chosen] if chosen < len(inc_cycle) else rng.choice(inc_cycle)
    opened = next(i[3] for i in INCUBATORS if i[0] == key)
    if opened.year > p["year"]:
        continue
    p["incubator"] = key
    chosen += 1
assert chosen == N_ENCLAVE

# ---------------------------------------------------------------- milestones

milestones = []        # (project_id, stage word, date)
reg_date = {}
ht_date = {}
stage_date = {}        # (id, stage) -> date


def years(x):
    return dt.timedelta(days=round(x * 365.25))


def add(pid, stage, d):
    milestones.append((pid, word(stage), d))
    stage_date[(pid, stage)] = d


def history(p):
    pid, stage, y = p["id"], p["stage"], p["year"]
    top = LADDER.index(stage)
    recog = day_in(y)
    if p["en"] == "Qingyun New Materials":
        add(pid, "registered", D(2021, 12, 20))
        add(pid, "producing", D(2022, 9, 28))
        add(pid, "tech_sme", D(2023, 5, 16))
        add(pid, "high_tech", D(2023, 11, 6))          # 686 days after registration
        return
    if p["en"] == "Xiushi Biopharma":
        add(pid, "registered", D(2020, 8, 12))
        add(pid, "producing", D(2022, 10, 9))
        add(pid, "tech_sme", D(2023, 3, 30))
        add(pid, "high_tech", D(2023, 12, 8))
        return
    if p["en"] == "Yuanshi Intelligence":
        add(pid, "registered", D(2022, 7, 19))
        add(pid, "tech_sme", D(2023, 6, 2))
        return
    if top < LADDER.index("registered"):
        d = clamp_date(recog, D(y, 1, 1), AS_OF)
        first = 0 if top == 0 else rng.choice(range(top + 1))
        for s in LADDER[first:top + 1]:
            add(pid, s, d)
            d = clamp_date(d + dt.timedelta(days=rng.randrange(60, 400)), d, AS_OF)
        return
    if top >= LADDER.index("high_tech"):
        # certified in the November/December batches; 5-8 years after
        # registration is typical (F14)
        if top >= LADDER.index("gazelle"):        # room for the later rungs
            ht_year = min(rng.choice([y - 1, y, y + 1]), 2022)
        elif top == LADDER.index("above_scale"):
            ht_year = min(rng.choice([y, y + 1]), 2023)
        else:
            ht_year = min(rng.choice([y, y + 1, y + 1, y + 2]), 2023)
        ht = day_in(ht_year, 11, 12)
        r = rng.random()
        if r < 0.14:
            span = rng.uniform(2.2, 4.9)
        elif r < 0.78:
            span = rng.uniform(5.0, 8.0)
        else:
            span = rng.uniform(8.1, 12.0)
        reg = ht - years(span)
    else:
        reg = clamp_date(recog + dt.timedelta(days=rng.randrange(-200, 300)),
                         D(y - 1, 1, 1), AS_OF)
        ht = None
    if p["incubator"]:
        add(pid, "incubating", reg - dt.timedelta(days=rng.randrange(90, 500)))
    add(pid, "registered", reg)
    d = reg
    for s in LADDER[LADDER.index("producing"):top + 1]:
        if s == "producing" and not p["manufacturing"]:
            continue
        if s == "high_tech":
            d = ht
        elif s == "above_scale":
            d = min(d + dt.timedelta(days=rng.randrange(60, 420)), AS_OF)
        elif s in ("gazelle", "potential_unicorn", "unicorn"):
            # provincial lists are announced in April
            year = min(d.year + (d.month >= 3) + rng.choice([0, 0, 1]), 2024)
            d = max(D(year, 4, rng.randrange(1, 29)), d + dt.timedelta(days=1))
        else:
            hi = ht - dt.timedelta(days=30) if (ht and s in ("producing", "tech_sme")) else AS_OF
            step = dt.timedelta(days=rng.randrange(120, 700))
            d = min(d + step, hi) if hi > d else d + dt.timedelta(days=15)
            d = min(d, AS_OF)
        add(pid, s, d)


for p in projects:
    history(p)

# two data-entry slips kept as recorded: a tech_sme date after the high-tech date
slips = [p for p in projects if p["stage"] == "high_tech" and p["id"] > 3][:2]
for p in slips:
    pid = p["id"]
    late = stage_date[(pid, "high_tech")] + dt.timedelta(days=rng.randrange(40, 200))
    milestones[:] = [m for m in milestones
                     if not (m[0] == pid and m[1] in STAGE_WORDS["tech_sme"])]
    add(pid, "tech_sme", min(late, AS_OF))

for (pid, s), d in stage_date.items():
    if s == "registered":
        reg_date[pid] = d
    if s == "high_tech":
        ht_date[pid] = d

# F14: fastest is Qingyun (< 2 years), typical 5-8 years
spans = sorted((ht_date[k] - reg_date[k]).days / 365.25 for k in ht_date)
assert spans[0] < 2 and all(s > 2 for s in spans[1:]), spans[:3]
median = spans[len(spans) // 2]
assert 5 <= median <= 8, median

# ---------------------------------------------------------------- designations (F5)

# provincial designations city-wide, firms outside the register too, worded
# as the lists and news items word them; each text names its list year
designations = []      # (firm, designation text, project_id)
OTHER_FIRMS = set()


def other_firm(cluster):
    name = company_name(cluster)
    OTHER_FIRMS.add(name)
    return name


# the draw picks a wording; each wording names the provincial level
LEVEL_WORDS = {"gazelle": ["{y}年省瞪羚企业", "江苏省瞪羚企业（{y}年）", "Jiangsu gazelle {y}"],
               "potential_unicorn": ["{y}年省潜在独角兽企业", "{y}年度江苏省潜在独角兽企业名单"],
               "unicorn": ["{y}年省独角兽企业", "Jiangsu unicorn {y}"]}
# per year: unicorn / potential unicorn / gazelle; 2024: 3 / 18 / 92 (F5);
# 2024 sets records for potential unicorns and gazelles, not for unicorns
YEAR_COUNTS = {2020: (2, 7, 51), 2021: (3, 9, 63), 2022: (4, 12, 71),
               2023: (4, 15, 84), 2024: (3, 18, 92)}
for year, counts in YEAR_COUNTS.items():
    for level, count in zip(("unicorn", "potential_unicorn", "gazelle"), counts):
        ours = [(p["id"], p["name"]) for p in projects
                if (p["id"], level) in stage_date and stage_date[(p["id"], level)].year == year]
        assert len(ours) <= count, (year, level, len(ours))
        for pid, name in ours:
            designations.append((name, rng.choice(LEVEL_WORDS[level]).format(y=year), pid))
        for _ in range(count - len(ours)):
            designations.append((other_firm(rng.choice([c for c, _ in CLUSTERS])),
                                 rng.choice(LEVEL_WORDS[level]).format(y=year), ""))

# ---------------------------------------------------------------- taxable sales (F6, F7, F9)

sales = {}             # (pid, period) -> yuan
with_sales = [p for p in projects
              if LADDER.index(p["stage"]) >= LADDER.index("registered")]


def base_sales(p):
    top = LADDER.index(p["stage"])
    scale = {3: 1.5e6, 4: 6e6, 5: 5e6, 6: 2.2e7, 7: 4.5e7, 8: 6e7, 9: 9e7, 10: 1.5e8}[top]
    return scale * rng.lognormvariate(0, 0.55)


for p in with_sales:
    fy = base_sales(p)
    registered = reg_date[p["id"]]
    if registered < D(2023, 10, 1):
        sales[(p["id"], "2023")] = fy
    if registered < D(2024, 4, 1):
        sales[(p["id"], "2024H1")] = fy * rng.uniform(0.38, 0.62)

# Qingyun's own figures follow its market sales (F18: 37,380万 in 2023)
sales[(1, "2023")] = 392_615_800
sales[(1, "2024H1")] = 241_330_500

recent = [p for p in with_sales if p["year"] in (2022, 2023)
          and (p["id"], "2023") in sales and (p["id"], "2024H1") in sales]
# F6: 51 with 2023 sales over 1亿; F7: 59 with H1-2024 sales over 5000万
by_size = sorted(recent, key=lambda p: -(LADDER.index(p["stage"]) + rng.random() * 3))
big_fy = set(p["id"] for p in by_size[:51])
big_h1 = set(p["id"] for p in by_size[5:64])
assert len(big_h1) == 59
FY_LINE, H1_LINE = 100_000_000, 50_000_000
for p in recent:
    pid = p["id"]
    if pid in big_fy:
        sales[(pid, "2023")] = FY_LINE * rng.uniform(1.05, 4.5)
    elif sales[(pid, "2023")] > FY_LINE * 0.95:
        sales[(pid, "2023")] = FY_LINE * rng.uniform(0.3, 0.95)
    if pid in big_h1:
        sales[(pid, "2024H1")] = H1_LINE * rng.uniform(1.05, 3.6)
    elif sales[(pid, "2024H1")] > H1_LINE * 0.95:
        sales[(pid, "2024H1")] = H1_LINE * rng.uniform(0.3, 0.95)


recent_ids = {p["id"] for p in recent}


def capped(pid, period):
    """The most a project may have in a period without crossing F6's or F7's line."""
    if pid in recent_ids:
        if period == "2023" and pid not in big_fy:
            return FY_LINE * 0.98
        if period == "2024H1" and pid not in big_h1:
            return H1_LINE * 0.98
    return 1e12


# F9: the 2023 cohort's H1-2024 sales total 92.47亿, 73.3% of their 2023 total
TARGET = {"2024H1": 9_247_031_600, "2023": 12_615_402_900}
cohort23 = [p["id"] for p in projects if p["year"] == 2023]
for period, target in TARGET.items():
    keys = [pid for pid in cohort23 if (pid, period) in sales]
    fixed = [k for k in keys if (k in big_fy if period == "2023" else k in big_h1)]
    free = [k for k in keys if k not in fixed]
    for _ in range(50):
        fixed_sum = sum(sales[(k, period)] for k in fixed)
        free_sum = sum(sales[(k, period)] for k in free)
        f = (target - fixed_sum) / free_sum
        if abs(f - 1) < 1e-12:
            break
        for k in free:
            sales[(k, period)] = min(sales[(k, period)] * f, capped(k, period))
    for k in keys:
        sales[(k, period)] = int(round(sales[(k, period)]))
    diff = target - sum(sales[(k, period)] for k in keys)
    k = max(free, key=lambda k: (capped(k, period) - sales[(k, period)], k))
    sales[(k, period)] += diff
    assert sales[(k, period)] <= capped(k, period)
for k in list(sales):
    sales[k] = int(round(sales[k]))

assert sum(1 for p in recent if sales[(p["id"], "2023")] > FY_LINE) == 51
assert sum(1 for p in recent if sales[(p["id"], "2024H1")] > H1_LINE) == 59
assert sum(sales[(k, "2024H1")] for k in cohort23 if (k, "2024H1") in sales) == TARGET["2024H1"]

# ---------------------------------------------------------------- funding rounds (F10, F11, F16, F17)

rounds = []            # (project_id, text)
funded = []


def rd(pid, text):
    rounds.append((pid, text))


def after_reg(pid, lo_year=2019):
    d = reg_date.get(pid, D(2022, 6, 1))
    start = max(d, D(lo_year, 1, 1))
    return start + dt.timedelta(days=rng.randrange(max(1, (AS_OF - start).days)))


pool = [p for p in projects[3:] if LADDER.index(p["stage"]) >= LADDER.index("registered")]
pool.sort(key=lambda p: -(LADDER.index(p["stage"]) + rng.random() * 4))
big = pool[:5]
mid = pool[5:27]           # with Xiushi: 23
small = pool[27:64]        # 37

# Each template: (text pattern, point in 万) - the point the parser gives
SMALL = [("天使轮 数百万元", 300), ("种子轮 200万元", 200), ("天使轮 500万元", 500),
         ("Pre-A轮 近千万元", 900), ("天使轮 600万元", 600), ("种子轮 数十万元", 30),
         ("天使轮 300多万元", 350), ("Angel, 800万元", 800)]
MID = [("A轮 数千万元", 3000), ("Pre-A轮 2000万元", 2000), ("A轮 3000多万元", 3500),
       ("天使轮 1500万元", 1500), ("A轮 约5000万元", 5000), ("Pre-A轮 超千万元", 1500),
       ("A轮 6000万元", 6000), ("A+轮 4000万元", 4000), ("Series A, 2500万人民币", 2500)]

total_wan = 0


def emit(pid, template, point, lo_year=2019):
    global total_wan
    d = after_reg(pid, lo_year)
    text = template
    sep = rng.choice([" ", " ", "｜", "，"])
    rd(pid, f"{text}{sep}{fmt_month(d)}")
    total_wan += point


# the named firms
qy, xs, ys = 1, 2, 3
rd(qy, "A轮 5000万元 2022年4月")
rd(qy, "B轮 近2亿元 2024年3月")                       # F15: "获得近2亿元B轮融资"
total_wan += 5000 + 18000
rd(xs, "天使轮 500万元 2021-03")
rd(xs, "Pre-A轮｜近亿元｜2023年9月")                    # F16
total_wan += 500 + 9000
rd(ys, "拨投结合 1000万元 2022年9月")                  # F17: three tranches, 3000万
rd(ys, "拨投结合 800万元 2023年4月")
rd(ys, "拨投结合 1200万元 2024年3月")
funded += [qy, xs]

for p in small:
    pid = p["id"]
    k = rng.random()
    if k < 0.12:
        rd(pid, rng.choice(["天使轮 未披露", "战略投资 金额未披露", "种子轮 未透露"])
           + " " + fmt_month(after_reg(pid)))
    else:
        t, pt = rng.choice(SMALL)
        emit(pid, t, pt)
        if rng.random() < 0.15 and pt <= 500:
            t2, pt2 = rng.choice([x for x in SMALL if x[1] + pt <= 1000 and x[1] != 900])
            emit(pid, t2, pt2)
    funded.append(pid)

for p in mid:
    pid = p["id"]
    t, pt = rng.choice(MID)
    if rng.random() < 0.4:
        t0, pt0 = rng.choice([x for x in SMALL if x[1] >= 200])
        emit(pid, t0, pt0, 2019)
        assert pt + pt0 <= 10000
    emit(pid, t, pt)
    funded.append(pid)

# foreign-currency rounds: reported separately, never added to CNY
rd(mid[3]["id"], "Series A, $5M, 2023-03")
rd(mid[11]["id"], "A+轮 1000万美元 2024年2月")
rd(big[2]["id"], "Series B, USD 20 million, 2024-06-20")

# the big five besides Qingyun; the last takes the rest so the total is 28.43亿
b = [p["id"] for p in big]
rd(b[0], "A轮 超亿元 2022年6月")
rd(b[0], "B轮 3.2亿元 2024年1月")
total_wan += 15000 + 32000
rd(b[1], "B轮 2.5亿元 2023-08-18")
total_wan += 25000
rd(b[2], "天使轮 数百万元 2020年")
rd(b[2], "A轮 1.2亿元 2022年11月")
total_wan += 300 + 12000
rd(b[3], "B轮 6000万元 2022-05")
rd(b[3], "C轮 亿元及以上 2024年5月")                  # an open upper end
total_wan += 6000 + 10000
rest_wan = 284300 - total_wan
assert 10000 < rest_wan < 60000, rest_wan
rd(b[4], f"B轮 {wan(rest_wan)} 2023年12月")
rd(b[4], "战略投资 未披露 2024-07")
funded += b

assert len(set(funded)) == 66, len(set(funded))

# non-equity money: grants and tech loans for some others
for p in rng.sample(pool[64:], 60):
    pid = p["id"]
    d = fmt_month(after_reg(pid, 2021))
    rd(pid, rng.choice([f"立项拨款 {rng.choice([100, 200, 300, 500])}万元 {d}",
                        f"苏科贷 {rng.choice([200, 300, 500, 1000])}万元 {d}",
                        f"通科贷 {rng.choice([100, 200, 300])}万元 {d}"]))

# ---------------------------------------------------------------- IUR cooperation (F13)

PARTNERS = {
    "上海": ["上海交通大学", "复旦大学", "同济大学", "华东理工大学", "东华大学",
             "上海大学", "中科院上海微系统所", "上海理工大学"],
    "江苏": ["南京大学", "东南大学", "南通大学", "江南大学", "苏州大学",
             "江苏省产业技术研究院", "南京工业大学", "河海大学"],
    "浙江": ["浙江大学", "浙江工业大学", "之江实验室"],
    "安徽": ["中国科学技术大学", "合肥工业大学"],
    "北京": ["清华大学", "北京大学", "北京航空航天大学"],
    "广东": ["华南理工大学", "中山大学"],
    "湖北": ["华中科技大学", "武汉大学"],
    "陕西": ["西安交通大学"],
}
iur = []


def iur_rows(n, region, first, last):
    for _ in range(n):
        d = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
        p = rng.choice(with_sales)
        iur.append([d, rng.choice(PARTNERS[region]), region, p["id"]])


Q13 = (D(2024, 1, 1), D(2024, 9, 30))
iur_rows(167, "上海", *Q13)                            # F13: 167 with Shanghai
iur_rows(512, "江苏", *Q13)
iur_rows(98, "浙江", *Q13)
iur_rows(38, "安徽", *Q13)                             # 815 in the Yangtze delta
for region, n in (("北京", 61), ("广东", 23), ("湖北", 17), ("陕西", 9)):
    iur_rows(n, region, *Q13)
iur_rows(62, "上海", D(2024, 10, 1), AS_OF)            # Q4: not counted
iur_rows(158, "江苏", D(2024, 10, 1), AS_OF)
for region, n in (("上海", 141), ("江苏", 468), ("浙江", 80), ("安徽", 31), ("北京", 52)):
    iur_rows(n, region, D(2023, 1, 1), D(2023, 12, 31))
iur.sort(key=lambda r: (r[0], r[1], r[3]))

# ---------------------------------------------------------------- market (F18)

# 2023 sales of flash-spun nonwovens in China, in 万元; Qingyun 14.11%, second
market = [("杜邦（中国）", 186_420), ("江苏青昀新材料有限公司", 37_380),
          ("厦门当盛新材料", 18_240), ("浙江星华新材料", 12_960),
          ("其他", 9_920)]
tot = sum(v for _, v in market)
assert round(100 * 37_380 / tot, 2) == 14.11, 100 * 37_380 / tot

# ---------------------------------------------------------------- honours held (not in the article)

# The register's own honours besides the provincial lists above: 高企
# certificates (three years, renewed), 科技型中小企业 entries, provincial
# 专精特新 and national 小巨人.  Their own generator, so that adding them
# changed no row above.
hrng = random.Random(SEED + 14)
CN_NUM = "一二三四五六七八九"
by_id = {p["id"]: p for p in projects}
for pid in sorted(ht_date):
    p = by_id[pid]
    y = ht_date[pid].year
    while y <= AS_OF.year:
        designations.append((p["name"], hrng.choice(["高新技术企业 {y}-{z}", "{y}年高企",
                                                      "national high-tech enterprise {y}"])
                             .format(y=y, z=y + 2), pid))
        y += 3
for (pid, stage), d in sorted(stage_date.items()):
    if stage == "tech_sme":
        designations.append((by_id[pid]["name"], f"{d.year}年科技型中小企业", pid))
# 专精特新: a third of the manufacturing high-tech firms, one to two years after 高企
specialized = [pid for pid in sorted(ht_date) if by_id[pid]["manufacturing"] and hrng.random() < 0.35]
giants = []
for pid in specialized:
    y = min(ht_date[pid].year + hrng.randrange(1, 3), AS_OF.year)
    designations.append((by_id[pid]["name"], hrng.choice(["{y}年江苏省专精特新中小企业",
                                                          "江苏省专精特新企业（{y}年）"]).format(y=y), pid))
    if y < AS_OF.year and hrng.random() < 0.2:
        giants.append((pid, y + 1))
# 小巨人: MIIT's batches, the first in 2019
for pid, y in giants:
    batch = y - 2018
    designations.append((by_id[pid]["name"], f"国家级专精特新“小巨人”企业（第{CN_NUM[batch - 1]}批，{y}）", pid))

# ---------------------------------------------------------------- write

files = []
files.append(write("districts.csv", ["district", "name_zh"],
                   [(d, dz) for d, dz, _ in DISTRICTS]))
files.append(write("parks.csv", ["park", "name_zh", "district"], parks))
files.append(write("clusters.csv", ["cluster", "name_zh"], CLUSTERS))
files.append(write("enclave_incubators.csv", ["incubator", "name_zh", "city", "opened_on"],
                   INCUBATORS))
files.append(write("projects.csv",
                   ["project_id", "name", "recognized_year", "district", "park", "cluster",
                    "manufacturing", "future_track", "incubator"],
                   [(p["id"], p["name"], p["year"], park_district[p["park"]], p["park"],
                     p["cluster"], "t" if p["manufacturing"] else "f", p["track"],
                     p["incubator"]) for p in projects]))
milestones.sort(key=lambda m: (m[0], m[2], m[1]))
files.append(write("milestones.csv", ["project_id", "stage", "reached_on"], milestones))
files.append(write("funding_rounds.csv", ["project_id", "source"],
                   sorted(rounds, key=lambda r: r[0])))
files.append(write("taxable_sales.csv", ["project_id", "period", "amount_yuan"],
                   sorted((k[0], k[1], v) for k, v in sales.items())))
files.append(write("iur_projects.csv", ["signed_on", "partner", "partner_region", "project_id"],
                   iur))
files.append(write("designations.csv", ["firm", "source", "project_id"], designations))
files.append(write("market_sales.csv", ["market", "firm", "year", "sales_wan"],
                   [("闪蒸法超材料", f, 2023, v) for f, v in market]))

# Exchange rates into CNY for the rounds announced in other currencies: the
# yearly average of the PBOC central parity rate, rounded to 4 decimals
# (2022 6.7261, 2023 7.0467, 2024 7.1217 CNY per USD); a report converts each
# round at the rate of its announcement date (doc/funding_round.md).
FX = [("USD", "2022-01-01", "2023-01-01", "6.7261"),
      ("USD", "2023-01-01", "2024-01-01", "7.0467"),
      ("USD", "2024-01-01", "2025-01-01", "7.1217")]
files.append(write("fx_rates.csv", ["currency", "valid_from", "valid_to", "cny"], FX))

check = "--check" in sys.argv
bad = 0
os.makedirs(OUT, exist_ok=True)
for name, text in files:
    path = os.path.join(OUT, name)
    if check:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{path}: differs from what generate.py produces", file=sys.stderr)
                bad += 1
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
if check:
    print("demo data: " + ("reproduced" if not bad else f"{bad} files differ"))
sys.exit(1 if bad else 0)
