"""One-off: write src/planwatch/sources/builtin/beijing-facts.csv from shared/data/beijing-sourced-facts.md.

Each row was read off that file (which gives the publisher, address, date and quote of every figure);
kept so the provenance of the built-in data can be re-checked. Run: python tools/make_builtin_from_facts.py
"""

import csv
from pathlib import Path

BMBS = "Beijing Municipal Bureau of Statistics"
NBS = "National Bureau of Statistics of China"
BMSTC = "Beijing Municipal Science and Technology Commission"
U_PKU = "http://www.shenbo75.com/business/2025-01/06/content_117648245.htm"
U_BJD = "http://panopticimage.com/cn/Instant/local/202209/t20220913_7272736.html"
U_VMAYA = "http://wap.vmaya.com/socwnews/topic/tskey/qn7902116100021341105.html"
U_ZHANG = "https://haoxiangta.com/p/www.62910.coupons"
U_STDDY = "https://wap.stddy.com/cskp/202601-77513.html"
U_CBTM = "http://cbtm.gov.cn/cbtm/_300464/_300963/tjnb/538725/index.html"
U_CNIPA = "https://english.cnipa.gov.cn/transfer/news/localipinformation/923574.htm"
U_OEEEE = "https://m.mp.oeeee.com/a/BAAFRD000020210225444129.html"
U_XCSX = "http://xcsxls.com/jssc/zxdt/202003/dc4f95b6bcd94578a260ce46c961389d.shtml"
U_JSTV = "http://news.jstv.com/a/20220228/1646029233405.shtml"
U_LIYAN20 = "http://www.liyan-consulting.com/reportinf.aspx?id=1763"
U_LIYAN21 = "http://www.liyan-consulting.com/reportinf.aspx?id=1872"
U_NETBIG = "https://bbs.netbig.top/thread-83695-1-1.html"
U_REPORTIFY = "https://reportify.ai/news/1201587750965481472"
T_PKU = "Report on Beijing as an international S&T innovation centre (Beijing Development Institute, Peking University; via China.org.cn)"
T_BJD = "北京R&D经费投入强度逐年上升 (北京日报, citing Beijing Municipal Bureau of Statistics)"
T_VMAYA = "北京市科委新中国成立70周年新闻发布会 (press conference)"
T_ZHANG = "张继红 (Director, Beijing Municipal S&T Commission / Zhongguancun Administration) on ten years of the innovation centre"
T_NBS24 = "2024年京津冀区域协同发展指数"
T_STDDY = "北京市统计局2025年经济运行年终综述"

ROWS = [
    # indicator, region, period, value, unit, status, publisher, title, url, published, quote, confidence, note
    ("rd_intensity", "CN-BJ", 2013, "6.1", "%", "final", BMBS, "北京市第三次全国经济普查主要数据公报 (人民网)", "http://finance.people.com.cn/n/2014/1221/c1004-26247914.html", "2014-12-21", "2013年,全市研发经费支出1185亿元…研发经费投入强度为6.1%", "M", "Pre-revision GDP; superseded by 5.98% in later publications."),
    ("rd_intensity", "CN-BJ", 2013, "5.98", "%", "final", "Beijing Development Institute, Peking University", T_PKU, U_PKU, "2025-01-06", "its R&D intensity rose from 5.98% in 2013 to 6.73% in 2023", "M", "Later publication; chosen as current over the 2014 figure of 6.1%."),
    ("rd_intensity", "CN-BJ", 2017, "5.7", "%", "preliminary", BMBS, "北京市2017年国民经济和社会发展统计公报 (中新社)", "https://bj.cri.cn/20180228/49bc4315-9c1c-69e3-8b29-1ed4364b8204.html", "2018-02-27", "北京市研究与试验发展经费支出相当于地区生产总值的5.7%", "H", "Before the GDP revision of the 4th economic census."),
    ("rd_intensity", "CN-BJ", 2018, "6.17", "%", "final", "Xinhua News Agency", "北京全国科技创新中心指数2019 发布", "http://sj.mna.net.cn/keji/tongxin/2019-10-18/251783.html", "2019-10-17", "2018年,北京研究与试验发展经费投入强度达6.17%,居全国之首,是全国平均水平的2.8倍", "M", ""),
    ("rd_intensity", "CN-BJ", 2019, "", "%", "qualitative", BMBS, T_BJD, U_BJD, "2022-09-13", "R&D经费投入强度自2019年达到6%以来逐年上升", "H", "Exact 2019 value not found."),
    ("rd_intensity", "CN-BJ", 2020, "6.44", "%", "final", BMBS, "Review of Beijing's economic and social development, 2017–2021", "https://www.rsa-tax.com/single-post/beijing-s-gdp-per-capita-growth", "2022", "Research and development (R&D) expenditure in Beijing's total GDP reached 6.44% in 2020, up 0.95 percentage points from 2016", "M", ""),
    ("rd_intensity", "CN-BJ", 2021, "6.53", "%", "final", BMBS, T_BJD, U_BJD, "2022-09-13", "R&D经费与地区生产总值之比达到6.53%", "H", "R&D expenditure 2629.3亿元, +13%."),
    ("rd_intensity", "CN-BJ", 2022, "6.83", "%", "final", NBS, "2022年全国科技经费投入统计公报 (新浪财经)", "https://www.crhcc.com/dtzx/hgsd/2023/9/536387808fa64d59a09829e34c6e220d.htm", "2023-09-18", "广东投入最多,为4411.9亿元;北京投入强度最大,达到6.83%", "H", ""),
    ("rd_intensity", "CN-BJ", 2023, "6.73", "%", "final", "Beijing Development Institute, Peking University", T_PKU, U_PKU, "2025-01-06", "6.73% in 2023, maintaining its leading position in the country", "M", "Pre-revision GDP (5th economic census); not comparable with 2024."),
    ("rd_intensity", "CN-BJ", 2023, "", "%", "qualitative", "Beijing Municipal People's Government", "Facts – economy (german.beijing.gov.cn)", "https://german.beijing.gov.cn/beijinginfo/facts/economy/202312/t20231204_3489381.html", "2023-12-04", "Die Gesamtausgaben für Forschung und Entwicklung beliefen sich auf über sechs Prozent des regionalen BIP", "H", ""),
    ("rd_intensity", "CN-BJ", 2024, "6.58", "%", "final", NBS, T_NBS24, U_REPORTIFY, "2025-12-25", "其中北京为6.58%,保持各省区市首位", "H", "Revised-GDP basis (after the 5th economic census)."),
    ("rd_intensity", "CN-BJ", 2025, "", "%", "qualitative", BMBS, T_STDDY, U_STDDY, "2026-01-25", "北京全社会研究与试验发展经费稳步增长,投入强度保持在6%左右", "M", ""),
    ("rd_intensity", "CN", 2016, "2.11", "%", "final", "Xinhua News Agency", "China's R&D spending in 2016 (Xinhua)", "http://m.veredascontabil.com/english/2017-10/10/c_136670237.htm", "2017-10-10", "accounted for 2.11 percent of China's GDP", "H", ""),
    ("rd_intensity", "CN", 2017, "2.13", "%", "final", "China Daily", "China's R&D spending in 2017 (China Daily)", "http://www.ming7.cn/a/201810/09/WS5bbc9983a310eff303281634.html", "2018-10-09", "2.13 percent of the nation's gross domestic product in 2017", "H", ""),
    ("rd_intensity", "CN", 2018, "2.18", "%", "preliminary", "Xinhua News Agency", "China's R&D spending 2018, preliminary (Xinhua)", "http://61ed.com/archive/statistics/201903/03/content_WS5d16cd09c6d03ce6787951ff.html", "2019-03", "2.18 percent", "H", ""),
    ("rd_intensity", "CN", 2018, "2.19", "%", "final", "CGTN", "China's spending on R&D hits historic high", "https://news.cgtn.com/news/2019-09-07/China-s-spending-on-R-D-hits-historic-high-JN6B79b7mU/share_amp.html", "2019-09-07", "2.19 percent of its GDP last year", "H", ""),
    ("rd_intensity", "CN", 2019, "2.23", "%", "final", "Xinhua News Agency", "China's R&D spending 2019 (english.www.gov.cn)", "https://english.www.gov.cn/archive/statistics/202008/27/content_WS5f474760c6d0f7257693b264.html", "2020-08-27", "2.23 percent of its GDP in 2019", "H", ""),
    ("rd_intensity", "CN", 2020, "2.40", "%", "final", NBS, "2020年全国科技经费投入统计公报", U_LIYAN20, "2021-09", "投入强度…为2.40%", "H", ""),
    ("rd_intensity", "CN", 2021, "2.44", "%", "final", NBS, "2021年全国科技经费投入统计公报", U_LIYAN21, "2022-08", "投入强度…为2.44%", "H", ""),
    ("rd_intensity", "CN", 2022, "2.54", "%", "final", NBS, "2022年全国科技经费投入统计公报 (中新网)", "http://xgambeijing.cn/cn/Instant/domestic/202309/t20230918_7488851.html", "2023-09-18", "投入强度…为2.54%", "H", ""),
    ("rd_intensity", "CN", 2023, "2.64", "%", "preliminary", "Guangming Daily", "China's R&D spending 2023, preliminary (en.gmw.cn)", "https://en.gmw.cn/2024-03/07/content_37190715.htm", "2024-03-07", "2.64 percent", "H", ""),
    ("rd_intensity", "CN", 2023, "2.65", "%", "final", NBS, "2023年全国科技经费投入统计公报 (中新社)", "http://90m2em.cn/showinfo-253-335641-0.html", "2024-10-02", "2023年中国R&D经费投入强度…为2.65%", "H", "Pre-revision GDP; the 2024 bulletin implies a revised 2023 of about 2.58%."),
    ("rd_intensity", "CN", 2024, "2.68", "%", "preliminary", "Yicai Global", "China was world's second-biggest R&D spender again last year", "https://yicaiglobal.com/news/china-was-worlds-second-biggest-rd-spender-again-last-year", "2025-01-24", "2.68 percent", "H", ""),
    ("rd_intensity", "CN", 2024, "2.69", "%", "final", NBS, "2024年全国科技经费投入统计公报", U_NETBIG, "2025-09-29", "投入强度(与国内生产总值之比)为2.69%,比上年提高0.11个百分点", "H", "Revised-GDP basis."),
    ("rd_intensity", "CN-SH", 2012, "3.31", "%", "final", "Shanghai Municipal Science and Technology Commission", "Shanghai leads in technology and innovation (China.org.cn)", "https://www.archyworldys.com/shanghai-leads-in-technology-and-innovation_china-org-cn/", "2022", "from 3.31 percent to 4.21 percent", "M", ""),
    ("rd_intensity", "CN-SH", 2014, "3.41", "%", "final", "China Daily", "Shanghai two sessions 2025 (english.shanghai.gov.cn)", "https://english.shanghai.gov.cn/en-2025shanghaitwosessions-infocus/20250116/356b9e6b5e1e4d7887a025b67a5a5741.html", "2025-01-16", "up from 3.41 percent in 2014", "H", ""),
    ("rd_intensity", "CN-SH", 2017, "3.9", "%", "final", "Yicai", "Shanghai pioneers in China R&D for two reasons, researcher says", "https://jp.yicaiglobal.com/news/shanghai-pioneers-in-china-rd-for-two-reasons-researcher-says", "2018", "2017年に研究開発に費やされた1,205億元…3.9%", "M", ""),
    ("rd_intensity", "CN-SH", 2019, "4", "%", "final", "Shanghai Science and Technology Innovation Center report 2019", "Shanghai claims R&D investments of 4% of its GDP in 2019 (window-to-china.de)", "https://window-to-china.de/2020/12/08/shanghai-claims-rd-investments-of-4-of-its-gdp-in-2019/", "2020-12-08", "R&D spending as a percentage of GDP was 4% last year", "M", "Published as \"4%\" (rounded)."),
    ("rd_intensity", "CN-SH", 2021, "4.21", "%", "final", "Shanghai Municipal Science and Technology Commission", "Shanghai leads in technology and innovation (China.org.cn)", "https://www.archyworldys.com/shanghai-leads-in-technology-and-innovation_china-org-cn/", "2022", "from 3.31 percent to 4.21 percent", "M", ""),
    ("rd_intensity", "CN-SH", 2022, "4.44", "%", "final", NBS, "2022年上海R&D经费投入 (第一财经)", "http://beissy.com/xinwenzixun/xingyexinwen/4739.html", "2023-09", "2022年,上海R&D经费投入1981.6亿元,R&D经费投入强度4.44%", "M", "Shanghai's own report gives 4.2%."),
    ("rd_intensity", "CN-SH", 2023, "4.4", "%", "estimate", "Shanghai Municipal Science and Technology Commission", "2023上海科技进步报告 (中国科学报)", "http://bsd9b7.fjmwgg.com/htmlnews/2024/1/51540.shtm", "2024-01-24", "全社会研发经费占GDP的比重预计4.4%左右", "M", "An expected figure (预计)."),
    ("rd_intensity", "CN-GD", 2024, "3.6", "%", "estimate", "Guangdong Provincial People's Government", "2025年广东省政府工作报告", "http://m.wqcgm.cn/news/3595650.html", "2025-01", "预计全省研发经费支出约5100亿元、研发投入强度3.6%左右", "M", "An expected figure (预计)."),
    ("rd_intensity", "CN-JJJ", 2013, "3.22", "%", "final", "Beijing Development Institute, Peking University", T_PKU, U_PKU, "2025-01-06", "increased from 3.22% to 4.27%", "M", ""),
    ("rd_intensity", "CN-JJJ", 2023, "4.27", "%", "final", "Beijing Development Institute, Peking University", T_PKU, U_PKU, "2025-01-06", "increased from 3.22% to 4.27%", "M", "Pre-revision GDP."),
    ("rd_intensity", "CN-JJJ", 2024, "4.22", "%", "final", NBS, T_NBS24, U_REPORTIFY, "2025-12-25", "区域全社会R&D经费投入强度为4.22%,比上年提高0.2个百分点", "H", "Revised-GDP basis."),

    ("basic_research_share", "CN-BJ", 2012, "11.83", "%", "final", BMSTC, T_VMAYA, U_VMAYA, "2019-08-22", "基础研究投入占比从2012年的11.83%稳步提升至15%左右", "M", ""),
    ("basic_research_share", "CN-BJ", 2020, "16.7", "%", "final", BMBS, "Review of Beijing's economic and social development, 2017–2021", "https://www.rsa-tax.com/single-post/beijing-s-gdp-per-capita-growth", "2022", "Beijing's funds for basic research account for 16.7% of its total R&D funds", "L", "Year not explicit (probably 2020); sits oddly with 16.1% for 2021."),
    ("basic_research_share", "CN-BJ", 2021, "16.1", "%", "final", BMBS, T_BJD, U_BJD, "2022-09-13", "基础研究经费投入达到422.5亿元,约占全国1/4,占北京R&D经费比重为16.1%", "H", ""),
    ("basic_research_share", "CN-BJ", 2022, "16.6", "%", "final", BMBS, "Beijing's R&D investment 2022 (Beijing Daily, english.beijing.gov.cn)", "https://english.beijing.gov.cn/beijinginfo/sci/latesttrend/latesttrendlist/202309/t20230922_3264465.html", "2023-09-22", "This accounts for 16.6 percent of the total R&D budget", "H", "Basic research 47.07 bn yuan, +11.4%."),
    ("basic_research_share", "CN-BJ", 2023, "", "%", "qualitative", BMSTC, T_ZHANG, U_ZHANG, "2024", "近几年北京R&D经费投入强度一直保持在6%以上…其中基础研究经费比重16%左右", "M", ""),
    ("basic_research_share", "CN-BJ", 2025, "", "%", "qualitative", BMBS, T_STDDY, U_STDDY, "2026-01-25", "基础研究经费占比保持在16%左右", "M", ""),
    ("basic_research_share", "CN", 2018, "5.5", "%", "final", "CGTN", "China's spending on R&D hits historic high", "https://news.cgtn.com/news/2019-09-07/China-s-spending-on-R-D-hits-historic-high-JN6B79b7mU/share_amp.html", "2019-09-07", "5.5 percent", "H", ""),
    ("basic_research_share", "CN", 2019, "6.0", "%", "final", "Xinhua News Agency", "China's R&D spending 2019 (english.www.gov.cn)", "https://english.www.gov.cn/archive/statistics/202008/27/content_WS5f474760c6d0f7257693b264.html", "2020-08-27", "6 percent", "H", ""),
    ("basic_research_share", "CN", 2020, "6.0", "%", "final", NBS, "2020年全国科技经费投入统计公报", U_LIYAN20, "2021-09", "基础研究经费1467.0亿元…占R&D经费比重为6.0%", "H", ""),
    ("basic_research_share", "CN", 2021, "6.5", "%", "final", NBS, "2021年全国科技经费投入统计公报", U_LIYAN21, "2022-08", "基础研究经费1817.0亿元…占R&D经费比重为6.5%", "H", ""),
    ("basic_research_share", "CN", 2022, "6.57", "%", "final", NBS, "2022年全国科技经费投入统计公报 (中新网)", "http://xgambeijing.cn/cn/Instant/domestic/202309/t20230918_7488851.html", "2023-09-18", "基础研究经费2023.5亿元…占R&D经费比重为6.57%", "H", ""),
    ("basic_research_share", "CN", 2023, "6.77", "%", "final", NBS, "2023年全国科技经费投入统计公报 (经济日报)", "http://m.xbqs.cn/20/11984.html", "2024-10-03", "基础研究经费2259.1亿元…占R&D经费比重为6.77%", "H", ""),
    ("basic_research_share", "CN", 2024, "6.88", "%", "final", NBS, "2024年全国科技经费投入统计公报", U_NETBIG, "2025-09-29", "基础研究经费2500.9亿元…占R&D经费比重为6.88%", "H", ""),

    ("hightech_value_added", "CN-BJ", 2014, "4738", "亿元", "final", BMSTC, T_ZHANG, U_ZHANG, "2024", "高技术产业增加值增长一倍多,从2014年的4738亿元提高到2023年的11859亿元", "M", ""),
    ("hightech_value_added", "CN-BJ", 2016, "5646.7", "亿元", "preliminary", BMBS, "2016年北京经济运行 (经济日报)", "http://www.huawenzs.com/yw/1701/89494.html", "2017-01-26", "其中,高技术产业增加值5646.7亿元,增长9.1%", "H", ""),
    ("hightech_value_added", "CN-BJ", 2023, "11859", "亿元", "final", BMSTC, T_ZHANG, U_ZHANG, "2024", "高技术产业增加值增长一倍多,从2014年的4738亿元提高到2023年的11859亿元", "M", ""),

    ("digital_economy_value_added", "CN-BJ", 2015, "8719.4", "亿元", "final", BMBS, "北京数字经济发展 (统计局 2022-09-22)", "https://www.vkhz.com/ush/at_358256.html", "2022-09-22", "数字经济增加值从2015年的8719.4亿元增加到2021年的1.6万亿元", "M", ""),
    ("digital_economy_value_added", "CN-BJ", 2021, "1.6", "万亿元", "final", BMBS, "北京数字经济发展 (统计局 2022-09-22)", "https://www.vkhz.com/ush/at_358256.html", "2022-09-22", "数字经济增加值从2015年的8719.4亿元增加到2021年的1.6万亿元", "M", "Rounded as published (1.6万亿元)."),
    ("digital_economy_value_added", "CN-BJ", 2022, "17330.2", "亿元", "preliminary", BMBS, "北京市2022年国民经济和社会发展统计公报 (中新社)", "http://ydyl.china.com.cn/2023-03/22/content_85183699.htm", "2023-03-21", "全年数字经济实现增加值17330.2亿元,按现价计算,比上年增长4.4%", "H", ""),
    ("digital_economy_value_added", "CN-BJ", 2023, "18766.7", "亿元", "preliminary", BMBS, "2023年北京数字经济增加值 (中商产业研究院)", "http://www.bwgclm.cn/news/chanye/20240326/153314271143839434213053_2.shtml", "2024-03-26", "2023年北京实现数字经济增加值18766.7亿元,按现价计算,比上年增长8.5%", "H", ""),
    ("digital_economy_growth", "CN-BJ", 2022, "4.4", "%", "preliminary", BMBS, "北京市2022年国民经济和社会发展统计公报 (中新社)", "http://ydyl.china.com.cn/2023-03/22/content_85183699.htm", "2023-03-21", "按现价计算,比上年增长4.4%", "H", "Current prices."),
    ("digital_economy_growth", "CN-BJ", 2023, "8.5", "%", "preliminary", BMBS, "2023年北京数字经济增加值 (中商产业研究院)", "http://www.bwgclm.cn/news/chanye/20240326/153314271143839434213053_2.shtml", "2024-03-26", "按现价计算,比上年增长8.5%", "H", "Current prices."),
    ("digital_economy_growth", "CN-BJ", 2024, "7.7", "%", "preliminary", "Beijing Municipal People's Government", "Facts – economy 2024 (german.beijing.gov.cn)", "https://german.beijing.gov.cn/beijinginfo/facts/economy/202312/t20231204_3489381.html", "2025", "Die Wertschöpfung der digitalen Wirtschaft Beijings stieg im Vergleich zum Vorjahr um 7,7 Prozent", "H", "Price basis not stated."),
    ("digital_economy_growth", "CN-BJ", 2025, "8.7", "%", "preliminary", "Beijing Municipal People's Government", "2026年北京市政府工作报告 (中评社)", "https://hk.crntt.com/doc/1071/6/3/1/107163132.html", "2026-01-25", "數字經濟增加值增長8.7%", "H", "Price basis not stated."),

    ("tech_contract_turnover", "CN-BJ", 2010, "1579.5", "亿元", "final", BMSTC, "2015年北京技术市场统计年报", U_CBTM, "2016", "2015年成交额3452.6亿元,是2010年(1579.5亿元)的2.2倍", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2011, "189", "billion yuan", "preliminary", "Beijing Daily", "Beijing technology transactions 2011 (People's Daily Online)", "http://en.people.cn/90778/7707941.html", "2012-01-17", "volume of technology transactions in Beijing reached 189 billion yuan last year", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2012, "2458.5", "亿元", "final", BMSTC, "2012年北京技术合同成交额 (北京日报)", "http://siheshuidao.cn/ep/hjxw/201308/45552.htm", "2013-08", "2012年北京技術合同成交額達2458.5億元", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2014, "3136", "亿元", "final", BMSTC, T_ZHANG, U_ZHANG, "2024", "从2014年的3136亿元提高到2023年的8536.9亿元", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2015, "3452.6", "亿元", "final", BMSTC, "2015年北京技术市场统计年报", U_CBTM, "2016", "2015年成交额3452.6亿元", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2016, "394", "billion yuan", "final", "China Daily", "Beijing technology contracts 2016 (CNIPA)", U_CNIPA, "2017-06-21", "turnover of technology contracts reached 394 billion yuan", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2018, "4957.8", "亿元", "final", BMSTC, T_VMAYA, U_VMAYA, "2019-08-22", "2018年,北京技术合同成交额4957.8亿元,较2012年翻了一番,约占全国三成", "M", ""),
    ("tech_contract_turnover", "CN-BJ", 2019, "5695.3", "亿元", "final", "Torch High Technology Industry Development Center, MOST", "2019年全国技术市场统计 (火炬中心)", U_XCSX, "2020-03", "技術合同成交額5695.3億元,居全國第一位", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2020, "6316.16", "亿元", "final", "Torch High Technology Industry Development Center, MOST", "2020年全国技术合同成交额 (南方都市报)", U_OEEEE, "2021-02-25", "北京的技术合同成交额以6316.16亿元蝉联全国第一", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2022, "794.75", "billion yuan", "final", "Xinhua News Agency", "Beijing technology trading 2022 (People's Daily Online)", "http://en.people.cn/n3/2023/0516/c90000-20018985.html", "2023-05-16", "The turnover of technology trading contracts in the city reached 794.75 billion yuan", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2023, "8536.9", "亿元", "final", BMSTC, "2023年北京技术合同成交额 (中新社)", "http://g.golangjump.com/?bW=yUGLN.html", "2024-01-19", "认定登记技术合同总量首次突破十万项,达106552项…成交额达8536.9亿元…同比增长7.4%", "H", ""),
    ("tech_contract_turnover", "CN-BJ", 2024, "915.3", "billion yuan", "final", "Beijing Municipal People's Government", "Two-zones press conference (China.org.cn)", "http://www.cdcqgg.com/2025-06/20/content_118242825.shtml", "2025-06-20", "Annual technology contract transactions totaled 915.3 billion yuan (US$127.3 billion), the highest in the country", "M", "Not corroborated in Chinese; the same paragraph mixes years."),
    ("tech_contract_turnover", "CN", 2019, "22398.4", "亿元", "final", "Torch High Technology Industry Development Center, MOST", "2019年全国技术市场统计 (火炬中心)", U_XCSX, "2020-03", "全国技术合同成交额22398.4亿元", "H", ""),
    ("tech_contract_turnover", "CN", 2021, "37294.3", "亿元", "final", "Ministry of Science and Technology", "2021年全国技术合同成交额 (我苏网)", U_JSTV, "2022-02-28", "成交金额37294.3亿元,同比增长32%", "H", ""),
    ("tech_contract_turnover", "CN", 2024, "6.8", "万亿元", "final", "Ministry of Science and Technology", "China's tech market surges (StratNews Global)", "https://stratnewsglobal.tech/technology/chinas-tech-market-surges-with-13-3-growth-in-early-2025", "2025-05-16", "6.8 trillion yuan, up 11.2 percent", "M", "Rounded as published."),
    ("tech_contract_turnover", "CN-SH", 2020, "1815.27", "亿元", "final", "Torch High Technology Industry Development Center, MOST", "2020年全国技术合同成交额 (南方都市报)", U_OEEEE, "2021-02-25", "上海1815.27亿元", "H", ""),
    ("tech_contract_turnover", "CN-SH", 2023, "4850.21", "亿元", "final", "Shanghai Municipal Science and Technology Commission", "2023上海科技进步报告 (中国科学报)", "http://bsd9b7.fjmwgg.com/htmlnews/2024/1/51540.shtm", "2024-01-24", "技术合同成交额4850.21亿元", "M", ""),
    ("tech_contract_turnover", "CN-GZ", 2020, "2256.53", "亿元", "final", "Torch High Technology Industry Development Center, MOST", "2020年全国技术合同成交额 (南方都市报)", U_OEEEE, "2021-02-25", "广州2256.53亿元", "H", ""),
    ("tech_contract_turnover", "CN-JS", 2021, "3013.56", "亿元", "final", "Ministry of Science and Technology", "2021年全国技术合同成交额 (我苏网)", U_JSTV, "2022-02-28", "江苏3013.56亿元", "H", ""),
    ("tech_contract_turnover", "CN-JJJ", 2019, "7000.4", "亿元", "final", "Torch High Technology Industry Development Center, MOST", "2019年全国技术市场统计 (火炬中心)", U_XCSX, "2020-03", "京津冀地区技术合同成交额7000.4亿元", "H", ""),
    ("tech_contract_turnover", "CN-YRD", 2019, "4624.9", "亿元", "final", "Torch High Technology Industry Development Center, MOST", "2019年全国技术市场统计 (火炬中心)", U_XCSX, "2020-03", "长三角地区技术合同成交额4624.9亿元", "H", ""),

    ("hightech_zone_revenue", "HTZ-ZGC", 2014, "3.6", "万亿元", "final", BMSTC, T_ZHANG, U_ZHANG, "2024", "中关村示范区企业总收入增长一倍多,从2014年的3.6万亿元提高到2023年的8.7万亿元", "M", ""),
    ("hightech_zone_revenue", "HTZ-ZGC", 2016, "4.57", "trillion yuan", "final", "China Daily", "Beijing technology contracts 2016 (CNIPA)", U_CNIPA, "2017-06-21", "The gross revenue of the Zhongguancun National Demonstration Zone…totaled 4.57 trillion yuan", "H", ""),
    ("hightech_zone_revenue", "HTZ-ZGC", 2018, "58841.9", "亿元", "final", BMSTC, T_VMAYA, U_VMAYA, "2019-08-22", "中关村示范区总收入达58841.9亿元,是2012年的2.4倍", "M", ""),
    ("hightech_zone_revenue", "HTZ-ZGC", 2019, "6.5", "trillion yuan", "preliminary", BMBS, "Zhongguancun enterprises' revenue 2019 (China Daily)", "http://covid-19.chinadaily.com.cn/m/beijing/zhongguancun/2020-03/06/content_37534242.htm", "2020-03-06", "The total income of enterprises in…Zhongguancun Science Park reached 6.5 trillion yuan last year", "H", ""),
    ("hightech_zone_revenue", "HTZ-ZGC", 2023, "8.7", "万亿元", "final", "Standing Committee of the Beijing Municipal People's Congress", "关于中关村示范区建设情况的报告", "https://www.bjrd.gov.cn/xwzx/spxw/hysp/202407/t20240725_3759036.html", "2024-07-24", "2023年分园规模以上企业总收入8.7万亿元", "H", ""),
    ("hightech_zone_rank", "HTZ-ZGC", 2023, "1", "rank", "final", "Beijing Municipal People's Government", "Two-zones press conference (China.org.cn)", "http://www.cdcqgg.com/2025-06/20/content_118242825.shtml", "2025-06-20", "the total revenue of enterprises in the Zhongguancun Science Park reached 8.74 trillion yuan, ranking first among 178 high-tech zones in China", "M", "The year is not explicit (2023 or 2024); recorded as 2023 because the 8.74 trillion matches the published 2023 total of 8.7万亿 (inference)."),
]

HEADER = ["indicator", "region", "period", "value", "unit", "status", "publisher", "title", "url",
          "published", "quote", "confidence", "note"]

if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "src/planwatch/sources/builtin/beijing-facts.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(ROWS)
    print(f"wrote {len(ROWS)} rows to {out}")
