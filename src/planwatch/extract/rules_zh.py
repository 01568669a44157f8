"""Chinese vocabularies for clause resolution: change words, fact markers, projections, funding, commitment
wording and rate units.

Word lists only (compiled regexes); the rules that use them are in :mod:`.measure`, :mod:`.classify` and
:mod:`.resolve`. Comparator words are in :mod:`.comparators`, time expressions in :mod:`.years`.
"""

from __future__ import annotations

import re

# ---- direction of a change and measure ("下降18%", "提高到10%", "年均增长")
ZH_FILLER = (
    r"(?:再|约|将|要|达|为|在|了|均|分别|力争|确保|累计|全年|当年|年均|每年|今年|预计|进一步|"
    r"基本|稳定|继续|保持|实现)*\s*\Z"
)
ZH_REDUCE = re.compile(r"(?:下降|降低|减少|压减|削减|缩减|减排|降幅|缩小|减|降)(?:了)?" + ZH_FILLER)
ZH_TO_LEVEL = re.compile(
    r"(?:提高到|提升到|增加到|增长到|扩大到|提高至|提升至|增至|升至|上升到|上升至|达到|达|提升为|增加至|扩大至|"
    r"保持在|稳定在|维持在|为|是|到|完成|实现)\s*(?:约|近|超过)?\s*\Z"
)
ZH_GROW = re.compile(
    r"(?:增长|提高|提升|增加|上涨|涨幅|增速|增幅|增长率|增长速度|扩大|上升|提速|增)(?:了)?" + ZH_FILLER
)
ZH_ANNUAL = re.compile(r"年均|年平均|每年|平均每年|年增长率")

# ---- past, facts, projections, funding and commitments
ZH_FACT_MARK = re.compile(
    r"已经|已|截至(?!\s*\d{4}\s*年)|截止(?!\s*\d{4}\s*年)|去年|上年(?!度)|前年|上半年|一季度|实际|落实结果|结果显示|最终|共有|现有|"
    r"目前|当前|过去|以来|成绩|答卷|完成了|实现了|取得了|达到了|好于预期"
)
# "比上年增长5.2%" reports an outcome; "比上年增长6%左右" with a comparator is a target
ZH_COMPARED_MARK = re.compile(r"比上年末?|较上年末?|同比|比去年|较去年|比上年同期")
ZH_FACT_DOC = re.compile(r"统计公报|统计快报|统计年鉴|经济运行情况|国民经济运行|统计数据显示|发展统计")
ZH_ADJ_FACT = re.compile(r"(?:现行|原有|原|现有|目前|当前|目前的|去年的|上年的)[^，,。；;]{0,6}\Z")
ZH_PROJECTION = re.compile(
    r"预测|估计|估算|可能|或将|有望|测算|预估|(?:协会|机构|专家|分析师|业内|研究院|研究机构|报告|市场人士)[^，,。；;]{0,6}预计"
)
ZH_FUNDING = re.compile(r"安排|拨付|拨款|投资|资金|预算|补贴|补助|专项债|债券|贷款|基金规模|融资")
ZH_STRONG = re.compile(r"目标|预期|力争|确保|要求|提出|明确|计划|规划|任务|争取|努力|方案|要|将")
ZH_CUE = re.compile(
    r"达到|达|超过|超|突破|提高|提升|增长|增加|下降|降低|减少|压减|保持|控制|新增|建成|建设|打造|培育|完成|"
    r"实现|力争|确保|扩大|缩小|累计|年均|左右|以上|以内|不低于|不少于|不高于|不超过|约|目标|预期"
)
ZH_FOUNDATION = re.compile(r"为[^。；;！？]{0,80}?(?:打下|奠定|夯实)[^。；;！？]{0,12}?基础")
ZH_BASELINE_BEFORE = re.compile(r"(?:从|由|自)[^，,。；;]{0,14}?(?:的)?\s*\Z")
# a sentence that frames its numbers as targets ("目标", "力争", …): past markers before it do not make them facts
ZH_FRAMED = re.compile(r"目标|提出|要求|力争|确保|预期|计划")

# ---- rate units and scopes
ZH_RATE = [
    (re.compile(r"每万名?(?:就业人员|就业人口|从业人员|劳动力|职工)"), "per 10,000 employed"),
    (re.compile(r"每万(?:名)?(?:人口|人|居民|常住人口)"), "per 10,000 population"),
    (re.compile(r"每十万(?:人口|人|居民)"), "per 100,000 population"),
    (re.compile(r"每千(?:人口|人|居民)"), "per 1,000 population"),
    (re.compile(r"每亿元(?:主营业务|营业)?收入"), "per 100 million CNY revenue"),
]
# a physical amount per group of households: "每百户…30平方米", "30 m2 per 100 households"
ZH_SCALE_WORD = {"百": "100", "千": "1,000", "万": "10,000", "十": "10"}
ZH_PER_HOUSEHOLD = re.compile(r"每(?P<n>百|千|万|十)?户")
ZH_EMISSION_PAIR = re.compile(
    r"^(?P<a>[\u4e00-\u9fffA-Za-z0-9]{2,8})[、和及与](?P<b>[\u4e00-\u9fffA-Za-z0-9]{1,8}?)"
    r"(?P<tail>排放量|排放总量|排放强度)\Z"
)

# words before a duration that make it a target ("缩短到3天", "控制在2小时以内")
ZH_TIME_CUE = re.compile(
    r"(?:提高|增加|延长|缩短|达到|达|超过|缩减|减少|控制在|不超过|不少于|到|至|以内|压缩|再|为)\s*\Z"
)
