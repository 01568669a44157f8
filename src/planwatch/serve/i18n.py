"""Labels of the pages in English and Chinese. Verdict words come from the report, so pages and reports agree."""

from __future__ import annotations

from ..publish.report import VERDICT_LABEL, VERDICT_MEANING
from ..publish.report_evidence import EVIDENCE_KIND_LABEL, STATUS_LABEL

LANGS = ("en", "zh")
#: The ``lang`` attribute of each language (BCP 47): simplified Chinese script.
HTML_LANG = {"en": "en", "zh": "zh-Hans"}

LABELS: dict[str, tuple[str, str]] = {
    "site": ("planwatch", "planwatch 规划监测"),
    "skip": ("Skip to main content", "跳到正文"),
    "nav": ("Main", "主导航"),
    "plans": ("Plans", "规划"),
    "indicators": ("Indicators", "指标"),
    "regions": ("Regions", "地区"),
    "sources": ("Sources", "数据来源"),
    "audit": ("Audit", "修改记录"),
    "admin": ("Admin", "管理"),
    "users": ("Users", "用户"),
    "api": ("API", "接口"),
    "language": ("Language", "语言"),
    "other_lang": ("中文", "English"),
    "signin": ("Sign in", "登录"),
    "signout": ("Sign out", "退出"),
    "signed_in_as": ("Signed in as", "当前用户"),
    "name": ("Name", "名称"),
    "user": ("User", "用户"),
    "token": ("API token", "API 令牌"),
    "token_help": ("The token printed by `planwatch user add` (starts with pw_).",
                   "`planwatch user add` 打印的令牌(以 pw_ 开头)。"),
    "role": ("Role", "角色"),
    "plan": ("Plan", "规划"),
    "title": ("Title", "标题"),
    "region": ("Region", "地区"),
    "horizon": ("Horizon", "规划期末"),
    "issued": ("Issued", "印发日期"),
    "targets": ("Targets", "指标"),
    "target": ("Target", "目标"),
    "tasks": ("Tasks", "重点任务"),
    "task": ("Task", "任务"),
    "goal": ("Goal", "总体目标"),
    "goals": ("Overall goals", "总体目标"),
    "origin": ("Origin", "来源"),
    "scorecard": ("Scorecard", "评估表"),
    "indicator": ("Indicator", "指标"),
    "latest": ("Latest", "最新值"),
    "year": ("Year", "年份"),
    "target_value": ("Target value", "目标值"),
    "deadline": ("Deadline", "期限"),
    "verdict": ("Verdict", "结论"),
    "probability": ("P(met)", "达标概率"),
    "confidence": ("Confidence", "可信度"),
    "trend": ("Trend", "趋势"),
    "decided_by": ("Decided by", "判断依据"),
    "as_of": ("As of", "评估日期"),
    "as_of_help": ("Show the scorecard as it was known on a date (empty: today).",
                   "显示某一日期当时可知的评估结果(留空为今天)。"),
    "show": ("Show", "显示"),
    "as_known_on": ("As known on", "截至"),
    "today_view": ("Show today's view", "显示今天的结果"),
    "rollup": ("Roll-up", "汇总"),
    "status": ("Status", "状态"),
    "reason": ("Reason", "理由"),
    "set_by": ("Set by", "设置人"),
    "set_at": ("Set on", "设置时间"),
    "evidence": ("Evidence", "进展证据"),
    "no_evidence": ("No evidence recorded yet.", "尚无记录。"),
    "coverage": ("Data coverage", "数据覆盖"),
    "coverage_help": ("Each cell: a published figure (■), a figure derived by planwatch (◆), only an official "
                      "statement with a number (○) or in words (w), or a gap (·). Rows marked ★ are the plan's own "
                      "targets; others are peers.",
                      "每格:已公布数据(■)、planwatch 推算数据(◆)、仅有带数字的官方表述(○)或文字表述(w)、缺失(·)。"
                      "★ 为本规划目标,其余为对比地区。"),
    "figure": ("figure", "公布数据"),
    "derived": ("derived", "推算数据"),
    "statement": ("statement", "官方表述"),
    "words": ("words", "文字表述"),
    "gap": ("gap", "缺失"),
    "report": ("Printable report", "可打印报告"),
    "download": ("Download", "下载"),
    "csv": ("CSV", "CSV"),
    "json": ("JSON", "JSON"),
    "chart": ("Chart", "图"),
    "no_chart": ("No chart: there is no numeric figure to plot.", "无图:尚无数值数据。"),
    "quote": ("The plan's words", "规划原文"),
    "reasoning": ("Why this verdict", "结论依据"),
    "what_it_takes": ("What it takes", "达标所需"),
    "projection": ("Projection", "预测"),
    "range80": ("80% range", "80%区间"),
    "methods": ("Established methods", "通行评估方法"),
    "method": ("Method", "方法"),
    "version": ("Version", "版本"),
    "score": ("Score", "得分"),
    "components": ("Key components", "关键数值"),
    "note": ("Note", "说明"),
    "peers": ("Peers", "同类比较"),
    "values": ("Figures", "数据"),
    "value": ("Value", "数值"),
    "as_published": ("As published", "原始公布值"),
    "unit": ("Unit", "单位"),
    "revision": ("Revision", "修订版本"),
    "source": ("Source", "来源"),
    "publisher": ("Publisher", "发布机构"),
    "published": ("Published", "发布日期"),
    "address": ("Address", "网址"),
    "statements": ("Official statements", "官方表述"),
    "conflicts": ("Conflicting figures", "相互矛盾的数据"),
    "caveats": ("Caveats", "注意事项"),
    "history": ("Revision history", "修订历史"),
    "recorded": ("Recorded", "记录时间"),
    "by": ("By", "操作人"),
    "timeline": ("Verdict timeline", "结论变化"),
    "date": ("Date", "日期"),
    "what_changed": ("What changed", "变化原因"),
    "breaks": ("Series breaks", "口径断点"),
    "kind": ("Kind", "类型"),
    "definition": ("Definition", "定义"),
    "bases": ("Definitions (bases)", "统计口径"),
    "parent": ("Part of", "上级"),
    "peer_groups": ("Peer groups", "对比组"),
    "observations": ("Observations", "观测数据"),
    "count": ("Figures", "数据条数"),
    "plans_using": ("Targets on this indicator", "使用该指标的目标"),
    "edit": ("Edit", "编辑"),
    "revise": ("Revise", "修订"),
    "withdraw": ("Withdraw", "撤回"),
    "add_figure": ("Add or revise a figure", "新增或修订数据"),
    "upload": ("Upload figures (CSV or Excel)", "上传数据(CSV 或 Excel)"),
    "upload_help": ("The same format and checks as `planwatch import` (docs/observations-format.md): one bad row "
                    "rejects the whole file.", "格式与检查同 `planwatch import`:任一行有误则整个文件不导入。"),
    "file": ("File", "文件"),
    "decimal": ("Decimal mark", "小数点"),
    "save": ("Save", "保存"),
    "saved": ("Saved.", "已保存。"),
    "cancel": ("Cancel", "取消"),
    "errors": ("Nothing was saved. Please correct:", "未保存,请更正:"),
    "row": ("Row", "行"),
    "column": ("Column", "列"),
    "record_evidence": ("Record evidence", "记录进展证据"),
    "set_status": ("Set status", "设置状态"),
    "subject": ("Subject", "对象"),
    "text_en": ("Text (English)", "说明(英文)"),
    "text_zh": ("Text (Chinese)", "说明(中文)"),
    "evidence_kind": ("Kind of evidence", "证据类型"),
    "event_date": ("Date of the event", "事件日期"),
    "action": ("Action", "操作"),
    "old": ("Old", "原值"),
    "new": ("New", "新值"),
    "when": ("When", "时间"),
    "filter": ("Filter", "筛选"),
    "from": ("From", "起"),
    "to": ("To", "止"),
    "add_user": ("Add a user", "添加用户"),
    "disable": ("Disable", "停用"),
    "disabled": ("disabled", "已停用"),
    "active": ("active", "有效"),
    "new_token": ("The new user's API token — copy it now, it is shown only once:",
                  "新用户的 API 令牌——请立即复制,只显示这一次:"),
    "plan_files": ("Plan files", "规划文件"),
    "upload_plan": ("Upload a plan file (YAML)", "上传规划文件(YAML)"),
    "replace": ("Replace a plan with the same id (the old version is kept)", "替换同 id 规划(保留旧版本)"),
    "or_paste": ("or paste it", "或粘贴"),
    "new_plan": ("New plan from its text", "从规划文本新建"),
    "plan_text": ("Plan text (English or Chinese; or upload a text, HTML or PDF file)",
                  "规划文本(中文或英文;也可上传文本、HTML 或 PDF 文件)"),
    "extract": ("Extract targets", "提取目标"),
    "draft": ("Draft", "草稿"),
    "draft_help": ("Check each target against its highlighted quote, correct it, link it to an indicator, then save. "
                   "The plan is validated like `planwatch plan validate`.",
                   "请对照高亮原文逐条核对、更正并关联指标后保存。保存时按 `planwatch plan validate` 校验。"),
    "include": ("Include", "保留"),
    "comparator": ("Comparator", "比较"),
    "value_high": ("Upper value", "上限"),
    "measure": ("Measure", "度量"),
    "base_year": ("Base year", "基期"),
    "peer_group": ("Peer group", "对比组"),
    "plan_id": ("Plan id", "规划 id"),
    "save_plan": ("Save as plan", "保存为规划"),
    "text": ("Text", "原文"),
    "not_found": ("Not found", "未找到"),
    "error": ("Error", "错误"),
    "unauthorized": ("Sign-in needed", "需要登录"),
    "forbidden": ("Not allowed", "无权操作"),
    "back": ("Back", "返回"),
    "next_page": ("Next page", "下一页"),
    "prev_page": ("Previous page", "上一页"),
    "provisional_note": ("* provisional: the deadline year's figure is not yet published or is preliminary.",
                         "* 暂定:截止年份数据尚未发布或为初步数。"),
    "api_intro": ("Every page's data is also served as JSON under /api/v1. The OpenAPI document:",
                  "所有页面的数据也以 JSON 形式在 /api/v1 下提供。OpenAPI 文档:"),
    "path": ("Path", "路径"),
    "summary": ("Summary", "说明"),
    "sign_in_intro": ("Editors and admins sign in with their user name and API token.",
                      "编辑和管理员用用户名和 API 令牌登录。"),
    "bad_signin": ("Unknown user name or token.", "用户名或令牌不正确。"),
    "too_many": ("Too many failed sign-ins; try again in a few minutes.", "登录失败次数过多,请几分钟后再试。"),
    "published_help": ("Publication date of the source: YYYY-MM-DD, YYYY-MM or YYYY.",
                       "来源发布日期:YYYY-MM-DD、YYYY-MM 或 YYYY。"),
    "withdraw_help": ("A withdrawal is recorded as a new revision; the figure stays in the history.",
                      "撤回作为新的修订记录,原数据保留在历史中。"),
}

VERDICT_WORDS = {k: v for k, v in VERDICT_LABEL.items()}
MEANINGS = VERDICT_MEANING
STATUS_WORDS = {k: v for k, v in STATUS_LABEL.items() if k is not None}
EVIDENCE_KINDS = EVIDENCE_KIND_LABEL
CONFIDENCE_WORDS = {"high": ("high", "高"), "medium": ("medium", "中"), "low": ("low", "低")}
DECIDED_BY = {"figure": ("the deadline year's figure", "截止年份数据"), "projection": ("projection", "推算"),
              "statement": ("an official statement", "官方表述"), "rank": ("a published rank", "公布排名"),
              "none": ("nothing yet", "尚无依据")}
COVERAGE_MARK = {"figure": "■", "derived": "◆", "statement": "○", "words": "w", "gap": "·"}


def word(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "zh" else pair[0]


def term(table: dict[str, tuple[str, str]], key: str | None, lang: str) -> str:
    """A code's word in ``lang`` (the code itself when the table does not know it; — for none)."""
    if not key:
        return "—"
    return word(table[key], lang) if key in table else key


def label(key: str, lang: str) -> str:
    return word(LABELS[key], lang)


def best(d, lang: str) -> str:
    """Text in ``lang`` from an en/zh mapping or model, else the other language's."""
    en = d.get("en") if isinstance(d, dict) else getattr(d, "en", None)
    zh = d.get("zh") if isinstance(d, dict) else getattr(d, "zh", None)
    return ((zh or en) if lang == "zh" else (en or zh)) or ""
