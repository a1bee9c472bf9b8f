"""The whole pipeline on one text: offsets, fields, and robustness.

Example tables of real sentences live with the rules (rules/*.yaml, run by
test_rules.py); this module checks what holds for every text.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.facts import FACT_COLUMNS, extract, extract_facts, facts_frame
from extract.numerals import parse_number

# Text made of the characters statistics are written with, so the fuzzing reaches
# numbers, units and markers rather than only random code points.
ALPHABET = "0123456789０１２３４５６７８９.,，。、；：%％-—~至到一二两三四五六七八九十百千万亿零点多余几来把个名户元亩吨斤年月天" \
           "岁成折分之每人均约近超不足以上左右“”《》()（）第 \n\t块米公里平方立米次家座项|≥～:：单位"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_no_text_makes_the_pipeline_raise(text):
    result = extract(text)
    for fact in result.facts:
        assert 0 <= fact.start < fact.end <= len(text)
        assert fact.kind in ("people", "households", "money", "area", "weight", "length", "volume", "percent",
                             "percentage_point", "age", "duration", "count")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode_text_is_safe(text):
    extract(text)


@pytest.mark.parametrize("raw, surface", [
    ("稳岗补助 5202 人 624.24 万元", ["5202 人", "624.24 万元"]),
    ("动 力 566 人 ，2022 年", ["566 人"]),
    ("共有１２３人", ["１２３人"]),
    ("发放工资\n\n614.42 万元", ["614.42 万元"]),
])
def test_offsets_point_into_the_raw_text(raw, surface):
    facts = extract_facts(raw)
    assert [raw[f.start:f.end] for f in facts] == surface
    assert [f.text for f in facts] == ["".join(s.split()) for s in surface]


def test_sentence_and_rule_are_filled():
    fact = extract_facts("今年以来，合作社对农户每亩有 800元的保底分红。下一句。")[0]
    assert fact.sentence == "今年以来，合作社对农户每亩有800元的保底分红。"
    assert fact.rule == "quantity/元"


def test_context_off_leaves_only_the_core_fields():
    fact = extract_facts("稳岗补助 5202 人", context=False)[0]
    assert (fact.value, fact.unit, fact.subject, fact.indicator) == (5202, "人", None, None)


def test_frame_has_the_fact_columns():
    frame = facts_frame(extract_facts("1.4万亩土地，3.2亿元"))
    assert list(frame.columns) == list(FACT_COLUMNS)
    assert frame["value"].tolist() == [14000, 320000000]


def test_table_cells_take_the_unit_of_their_column():
    text = "项目 | 数量 | 金额（万元）\n道路 | 12条 | 3,560\n桥梁 | 3座 | 8,200\n正文继续。"
    rows = [(f.value, f.unit, f.subject) for f in extract_facts(text)]
    assert rows == [(12, "条", "道路"), (35600000, "元", "道路"), (3, "座", "桥梁"), (82000000, "元", "桥梁")]


def test_markdown_tables_take_units_from_the_row_or_a_unit_column():
    text = ("| 指标 | 2024年 | 增长（%） |\n|---|---|---|\n| 地区生产总值（亿元） | 586.3 | 5.8 |\n"
            "| 固定资产投资（亿元） | — | -2.1 |\n\n"
            "| 指标 | 单位 | 2024年 | 比上年增减 |\n|---|---|---|---|\n| 在校学生 | 万人 | 9.73 | 0.21 |\n")
    rows = [(f.value, f.unit, f.subject) for f in extract_facts(text)]
    assert rows == [(58630000000, "元", "地区生产总值"), (5.8, "%", "地区生产总值"), (2.1, "%", "固定资产投资"),
                    (97300, "人", "在校学生"), (2100, "人", "在校学生")]


def test_rows_laid_out_with_wide_spaces_stay_apart():
    text = "序号　姓名　补贴面积　补贴金额\n1　张某某　320亩　1.6万元\n2　李某　186.5亩　9325元\n"
    rows = [(f.text, f.value) for f in extract_facts(text)]
    assert rows == [("320亩", 320), ("1.6万元", 16000), ("186.5亩", 186.5), ("9325元", 9325)]


def test_a_hashtag_is_a_title():
    assert [f.value for f in extract_facts("#打卡100个宝藏小镇# 粉丝3.2w，门票0元")] == [32000, 0]


def test_a_table_row_is_no_wrapped_line():
    facts = extract_facts("道路 | 12条 | 3560\n桥梁 | 3座 | 8200\n")
    assert [f.text for f in facts] == ["12条", "3座"]


def test_a_range_written_high_to_low_is_stored_low_to_high():
    [fact] = extract_facts("各名次奖金为1.2万美元至1000美元不等")
    assert (fact.value, fact.value_max, fact.unit) == (1000, 12000, "美元")


def test_a_bound_reached_and_one_not_reached_make_a_range():
    facts = extract_facts("年满70周岁不满75周岁的，每人每月再增加25元；年满75周岁及以上的，每人每月再增加35元")
    assert [(f.value, f.value_max, f.approx) for f in facts if f.unit == "岁"] == [(70, 75, None), (75, None, "over")]


def test_one_approximation_marker_after_a_figure():
    facts = extract_facts("其中3.0级以上余震4次，最大余震3.8级")
    assert [(f.text, f.value, f.approx) for f in facts] == [("3.0级以上", 3, "over"), ("4次", 4, None), ("3.8级", 3.8, None)]


@pytest.mark.parametrize("text, subjects", [
    ("质保期：2年", ["质保期"]),  # a label before a colon
    ("定额调整：每人每月增加28元。", ["定额调整"]),
    ("居民家用充电桩执行居民电价，每千瓦时0.5283元。", ["居民电价"]),  # a clause with only a rate marker
    ("电价为每千瓦时0.5653元", ["电价"]),
    ("今年七十一岁的郑守田，是石桥村的乡村医生。", ["郑守田"]),  # an age takes the person
    ("严国富今年五十八岁。", ["严国富"]),
    ("被告人柯某某，男，1979年6月出生，案发时45岁，住棠溪市。", ["柯某某"]),
    ("细颗粒物（PM2.5）年均浓度为31微克/立方米", ["颗粒物年均浓度"]),  # the aside does not end the phrase
    ("沪指报3286.45点，涨幅0.56%；", ["沪指", "沪指"]),  # a vague word defers to the figure before
    ("按每人1500元给予一次性扩岗补助", ["一次性扩岗补助"]),  # what a grant verb gives
    ("预算金额：人民币叁佰伍拾万元整（¥3500000.00）", ["预算金额", "预算金额"]),  # the same sum in brackets
    ("为1086名老人发放高龄津贴，每人每月100~300元。", ["老人", "高龄津贴"]),  # the counted noun, not what it does
    ("最高气温出现在14日，为26.8℃。", ["气温"]),  # the topic of the clause before
    ("按不变价格计算，增长5.6%。", [None]),  # … but a clause opening with a preposition has none
    ("本合同一式三份。", ["本合同"]),  # the sentence's topic, when nothing nearer names it
    ("本报讯（记者王五）桂岭村村集体经济收入去年达到十万八千元。", ["桂岭村村集体经济收入"]),  # past the dateline
    ("粉丝也涨到了3.2万人", ["粉丝"]),  # the nouns before the verb
    ("授权发明专利1086件，是五年前的2.6倍；", ["发明专利", "发明专利"]),  # a multiple of the figure before
    ("全年完成客运量3.82亿人次，日均约105万人次。", ["客运量", "客运量"]),  # a rate of the figure before
    ("住院楼地上22层、地下2层", ["住院楼", "住院楼"]),  # a place word ends no subject
    ("第一年只挂了三千来斤果，有三成利就算好年景了。", ["果", "利"]),  # one character after the figure
    ("每千人口床位数达到6.8张", ["床位数"]),  # the 口 of 人口 goes with the rate
    ("62岁的村民郑老栓正蹲着翻晒核桃。", ["郑老栓"]),  # the name after the role an age describes
    ("72岁的岳宁大学教授何振川说", ["何振川"]),  # … not the start of a college's name
    ("九十岁以上的高龄老人1200人", ["高龄老人", "高龄老人"]),  # … nor a word opening with a family name
    ("家住城东社区的退休教师黄四海今年72岁。", ["黄四海"]),  # the name before 今年
    ("路人小吴（二十四岁，快递员）说", ["小吴"]),  # 小 and a family name before an aside
    ("来自省内外的43个非遗项目参加展示。", ["非遗项目"]),  # a prefix (非) opens the noun after
    ("再给予1000元的吸纳就业补贴", ["吸纳就业补贴"]),  # the noun a 的 after the figure opens
    ("海拔1200米以上的陡坡", ["海拔"]),  # … but not after a threshold
    ("村民邵秀英在园区务工。今年52岁的她，过去常年在外打零工。", ["邵秀英"]),  # the person a pronoun stands for
    ("最高支付限额提高。他今年68岁。", [None]),  # … never a family name inside a word (支付限额)
    ("香菇种植规模达到860万棒，同比增加120万棒。", ["香菇种植规模", "香菇种植规模"]),  # a measure keeps its verb and thing
    ("申请人：乔某生，男，58岁，个体养殖户。", ["乔某生"]),  # a party's entry after a colon
    ("去年中秋前后出库的李子，一斤卖到了六块五。", ["李子"]),  # a clause of a noun phrase alone names the thing
    ("石桂兰是村里的第二代村医，十九岁跟着父亲学医。", ["石桂兰"]),  # … but X是…的Y is of X
    ("乡党们好，额是老王，今年四十七岁咧。", ["老王"]),  # the name a speaker gives (but not 我是党员)
    ("我是党员，今年五十岁。", [None]),
    ("邮政储蓄年末余额八千七百万元", ["邮政储蓄年末余额"]),  # a bare measure keeps its thing across the period
    ("公司全年研发投入3.47亿元", ["研发投入"]),  # … a full one does not
    ("将对剩余的107户分散农户逐户摸底", ["分散农户"]),  # a modifier may open the households counted
])
def test_subjects_of_labels_rates_ages_and_asides(text, subjects):
    assert [f.subject for f in extract_facts(text)] == subjects


def test_a_change_then_a_level_far_above_it_is_no_range():
    facts = extract_facts("正常蓄水位提高1.5米至182.0米；票价提高10元至15元")
    assert [(f.value, f.value_max) for f in facts] == [(1.5, None), (182, None), (10, 15)]


def test_a_spoken_round_number_is_a_range():
    [fact] = extract_facts("一顿饭也就百八十块")
    assert (fact.value, fact.value_max, fact.unit) == (80, 100, "元")


def test_an_arabic_digit_does_not_run_into_a_chinese_one():
    assert [(f.value, f.per) for f in extract_facts("炸串：¥2一串")] == [(2, "串")]


def test_a_tab_separated_table_reads_like_a_markdown_one():
    text = "主要指标见下表：\n指标名称\t单位\t本月\t累计\t同比增长(%)\n规模以上工业增加值\t亿元\t12.36\t35.87\t6.8\n" \
           "固定资产投资\t亿元\t—\t52.18\t-4.3\n"
    rows = [(f.value, f.unit, f.subject) for f in extract_facts(text)]
    assert rows == [(1236000000, "元", "规模以上工业增加值"), (3587000000, "元", "规模以上工业增加值"),
                    (6.8, "%", "规模以上工业增加值"), (5218000000, "元", "固定资产投资"), (4.3, "%", "固定资产投资")]


def test_a_minus_before_a_change_a_loss_or_in_a_table_is_dropped():
    facts = extract_facts("最低气温降至-4℃，零下2.5摄氏度；工业增加值同比-2.1%，利润增长负3.9%；收益率为-22.2%，"
                          "归属于上市公司股东的净利润为-1.37亿元；偏差为-1.5%。\n| 品名 | 环比 |\n|---|---|\n| 白菜 | -8.1% |\n")
    assert [(f.value, f.unit) for f in facts] == [(-4, "℃"), (-2.5, "℃"), (2.1, "%"), (3.9, "%"), (22.2, "%"),
                                                  (137000000, "元"), (-1.5, "%"), (8.1, "%")]


def test_csv_rows_read_as_a_table_with_units_and_rates_from_the_header():
    text = ("各乡镇情况如下：\n乡镇,种植面积（亩）,单产（公斤/亩）\n城关镇,62400,186\n"
            "柳河镇,\"108,300\",193\n合计,170700,189.5\n全县平均单产189.5公斤。")
    rows = [(f.value, f.unit, f.per, f.subject) for f in extract_facts(text)]
    assert rows[:4] == [(62400, "亩", None, "城关镇"), (186, "公斤", "亩", "城关镇"), (108300, "亩", None, "柳河镇"),
                        (193, "公斤", "亩", "柳河镇")]
    assert rows[-1][:3] == (189.5, "公斤", "亩")


def test_a_unit_caption_under_a_table_serves_its_cells():
    text = "| 项目 | 2023年 | 2024年 |\n|---|---|---|\n| 民宿收入 | 980 | 1,420 |\n\n*表：旅游收入构成（单位：万元）*\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(9800000, "元"), (14200000, "元")]


def test_subtitle_lines_without_punctuation_stay_apart():
    text = "这片果园一共十五亩\n七十五毫米以上的大果 一斤三块五\n小果一斤才一块五 拉去做果汁\n一天工钱一百二 管中午一顿饭\n我们下期见\n"
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)] == [
        (15, "亩", None), (75, "毫米", None), (3.5, "元", "斤"), (1.5, "元", "斤"), (120, "元", "天")]


def test_a_headline_keeps_the_space_between_its_halves_and_body_text_loses_its_spaces():
    from extract.clean import clean
    text = clean("江岱省全社会用电量达4286亿千瓦时 新能源装机占比升至45.1%\n正文：稳岗补助 5202 人，动 力 566 人。\n").text
    assert "千瓦时 新能源" in text and "稳岗补助5202人" in text and "动力566人" in text


def test_web_and_ocr_leftovers_are_cleaned_before_figures_are_read():
    facts = extract_facts("总投资18.7&nbsp;亿元，新增企业3l2家、2O5家，增长O.8个百分点，亩产468. 8公斤。")
    assert [(f.value, f.unit) for f in facts] == [(1870000000, "元"), (312, "家"), (205, "家"), (0.8, "个百分点"),
                                                  (468.8, "公斤")]


def test_quoted_email_lines_are_joined_without_their_marks():
    text = "转发：\n> 我镇农作物受灾面积更正为1.6万亩，其中成灾面\n> 积5,800亩，绝收面积1,200亩。\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(16000, "亩"), (5800, "亩"), (1200, "亩")]


def test_a_fixed_width_table_with_a_unit_line_and_rules():
    text = ("表1 投资完成情况\n                      单位：亿元\n" + "-" * 40 + "\n"
            "类  别      项目数（个）    年度计划投资   完成率（%）\n" + "-" * 40 + "\n"
            "产业项目          48          126.50          54.0\n"
            "合  计           124          263.10          51.9\n" + "-" * 40 + "\n")
    rows = [(f.value, f.unit, f.subject) for f in extract_facts(text)]
    assert rows == [(48, "个", "产业项目"), (12650000000, "元", "产业项目"), (54, "%", "产业项目"),
                    (124, "个", "项目数"), (26310000000, "元", "年度计划投资"), (51.9, "%", "完成率")]


def test_chat_lines_stay_apart_and_their_nicknames_are_no_facts():
    text = "3-2-1102 陈姐：物业费要从每平米一块八涨到两块五[发怒]\n7栋 老周：看到了，一下子涨了快四成\n"
    assert [(f.value, f.unit, f.approx) for f in extract_facts(text)] == [
        (1.8, "元", None), (2.5, "元", None), (40, "%", "under")]


def test_a_headline_printed_twice_keeps_one_copy():
    facts = extract_facts("鹿塘县新增高标准农田3.2万亩\n鹿塘县新增高标准农田　3.2万亩\n\n全县新建高标准农田3.2万亩。")
    assert [f.value for f in facts] == [32000, 32000]


def test_a_change_of_a_count_counts_the_same_kind():
    facts = extract_facts("全区实有市场主体8.62万户，其中企业2.37万户，比上年末增加1140户。")
    assert [f.kind for f in facts] == ["count", "count", "count"]


@pytest.mark.parametrize("text, value, unit", [
    ("海外营收USD 2.5亿", 250000000, "美元"),
    ("预计全年营收约USD1.8亿", 180000000, "美元"),
    ("斩获€1200万车规级芯片订单", 12000000, "欧元"),  # the sign names the unit, not the 车 after
])
def test_currency_codes_and_signs_before_a_figure(text, value, unit):
    [fact] = extract_facts(text)
    assert (fact.value, fact.unit) == (value, unit)


def test_a_range_qualifies_a_bare_one():
    assert [(f.value, f.value_max) for f in extract_facts("实习期一到两年，打造一个平台")] == [(1, 2)]


def test_subtitle_cues_are_chrome():
    text = "1\n00:00:00,000 --> 00:00:03,600\n今年全县脐橙种植面积\n\n2\n00:00:03,600 --> 00:00:07,100\n达到18.6万亩。\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(186000, "亩")]


def test_a_chat_log_reads_as_a_transcript():
    text = ("王阿姨 09:12\n侬看看大概要多少铜钿？\n\n小陈 09:20\n人工加辅料三万二左右。\n\n"
            "王阿姨 09:31\n三万二？只有两万六。\n\n小陈 09:40\n三万好伐？\n")
    extraction = extract(text)
    assert [(f.value, f.unit) for f in extraction.facts] == [(32000, "元"), (32000, "元"), (26000, "元"), (30000, "元")]
    assert "小陈：人工加辅料" in extraction.cleaned.text and "09:20" not in extraction.cleaned.text


def test_a_chat_log_with_room_nicknames_keeps_each_message_apart():
    text = ("3栋601-小林　19:02\n加装电梯的报价出来了，质保15年\n\n3栋202-王姐　19:04\n政府补多少？\n\n"
            "社区网格员刘芳　19:06\n每户还能提取公积金，最多1.5万\n\n3栋601-小林　19:10\n剩下的38.6万元由2到6楼分摊\n")
    extraction = extract(text)
    assert [(f.value, f.unit) for f in extraction.facts] == [(15, "年"), (15000, "元"), (386000, "元")]
    assert "\n3栋202-王姐：政府补多少？\n" in extraction.cleaned.text


def test_a_caption_unit_serves_the_table_below():
    text = "表1 专项资金支出结构（单位：万元）\n项目名称\t金额\t占比\n培训补贴\t1,246.2\t67.0%\n"
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [(12462000, "元", "培训补贴"), (67, "%", "培训补贴")]
    prose = "上半年收支情况如下（单位：元）：\n\n| 项目 | 金额 |\n|---|---|\n| 光伏发电收益 | 126,000 |\n"
    assert [(f.value, f.unit) for f in extract_facts(prose)] == [(126000, "元")]
    spaced = "  表1  基金收支情况                    单位：万元\n  项目        本年        增长（%）\n  基金收入    46,558      3.7\n"
    assert [(f.value, f.unit) for f in extract_facts(spaced)] == [(465580000, "元"), (3.7, "%")]


def test_a_per_capita_header_makes_its_column_a_rate():
    text = "| 乡镇 | 人口（人） | 人均GDP（元） |\n|---|---|---|\n| 城关镇 | 78,650 | 61,200 |\n"
    assert [(f.value, f.per) for f in extract_facts(text)] == [(78650, None), (61200, "人")]


def test_a_spoken_price_range_keeps_its_tenths():
    [fact] = extract_facts("今年收购价一斤两块八到三块二")
    assert (fact.value, fact.value_max, fact.unit, fact.per) == (2.8, 3.2, "元", "斤")


def test_numerals_next_to_codes_and_capital_digits():
    facts = extract_facts("设U10、U12、U14三个组别，组建抢修队伍1200余人。")
    assert [(f.value, f.unit) for f in facts] == [(3, "个"), (1200, "人")]


def test_a_stray_space_inside_a_figure_is_dropped():
    facts = extract_facts("第二产业增加值6 8.95亿元，增长6.7%。共有 2024 2025 两年")
    assert [f.value for f in facts][:2] == [6895000000, 6.7]


def test_a_table_flattened_to_one_cell_a_line_is_read_as_rows():
    text = ("主要税种完成情况见表1。\n表1　主要税种收入\n单位：万元\n税种\n预算数\n执行数\n完成预算（%）\n"
            "增值税\n52,300\n54,186\n103.6\n契税\n9,200\n8,064\n87.7\n\n　　契税收入未完成预算。\n")
    rows = [(f.value, f.unit, f.subject) for f in extract_facts(text)]
    assert rows == [(523000000, "元", "增值税"), (541860000, "元", "增值税"), (103.6, "%", "增值税"),
                    (92000000, "元", "契税"), (80640000, "元", "契税"), (87.7, "%", "契税")]


def test_a_one_cell_a_line_list_of_prose_is_no_table():
    from extract.clean import clean
    text = "一、总体情况\n二、分区情况\n三、下步工作\n全年完成投资12亿元。\n"
    assert "|" not in clean(text).text


def test_page_chrome_of_a_pdf_does_not_cut_a_sentence():
    text = ("檀川县人民政府公报　　　　　　2025年第3期\n\n　　年末政府债务余额91.38亿元，控制在限额以内。全年争取新增政府债券资金\n\n"
            "　　　　　　　　— 12 —\n\n檀川县人民政府公报　　　　　　2025年第3期\n\n12，460万元，其中一般债券2，660万元。\n")
    facts = extract_facts(text)
    assert [f.value for f in facts] == [9138000000, 124600000, 26600000]
    assert facts[1].subject.endswith("政府债券资金") and "公报" not in facts[1].sentence


def test_link_lists_of_a_web_page_are_chrome():
    text = ("全县酥梨种植面积达6.8万亩。\n\n相关文章\n1. 全县新增高标准农田2.4万亩 2025-08-30\n"
            "2. 石门镇120户果农领到“梨园贷”\n\n上一篇：全县5所新建学校秋季开学\n"
            "往期推荐👇\n▶ 三人篮球赛报名开始啦\n\n阅读 1.6万\n共有果农320户。")
    facts = extract_facts(text)
    assert [(f.value, f.unit) for f in facts] == [(68000, "亩"), (320, "户")]
    assert facts[1].start == text.index("320户")  # blanked, not cut: offsets still point into the page


def test_a_line_of_dots_for_rows_left_out_keeps_the_table_going():
    text = ("单位：万元\n乡镇          补贴面积（亩）    农户数（户）    补贴金额\n"
            "城关镇        52,480            6,215           590.40\n……\n合计          386,200           51,700          4344.75\n")
    facts = extract_facts(text)
    assert [(f.value, f.unit) for f in facts][-3:] == [(386200, "亩"), (51700, "户"), (43447500, "元")]


def test_decimals_after_a_unit_are_written_in_the_number_s_script():
    facts = extract_facts("外出务工人员占比不到两成\n03 下步打算\n七成六的农户，身高1米75")
    assert [(f.text, f.value) for f in facts] == [("不到两成", 20), ("七成六", 76), ("1米75", 1.75)]


def test_an_english_line_of_a_bilingual_release_is_no_source_of_facts():
    text = ("全年实现营业收入8.64亿元，同比增长12.5%。\n"
            "Operating revenue reached RMB 864 million in the year, up 12.5% year on year.\n"
            "研发投入占比达到6.8%，iPhone 15 销量2.3万台。")
    facts = extract_facts(text)
    assert [(f.value, f.unit) for f in facts] == [(864000000, "元"), (12.5, "%"), (6.8, "%"), (23000, "台")]


def test_a_numbered_heading_keeps_its_number_apart():
    facts = extract_facts("## 5. 2025年目标\n单价468. 8元")
    assert [(f.text, f.value) for f in facts] == [("468.8元", 468.8)]


def test_an_indented_line_opens_a_paragraph_and_a_broken_figure_is_joined():
    from extract.clean import clean
    text = "抽样调查报告\n\n\u3000\u3000为掌握全县农户收入情况，发放补贴1,8\n42万元，惠及农户4.37万户。\n"
    cleaned = clean(text).text
    assert cleaned.startswith("抽样调查报告\n为掌握") and "1842万元" in cleaned


def test_a_sum_written_again_in_figures_keeps_the_rate_of_the_words():
    facts = extract_facts("租金标准为每平方米每月人民币壹拾捌元（¥18.00），违约金按日计。")
    assert [(f.value, f.per) for f in facts] == [(18, "月"), (18, "月")]


def test_a_tab_separated_total_row_keeps_its_empty_cells_and_rows_skip_serial_numbers():
    text = ("序号\t农场名称\t所在乡镇\t奖补金额（万元）\n1\t禾丰家庭农场\t溪口镇\t8\n2\t绿野家庭农场\t竹林乡\t3.6\n"
            "合计\t\t\t11.6\n")
    rows = [(f.value, f.unit, f.subject) for f in extract_facts(text)]
    assert rows == [(80000, "元", "禾丰家庭农场"), (36000, "元", "绿野家庭农场"), (116000, "元", "奖补金额")]


def test_a_keycap_digit_opens_a_list_item_and_a_clock_time_keeps_its_comma():
    text = "📌 叉车司机：名额4人，月薪6k-8k\n3️⃣ 鑫梓食品有限公司\n开幕式：上午9:30，200名小朋友现场剪葡萄。\n"
    assert [(f.value, f.value_max, f.unit) for f in extract_facts(text)] == [
        (4, None, "人"), (6000, 8000, "元"), (200, None, "人")]


def test_a_list_of_bare_numbers_takes_the_unit_after_its_last_one():
    facts = extract_facts("检出率比去年同期分别上升1.3个、0.8个和2.1个百分点；各项指标分别增长5.2、3.1和2.0个百分点。")
    assert [(f.value, f.unit) for f in facts] == [(1.3, "个百分点"), (0.8, "个百分点"), (2.1, "个百分点"),
                                                  (5.2, "个百分点"), (3.1, "个百分点"), (2.0, "个百分点")]


def test_a_list_of_years_takes_no_unit():
    assert extract_facts("2023、2024和2025年，全县新建学校3所。")[0].value == 3


def test_a_unit_line_naming_two_units_serves_the_last_bare_columns():
    text = ("单位：台、元\n| 序号 | 购机者 | 所在乡镇 | 数量 | 补贴金额 |\n|---|---|---|---|---|\n"
            "| 1 | 刘二福 | 石门乡 | 1 | 21600 |\n| 2 | 丰谷合作社 | 三岔镇 | 2 | 136000 |\n")
    rows = [(f.value, f.unit, f.subject) for f in extract_facts(text)]
    assert rows == [(1, "台", "刘二福"), (21600, "元", "刘二福"), (2, "台", "丰谷合作社"), (136000, "元", "丰谷合作社")]


def test_a_latin_unit_run_into_a_model_code_is_no_unit():
    assert [(f.value, f.unit) for f in extract_facts("新购4LZ-8.0型收割机，容量4L的水箱")] == [(4, "升")]


@pytest.mark.parametrize("text, expected", [
    ("牛肉面一碗十二，加肉的十八，小碗的十块。", [("十二", "元"), ("十八", "元"), ("十块", "元")]),
    ("我一天跑三百多公里，有时候跑到四百，空驶差不多占一半", [("三百多公里", "公里"), ("四百", "公里")]),
    # no carry: a digit, a number under ten, another sentence, a clause that goes on after it
    ("一天跑三百多公里，有时候跑到400，", [("三百多公里", "公里")]),
    ("一天跑三百多公里，有时候跑到五，", [("三百多公里", "公里")]),
    ("一天跑三百多公里。有时候跑到四百，", [("三百多公里", "公里")]),
    ("一天跑三百多公里，有时候跑到四百我就收车", [("三百多公里", "公里")]),
    ("全县田地三十二万八千亩，额征地丁银一万二千六百四十两。",  # 两 is the unit: silver, no 亩
     [("三十二万八千亩", "亩"), ("一万二千六百四十两", "两")]),
    ("女性四万四千二百人，性别比为一百零四点三。", [("四万四千二百人", "人")]),  # a ratio, and a decimal
])
def test_speech_carries_a_unit_to_the_bare_number_after_it(text, expected):
    assert [(f.text, f.unit) for f in extract(text).facts] == expected


def test_a_carried_unit_keeps_the_rate_of_its_figure():
    facts = extract("盛果期一亩能收个四千斤上下，管得好的能到五千。").facts
    assert [(f.value, f.unit, f.per) for f in facts] == [(4000, "斤", "亩"), (5000, "斤", "亩")]


def test_a_tab_rows_leading_tab_is_an_empty_first_cell():
    text = ("序号\t乡镇\t流转面积(亩)\t涉及农户(户)\t流转金额（万元）\t亩均租金(元/亩)\n"
            "1\t石桥镇\t12,600\t1,720\t781.2\t620\n\t合计\t38,600\t5,230\t2,323.2\t602\n")
    rows = [(f.value, f.unit, f.per) for f in extract_facts(text)]
    assert rows == [(12600, "亩", None), (1720, "户", None), (7812000, "元", None), (620, "元", "亩"),
                    (38600, "亩", None), (5230, "户", None), (23232000, "元", None), (602, "元", "亩")]


def test_ocr_and_pdf_breaks_inside_figures_are_joined():
    text = "其中寄宿生 9,4 20 人，教职工 5 87 人。受益群众12,3-\n45户，范围3-\n5天。"
    assert [(f.value, f.value_max, f.unit) for f in extract_facts(text)] == [
        (9420, None, "人"), (587, None, "人"), (12345, None, "户"), (3, 5, "天")]


def test_a_figure_in_lenticular_brackets_keeps_its_approximation():
    facts = extract_facts("今年受益农户预计达【3,600户】①，作业面积不少于【5万亩】。")
    assert [(f.value, f.approx) for f in facts] == [(3600, "about"), (50000, "over")]


def test_a_name_quoted_once_is_a_name_where_it_stands_unquoted():
    facts = extract_facts("瀾峯18首張價單186個單位\n發展商新盤「瀾峯18」第1號價單，共186個單位。")
    assert [f.value for f in facts] == [186, 186]


def test_two_numeral_digits_before_nian_are_a_year_unless_a_spoken_range():
    facts = extract_facts("零九年回来的，一八年那场大水。干了八九年，三五年就能回本。")
    assert [(f.value, f.value_max) for f in facts] == [(8, 9), (3, 5)]


@pytest.mark.parametrize("text, expected", [
    ("猪油六两，绵白糖八两", [(6, "两", "weight"), (8, "两", "weight")]),
    ("老秤十六两一斤", [(16, "两", "weight")]),
    ("额征地丁银一万二千六百四十两。", [(12640, "两", "money")]),
    ("一两天就到，三两个人", [(1, "天", "duration")]),
    ("一把两块，工资一万两。", [(2, "元", "money"), (12000, "元", "money")]),
])
def test_liang_is_a_weight_where_it_ends_no_numeral(text, expected):
    assert [(f.value, f.unit, f.kind) for f in extract_facts(text)] == expected


def test_a_unit_and_its_tenth_are_one_figure_in_the_larger_unit():
    facts = extract_facts("佃农租种七亩五分，每亩交租谷一石二斗。一斤大米一毛四分，离娘肉八斤八两。")
    assert [(f.value, f.unit) for f in facts] == [(7.5, "亩"), (1.2, "石"), (0.14, "元"), (8.8, "斤")]


def test_a_spoken_correction_carries_the_unit_of_the_figure_it_corrects():
    facts = extract_facts("摊位费一年四千八——不对，今年涨了，是五千二。全村一百四十六户，我们算了，一户一百五。")
    assert [(f.value, f.unit, f.per) for f in facts] == [
        (4800, "元", "年"), (5200, "元", "年"), (146, "户", None), (150, "元", "户")]


def test_pdf_thousands_split_by_a_space_in_a_piped_table_after_a_comma_or_a_line_break():
    text = ("单位：万元\n| 项目 | 2024年执行数 | 2025年预算数 |\n| 教育 | 8 652 | 9 130 |\n"
            "安排建设资金5, 000万元，单条产线每分钟可生产电芯\n4 0只。")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)][:2] == [
        (86520000, "元", "教育"), (91300000, "元", "教育")]
    assert [f.value for f in extract_facts(text)][2:] == [50000000, 40]


def test_a_question_about_money_gives_the_spoken_answer_its_unit():
    text = "记者：一个月能挣多少？\n唐秀梅：好的时候小一万，淡的时候也就五六千。\n记者：您今年多大了？\n唐秀梅：五十二。"
    assert [(f.value, f.value_max, f.unit, f.approx) for f in extract_facts(text)] == [
        (10000, None, "元", "under"), (5000, 6000, "元", None)]


def test_a_correction_after_a_comma_carries_the_unit_and_a_headline_quote_is_no_name():
    facts = extract_facts("【夜班车上】“一晚上跑个三百来公里”——的哥的收入账\n去年收了三千斤，不对，三千五。")
    assert [(f.value, f.unit) for f in facts] == [(300, "公里"), (3000, "斤"), (3500, "斤")]


def test_a_minus_before_a_range_is_its_first_bound_and_yuan_then_fen_is_one_sum():
    facts = extract_facts("夜间最低气温-2至0℃，零下3℃至2℃。电费每度壹元零伍分，一元零五分。")
    assert [(f.value, f.value_max) for f in facts] == [(-2, 0), (-3, 2), (1.05, None), (1.05, None)]


def test_a_transcript_speaker_is_no_subject_and_an_answer_counts_what_the_question_asked():
    text = ("记者：摊位费一个月多少？\n葛长顺：一个月一千二，不对不对，今年涨了，一千三百五。\n"
            "记者：西红柿多少钱一斤？\n葛长顺：两块八一斤，三斤八块。")
    assert [(f.value, f.per, f.subject) for f in extract_facts(text)] == [
        (1200, "月", "摊位费"), (1350, "月", "摊位费"), (2.8, "斤", "西红柿"), (8, "3斤", "西红柿")]


def test_a_speakers_figure_with_nothing_named_near_it_counts_what_the_sentence_opens_with():
    text = "顾客：来点菜。\n摊主老王：黄瓜今天一块九一斤，昨天还两块三呢。\n"
    assert [(f.value, f.per, f.subject) for f in extract_facts(text)] == [(1.9, "斤", "黄瓜"), (2.3, "斤", "黄瓜")]
    assert [f.subject for f in extract_facts("黄瓜今天一块九一斤，昨天还两块三呢。")] == ["黄瓜", "黄瓜"]  # prose: its topic


def test_parts_of_a_rate_and_a_list_of_holdings_share_its_denominator():
    text = ("全体居民人均可支配收入36850元，增长5.9%，其中城镇居民49210元、农村居民24370元。"
            "全年投入资金5000万元，其中省级资金2000万元。每百户拥有家用汽车32.6辆、移动电话268部。")
    assert [f.per for f in extract_facts(text)] == ["人", None, "人", "人", None, None, "百户", "百户"]
    parts = extract_facts("村均68.6万元，其中物业租赁收入782万元。人均纯收入14920元，其中收入低于1万元的脱贫户有12户。")
    assert [f.per for f in parts] == ["村", None, "人", None, None]  # a total or a threshold is no part


def test_a_rate_said_aloud_carries_to_a_contrasting_figure_of_the_next_clause():
    text = "泥瓦工按天算工钱，小工一天三百来块，手艺好的大工能拿四百。主舞台单日票价280元，三日通票680元。"
    assert [(f.value, f.per) for f in extract_facts(text)] == [(300, "天"), (400, "天"), (280, "天"), (680, None)]
    total = extract_facts("一个月两千出头，一共掏了八千多。")  # a total is no rate
    assert [(f.value, f.per) for f in total] == [(2000, "月"), (8000, None)]


def test_an_approximation_marker_inside_a_two_character_unit():
    facts = extract_facts("又等了两分多钟。充一次电也就两块多钱。")
    assert [(f.text, f.value, f.unit, f.approx) for f in facts] == [("两分多钟", 2, "分钟", "over"), ("两块多钱", 2, "元", "over")]


def test_a_sum_said_aloud_after_a_price_in_mao_is_in_yuan():
    text = "记者：分红咋算？\n老王：去年每股两块，前年一块五，再前年每股八毛。\n记者：今年呢？\n老王：今年是八十，翻了好多倍。"
    assert [(f.value, f.unit) for f in extract_facts(text)][-1] == (80, "元")  # not 八十 毛


def test_guo_before_a_round_figure_is_over_and_a_superlative_one_is_no_rate():
    facts = extract_facts("社员户均增收过万元。他带过一千多个学生，至少完成过1项工程。收入最高的一户达到9.6万元。")
    assert [(f.value, f.approx, f.per) for f in facts] == [
        (10000, "over", "户"), (1000, "over", None), (1, "over", None), (96000, None, None)]


def test_table_rows_named_by_date_take_their_column_and_merged_label_cells_carry_down():
    dated = "| 日期 | 鲜叶收购量（公斤） | 收购金额（元） |\n|---|---|---|\n| 3月20日 | 1260 | 85680 |\n"
    assert [f.subject for f in extract_facts(dated)] == ["鲜叶收购量", "收购金额"]
    merged = ("| 序号 | 区域 | 车型 | 时段 | 收费（元） |\n|---|---|---|---|---|\n"
              "| 1 | 一类区域 | 小型车 | 白天（8:00—20:00） | 3 |\n| 2 | | | 夜间（20:00—次日8:00） | 5 |\n")
    assert [(f.value, f.subject) for f in extract_facts(merged)] == [(3, "小型车"), (5, "小型车")]


def test_a_table_drawn_with_box_characters_reads_like_a_markdown_one():
    text = ("核查表\n┌────┬────┬────┐\n│成员│年龄（岁）│补贴（元）│\n├────┼────┼────┤\n"
            "│户主韦大宝│52│1200│\n│长子韦小军│27│800│\n└────┴────┴────┘\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (52, "岁", "户主韦大宝"), (1200, "元", "户主韦大宝"), (27, "岁", "长子韦小军"), (800, "元", "长子韦小军")]


def test_a_merged_group_cell_names_its_subtotal_and_not_its_first_row():
    text = ("作物\t收购网点\t收购量（吨）\n中晚稻\t城南直属库\t12460\n\t石埠收储点\t9835\n\t小计\t22295\n"
            "玉米\t城南直属库\t10240\n\t小计\t10240\n\t合计\t32535\n")
    assert [(f.value, f.subject) for f in extract_facts(text)] == [
        (12460, "城南直属库"), (9835, "石埠收储点"), (22295, "中晚稻"), (10240, "城南直属库"), (10240, "玉米"), (32535, "收购量")]
    ungrouped = "品名\t产地\t价格（元/公斤）\n香蕉\t外省\t3.6\n沃柑\t九里坪\t6.0\n"
    assert [f.subject for f in extract_facts(ungrouped)] == ["香蕉", "沃柑"]


def test_a_cell_of_every_so_much_makes_its_row_a_rate():
    text = "| 序号 | 车型 | 收费标准（元） | 计费单位 |\n|---|---|---|---|\n| 1 | 小型车 | 3 | 每小时 |\n| 2 | 大型车 | 10 | 每次 |\n"
    assert [(f.value, f.per, f.subject) for f in extract_facts(text)] == [(3, "小时", "小型车"), (10, "次", "大型车")]


def test_colloquial_digits_after_wan_a_saying_in_quotes_and_a_half_year_of_age():
    facts = extract_facts("我家掏了4万3，值！有人说是“一年栽、三年挂、五年丰”。孩子一岁半就送来了。")
    assert [(f.value, f.unit) for f in facts] == [(43000, "元"), (1.5, "岁")]


def test_a_scanned_page_s_letter_spaced_figures_and_misread_digits_are_read_whole():
    text = ("　　总投资1 2 5 0 万元，其中中央补助资金7 6 0万元，完成率达8 7 . O %，合计4.2 6公里。\n"
            "　　汛期平均降雨量1,3 5 6 . 8毫米，门诊量达32OO余人次，就诊率达到9 0 .\n3 %。采用O2O模式。\n"
            "5. 9栋二胖妈4袋\n总值2 1. 6 8\n亿元，收入2 1, 4 6 0元。\n1. 3个村未完成\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (12500000, "元"), (7600000, "元"), (87, "%"), (4.26, "公里"), (1356.8, "毫米"), (3200, "人次"), (90.3, "%"), (4, "袋"),
        (2168000000, "元"), (21460, "元"), (3, "个")]  # 2 1. 6 8: a space after the point too, but 1. is a list item's number


def test_a_running_header_beside_the_page_number_and_an_empty_cell_of_a_stacked_table():
    text = ("白河县防汛抗旱工作总结\n汛期累计降雨量1,356.8毫米，较常年同期偏多\n"
            "白河县防汛抗旱指挥部办公室　　　　　　第 2 页 共 6 页\n23.5%。\n"
            "表2\n科室\n门诊量（万人次）\n手术（台次）\n外科\n6 . 8 2\n3,0 1 8\n内科\n9 . 4 5\n—\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (1356.8, "毫米"), (23.5, "%"), (68200, "人次"), (3018, "台次"), (94500, "人次")]


def test_a_running_header_that_shortens_the_title_does_not_cut_a_stacked_table():
    text = ("桥口农村商业银行股份有限公司\n２０２５年度报告摘要\n表１  主要财务数据  单位：万元\n项目\n2025年末\n2024年末\n"
            "资产总额\n3,126,480\n2,874,215\n各项存款\n2,715,362\n2,468,590\n— 1 —\n桥口农商银行2025年度报告摘要\n"
            "各项贷款\n1,986,074\n1,812,536\n— 2 —\n")
    assert [(f.value, f.subject) for f in extract_facts(text)][-2:] == [(19860740000, "各项贷款"), (18125360000, "各项贷款")]
    text = "白鹤县粮食生产情况\n全县粮食播种面积52万亩，\n— 1 —\n粮食生产总量35.6万吨\n"
    assert [f.value for f in extract_facts(text)] == [520000, 356000]  # a line of figures after the break is text


def test_a_block_printed_again_after_a_page_break_keeps_its_first_copy():
    block = "二、收益测算\n库位对外出租，每吨每月收费80元，\n预计年租金收入26万元以上。\n"
    text = "荷塘村会议纪要\n一、项目\n新建冷库1座。\n" + block + "— l —\n荷塘村会议纪要\n" + block + "三、表决\n同意32人。\n"
    assert [f.value for f in extract_facts(text)] == [1, 80, 260000, 32]
    said = "库位对外出租，每吨每月收费80元，\n预计年租金收入26万元以上。\n"
    twice = said + "代表们表示同意。\n" + said  # a sentence between: said again, not a copy
    assert [f.value for f in extract_facts(twice)] == [80, 260000, 80, 260000]


def test_a_table_flattened_into_one_line_reads_by_its_header():
    text = ("表1 2025年主要景区接待情况 景区名称 接待人次（万人次） 门票收入（万元） 增长（%） 白鹤湖景区 326.5 8,412.6 18.3 "
            "九曲峡 142.8 3,265.0 9.6 合 计 469.3 11,677.6 15.6\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (3265000, "人次", "白鹤湖景区"), (84126000, "元", "白鹤湖景区"), (18.3, "%", "白鹤湖景区"),
        (1428000, "人次", "九曲峡"), (32650000, "元", "九曲峡"), (9.6, "%", "九曲峡"),
        (4693000, "人次", "接待人次"), (116776000, "元", "门票收入"), (15.6, "%", "增长")]
    numbered = ("序号 名称 规格型号 单位 数量 单价（元） 1 学生课桌椅（单人） KZY-3升降式 套 600 420 "
                "2 教师讲台 JT-12 张 24 1,375 3 图书架 SJ-5双面 组 48 1,000\n")
    assert [(f.value, f.unit, f.per, f.subject) for f in extract_facts(numbered)] == [
        (600, "套", None, "学生课桌椅"), (420, "元", "套", "学生课桌椅"), (24, "张", None, "教师讲台"),
        (1375, "元", "张", "教师讲台"), (48, "组", None, "图书架"), (1000, "元", "组", "图书架")]
    prose = "全年接待游客（含一日游） 326.5万人次 门票收入 8412.6万元 增长 18.3%\n"  # no header of labels: prose
    assert [(f.value, f.unit) for f in extract_facts(prose)] == [(3265000, "人次"), (84126000, "元"), (18.3, "%")]


def test_contracted_tens_old_compound_measures_and_a_year_before_a_month():
    text = ("受旱田地廿三万四千余亩，冲毁圩堤卌一处，雇石匠卅二名。民国廿七年二月兴工，至廿八年十月告竣。"
            "计田叁亩伍分，载粮壹斗贰升，口径二尺四寸。")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (234000, "亩"), (41, "处"), (32, "人"), (3.5, "亩"), (1.2, "斗"), (24, "寸")]


def test_procedures_counted_in_cases_are_counts_and_an_indicator_per_hundred_yuan_is_a_rate():
    facts = extract_facts("完成四级手术1860例，收治急性心肌梗死患者412例。百元医疗收入消耗的卫生材料为14.2元。")
    assert [(f.value, f.kind, f.per) for f in facts] == [(1860, "count", None), (412, "people", None), (14.2, "money", "百元")]


def test_an_answer_takes_the_measure_word_the_question_named():
    text = "主持人：现在一天卖多少个包子？\n\n刘姐：一千二左右吧。周末多点，能到一千五六。\n\n主持人：您这店开多少年了？\n\n刘姐：十八年喽。我今年五十一。"
    assert [(f.value, f.value_max, f.unit) for f in extract_facts(text)] == [(1200, None, "个"), (1500, 1600, "个"), (18, None, "年")]


def test_a_headline_gap_after_a_figure_and_index_ratios_and_survey_names():
    facts = extract_facts("每千人口床位数达到6.8张 家庭医生签约率提升至46.1%\n\n"
                          "据全国1%人口抽样调查推算，年末全县户籍人口性别比为104.6（以女性为100），较上年略有下降。\n"
                          "节假日推出的民宿套餐含6餐农家饭，游客可在村里的农家乐和民宿之间自由选择。\n")
    assert [(f.value, f.unit, f.subject) for f in facts] == [(6.8, "张", "床位数"), (46.1, "%", "家庭医生签约率"), (6, "餐", "农家饭")]


def test_a_sum_said_aloud_in_talk_about_money_is_in_yuan():
    text = ("阿哲：车贷一个月三千二，还剩十九期。八千六加三千二，一万一千八，一个月工资一半就没了。\n"
            "刘师傅：房租一个月两千二。两千二乘十二，两万六千四。\n")
    facts = extract_facts(text)
    assert [(f.text, f.unit) for f in facts if f.unit == "元"] == [
        ("三千二", "元"), ("八千六", "元"), ("三千二", "元"), ("一万一千八", "元"), ("两千二", "元"), ("两千二", "元"), ("两万六千四", "元")]
    assert not any(f.text == "十二" for f in facts)  # the multiplier counts months


def test_a_bracketed_heading_s_unit_reaches_the_numbered_lines_under_it():
    text = "【蔬菜（单位：元/斤）】\n1.大白菜：0.45—0.6，较昨日跌0.05元\n2.白萝卜：0.5—0.7\n"
    assert [(f.value, f.value_max, f.unit, f.per, f.subject) for f in extract_facts(text)] == [
        (0.45, 0.6, "元", "斤", "大白菜"), (0.05, None, "元", None, "大白菜"), (0.5, 0.7, "元", "斤", "白萝卜")]


def test_the_bare_entries_of_a_post_that_keeps_accounts_are_in_yuan():
    text = ("退休金每月3150；老伴每月5280。两个人加起来八千四出头。\n【9月开支】\n• 买菜：1560（两个人）\n• 水电燃气：298\n"
            "• 人情：喝了两场喜酒，一场600，一共1200\n合计：4754.6\n")
    facts = extract_facts(text)
    assert [(f.value, f.unit) for f in facts if f.unit == "元"][3:] == [(1560, "元"), (298, "元"), (600, "元"), (1200, "元"), (4754.6, "元")]
    report = "全镇参赛队伍12支，奖金共3万元。\n• 参赛队伍：12\n• 报名电话：12345\n"  # a report with one sum: no accounts
    assert [(f.value, f.unit) for f in extract_facts(report)] == [(12, "支"), (30000, "元")]


def test_house_prices_per_square_metre_and_forum_salaries_with_no_money_word():
    facts = extract_facts("县城的房子6500一平，市区3万一平起步，新盘挂到2.35万/㎡。做测试，税前6.5k，底薪3200加计件。")
    assert [(f.value, f.unit, f.per) for f in facts] == [
        (6500, "元", "平方米"), (30000, "元", "平方米"), (23500, "元", "平方米"), (6500, "元", None), (3200, "元", None)]


def test_a_bracketed_list_number_and_digits_grouped_by_ten_thousands():
    text = "【3】3岁以下婴幼儿照护：新增普惠托位600个。\n集体经济收入累计1,2345万元，户均分红1,0000元左右，2020,2021年连续增长。\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(3, "岁"), (600, "个"), (123450000, "元"), (10000, "元")]


def test_an_answer_takes_the_rate_of_the_question_it_answers():
    text = ("记者：一天跑多少单？\n赵师傅：四十来单吧，碰上下雨能多出个十来单。去年一共跑了一万两千单。\n"
            "记者：一天开多长时间？\n赵师傅：十二个钟头。\n"
            "记者：那一年下来收入不少吧？\n赵师傅：毛收入有个四十来万。\n"
            "记者：一个月买菜得花多少？\n赵师傅：我们家四口人，光买菜一个月一千出头。")
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)] == [
        (40, "单", "天"), (10, "单", "天"),  # the first sentence of the answer
        (12000, "单", None),  # a later sentence, a year's total
        (12, "小时", None),  # a length of time is no rate
        (400000, "元", None),  # 不少吧？ asks no amount
        (4, "人", None), (1000, "元", "月")]  # asked for money: the head count is no rate


def test_a_dateline_ends_the_headline_and_an_age_in_brackets_is_the_named_person_s():
    text = "红崖村养殖场年产值1580万元\n本报讯 走进红崖村，犯罪嫌疑人刘某（男，27岁）和市民王女士（化名，56岁）在场。"
    facts = extract_facts(text)
    assert [(f.value, f.subject) for f in facts] == [(15800000, "红崖村养殖场年产值"), (27, "刘某"), (56, "王女士")]
    assert facts[0].sentence == "红崖村养殖场年产值1580万元"


def test_a_case_name_in_quotes_a_restated_wind_force_and_people_in_a_factory():
    facts = extract_facts("在“徐某等12人特大跨境诈骗案”中，主犯被判处有期徒刑十四年。最大阵风31.2米/秒（11级）。"
                          "我和媳妇两个人都在厂里。")
    assert [(f.value, f.unit, f.kind) for f in facts] == [
        (14, "年", "duration"), (31.2, "米", "length"), (11, "级", "count"), (2, "个", "people")]


def test_a_total_row_takes_its_subjects_from_the_column_headers():
    text = "| 村 | 鲜叶收购量（公斤） | 收购金额（元） |\n|---|---|---|\n| 茶园村 | 1260 | 85680 |\n| 合计 | 11390 | 675285 |\n"
    assert [(f.value, f.subject) for f in extract_facts(text)] == [
        (1260, "茶园村"), (85680, "茶园村"), (11390, "鲜叶收购量"), (675285, "收购金额")]


def test_chat_turns_behind_a_tag_are_one_talk_about_money_and_gua_ling_is_over():
    text = ("[语音转文字] 大姐：手术费加耗材估计得五万上下。\n[语音转文字] 二弟：五万？医保能报多少？\n"
            "[语音转文字] 大姐：押金我已经交了一万挂零，一万零三百。\n[语音转文字] 小妹：全市一万挂零套房源，再过个十天半个月就有了。\n")
    assert [(f.value, f.unit, f.approx) for f in extract_facts(text)] == [
        (50000, "元", "about"), (50000, "元", None), (10000, "元", "over"), (10300, "元", None), (10000, "套", "over")]


def test_a_sum_said_aloud_takes_no_rate_from_the_figure_before_unless_it_corrects_it():
    facts = extract_facts("刘师傅：房租一个月两千二。两千二乘十二，两万六千四。")
    assert [(f.value, f.per) for f in facts] == [(2200, "月"), (2200, None), (26400, None)]
    facts = extract_facts("赵师傅：一个月四千二。我跟搭班的一人一半，不对，他白班跑得多，他出两千三，我出一千九。")
    assert [(f.value, f.per) for f in facts] == [(4200, "月"), (2300, "月"), (1900, "月")]


def test_old_money_and_weights_and_a_bound_before_de():
    facts = extract_facts("每斤实重十七两六钱，完纳丁漕银叁两伍钱，收洋贰佰捌拾元零陆角。月薪6000以上的岗位占比约55%。"
                          "“月入过万”不是梦，他说现在也能月入过万。")
    assert [(f.value, f.unit, f.kind, f.approx, f.per) for f in facts] == [
        (17.6, "两", "weight", None, "斤"), (3.5, "两", "money", None, None), (280.6, "元", "money", None, None),
        (6000, "元", "money", "over", "月"), (55, "%", "percent", "about", None), (10000, "元", "money", "over", "月")]


def test_pitches_of_a_game_people_named_after_a_count_and_a_one_that_is_each_time():
    facts = extract_facts("共启用标准足球场19块、五人制场地27块。连夜招了15个打包工人。"
                          "三四十名采茶工正在茶园里忙碌。企业每吸纳1名脱贫劳动力，补贴2000元。")
    assert [(f.value, f.unit, f.kind) for f in facts] == [
        (19, "块", "count"), (27, "块", "count"), (15, "个", "people"), (30, "人", "people"), (2000, "元", "money")]
    assert [f.subject for f in facts][2:4] == ["打包工人", "采茶工"]


def test_ocr_figures_opening_with_l_decimal_commas_before_percent_and_a_slipped_table_cell():
    text = ("培训l8O人次，投资l5.O亿元，O2O模式。学前教育毛入园率9２，\n4%，增幅2，l个百分点。\n"
            "表1　收入构成（单位：元）\n指标　　　　　　2024年　　　　2023年　　　增长（%）\n"
            "工资性收入　　8,l32　　　　7,5O2\n　　　　　　　　　　　　　　　　　　8.4\n经营净收入　　　　6,2O8　　5,9OO　　　　　　5.2\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (180, "人次"), (1500000000, "元"), (92.4, "%"), (2.1, "个百分点"),
        (8132, "元"), (7502, "元"), (8.4, "%"), (6208, "元"), (5900, "元"), (5.2, "%")]


def test_farm_show_temperatures_heights_and_halves_before_a_range():
    facts = extract_facts("水温保持在二十五度左右，夜里不能低于十三度。一亩大田用种两斤半到三斤，一亩一万二千穴上下。"
                          "行距一尺八，我一米六五的个子。一块三毛五左右。")
    assert [(f.value, f.value_max, f.unit) for f in facts] == [
        (25, None, "℃"), (13, None, "℃"), (2.5, 3, "斤"), (12000, None, "穴"), (1.8, None, "尺"), (1.65, None, "米"),
        (1.35, None, "元")]


def test_the_items_of_a_list_of_inputs_share_its_rate_and_a_total_does_not():
    facts = extract_facts("每亩施磷酸二铵三十斤、尿素十五斤、氯化钾十斤。亩产800斤，总产量1.2万斤。户均增收3000元、村集体增收5万元。")
    assert [(f.value, f.per) for f in facts] == [(30, "亩"), (15, "亩"), (10, "亩"), (800, "亩"), (12000, None),
                                                 (3000, "户"), (50000, None)]


def test_ideographic_thousands_spaces_and_a_range_below_zero():
    facts = extract_facts("表1　2025年收入情况。全县共排查危房2　316座，每人补贴1　200元。最低气温－6～－4℃，夜间-2至0℃。")
    assert [(f.value, f.value_max, f.unit) for f in facts] == [
        (2316, None, "座"), (1200, None, "元"), (-6, -4, "℃"), (-2, 0, "℃")]


def test_a_percentage_of_a_per_wanyuan_indicator_is_no_rate():
    facts = extract_facts("万元工业增加值用水量28.6立方米，万元GDP用水量下降3%。")
    assert [(f.value, f.per) for f in facts] == [(28.6, "万元"), (3, None)]


def test_a_table_in_chinese_numerals_keeps_its_year_column_as_labels():
    text = "年份\t学校（所）\t在校学生（人）\n一九五七\t一百三十八\t一万二千四百六十\n一九六五\t一百九十四\t二万零八百\n"
    rows = [(f.value, f.unit, f.subject) for f in extract_facts(text)]
    assert rows == [(138, "所", "学校"), (12460, "人", "在校学生"), (194, "所", "学校"), (20800, "人", "在校学生")]


def test_range_cells_and_a_pricing_unit_column_with_its_rate():
    text = ("地类| 指导价（元/亩）\n水田| 600~800\n旱地| ４００～５５０\n\n"
            "品名|计价单位|本期均价|环比（%）\n草鱼|元/斤|8.20|+3.8\n土鸡|元/只|98.00|-2.1\n")
    rows = [(f.value, f.value_max, f.unit, f.per) for f in extract_facts(text)]
    assert rows == [(600, 800, "元", "亩"), (400, 550, "元", "亩"),
                    (8.2, None, "元", "斤"), (3.8, None, "%", None), (98, None, "元", "只"), (2.1, None, "%", None)]


def test_a_unit_cell_scales_the_column_that_names_the_same_kind():
    text = "单位性质  单位  人数  占比%\n国有企业  万人  4.35  20.3\n其他  人  1550  7.2\n"
    rows = [(f.value, f.unit) for f in extract_facts(text)]
    assert rows == [(43500, "人"), (20.3, "%"), (1550, "人"), (7.2, "%")]


def test_ming_counts_people_even_of_households_and_a_worker_named_by_his_work_is_a_person():
    facts = extract_facts("为78名脱贫家庭学生免除学费，126名帮扶干部入户走访。去年请了120多个采果工，新建3个加工点。")
    assert [(f.value, f.kind) for f in facts] == [(78, "people"), (126, "people"), (120, "people"), (3, "count")]


def test_lingxia_governs_both_bounds_and_erliang_before_mi_is_rice():
    facts = extract_facts("冬天零下五六度，早上零下5至6度，气温-5~3℃。一人一餐二两米，一百二两盒。")
    assert [(f.value, f.value_max, f.unit) for f in facts][:4] == [(-6, -5, "℃"), (-6, -5, "℃"), (-5, 3, "℃"), (2, None, "两")]


def test_a_half_after_a_measure_word_and_a_money_word_that_stops_a_carried_unit():
    facts = extract_facts("每批养两张半蚕种，买了一包半公斤的茶。光虾苗就投了七十多万尾，本钱四十来万。")
    assert [(f.value, f.unit) for f in facts] == [(2.5, "张"), (1, "包"), (0.5, "公斤"), (700000, "尾"), (400000, "元")]


def test_an_age_takes_no_rate_after_it_and_yi_ge_libai_is_a_week():
    facts = extract_facts("80岁至99岁每人2000元。一个礼拜要买两盒。")
    assert [(f.value, f.per) for f in facts] == [(80, None), (2000, "人"), (2, "周")]


def test_a_distance_away_is_of_the_place_and_an_adjective_stays_with_its_one_character_noun():
    facts = extract_facts("一家人从60多公里外的鹞子岩搬到这里。去年这时候大果还卖三块一。")
    assert [(f.value, f.subject) for f in facts] == [(60, "鹞子岩"), (3.1, "大果")]


def test_a_period_cell_is_no_range():
    text = "年度 | 带动就业（人）\n2022—2023 | 9600\n2024—2025 | 7600\n"
    rows = [(f.value, f.value_max, f.subject) for f in extract_facts(text)]
    assert rows == [(9600, None, "带动就业"), (7600, None, "带动就业")]


def test_a_spaced_headline_printed_twice_on_one_line_counts_once():
    text = "屋顶上的“阳光存折”　官坪县光伏电站年收益超２７００万元　屋顶上的“阳光存折”　官坪县光伏电站年收益超２７００万元\n正文。"
    assert [(f.value, f.approx) for f in extract_facts(text)] == [(27000000, "over")]


def test_bound_cells_and_race_times():
    text = ("| 等级 | 容重（克/升） |\n|---|---|\n| 一等 | ≥790 |\n| 三等 | ≤730 |\n\n"
            "颁奖会议于9:30:00开始。\n男子全程前三名成绩如下：\n第1名 龙啸天 2:15:08\n")
    rows = [(f.value, f.unit, f.approx, f.per) for f in extract_facts(text)]
    assert rows == [(790, "克", "over", "升"), (730, "克", "under", "升"), (8108, "秒", None, None)]


def test_a_cell_of_numeral_characters_that_is_no_number_is_skipped():
    text = "项目 | 数量（个）\n甲 | 点点\n乙 | 万万\n丙 | 二十\n"
    assert [(f.value, f.subject) for f in extract_facts(text)] == [(20, "丙")]


def test_margin_line_numbers_of_a_draft_are_no_part_of_a_figure():
    lines = ["关于调整待遇的通知", "", "各乡镇人民政府：", "　　住院起付标准由", "500元调整为400元，封顶线", "25万元。"]
    text = "\n".join(f"{n}\t{line}" for n, line in enumerate(lines, 14)) + "\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(500, "元"), (400, "元"), (250000, "元")]


def test_margin_line_numbers_of_a_scan_with_gaps_and_misread_digits():
    lines = ["会议纪要", "　　今年全镇可收集秸秆量约", "4.2万吨，配备网格员172名，每个网格2", "名，发现火点3",
             "处，均已核实处置。", "", "　　对露天焚烧的，处500元罚款。", "　　各村须于月底前完成。", "　　出席：张三"]
    numbers = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "lO", "ll"][:len(lines)]
    text = "\n".join(f"{n:>2}  {line}" for n, line in zip(numbers, lines)) + "\n"
    facts = extract_facts(text)
    assert [(f.value, f.unit, f.approx) for f in facts] == [
        (42000, "吨", "about"), (172, "人", None), (2, "人", None), (3, "处", None), (500, "元", None)]


def test_a_table_of_misread_digit_groups_is_read_as_figures():
    text = ("三、支出情况（单位：元）\n支出项目        金　额        备　注\n人员工资        986,4OO        保安l4名\n"
            "电梯维保        l53,6OO\n绿化及消杀       48,6OO\n")
    assert [(f.value, f.subject) for f in extract_facts(text) if f.unit == "元"] == [
        (986400, "人员工资"), (153600, "电梯维保"), (48600, "绿化及消杀")]


def test_a_semicolon_export_with_a_row_of_units_under_its_header():
    text = ("社区;助餐点;登记老人;餐费收入;满意率*\n;个;人;元;%\n桂香社区;3;412;88,614;98.2\n"
            "渔港社区;2;236;46,170;96.5\n合计;5;648;134,784;97.4\n")
    facts = extract_facts(text)
    assert [(f.value, f.unit, f.subject) for f in facts][:5] == [
        (3, "个", "桂香社区"), (412, "人", "桂香社区"), (88614, "元", "桂香社区"), (98.2, "%", "桂香社区"), (2, "个", "渔港社区")]
    assert [f.subject for f in facts][-4:] == ["助餐点", "登记老人", "餐费收入", "满意率*"]


def test_a_csv_subtotal_row_with_empty_edge_fields_keeps_its_columns():
    text = ("序号,姓名,年龄(岁),出勤(天),实发(元),备注\n1,冉四妹,52,26,\"4,680.00\",\n2,向长根,58,24,\"4,320.00\",\n"
            ",砌渠组小计,,50,\"9,000.00\",\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)][-2:] == [(50, "天", "砌渠组小计"), (9000, "元", "砌渠组小计")]


def test_the_magnitude_in_a_row_of_units_is_no_figure():
    text = "渠道;长度;用水量\n;公里;万立方米\n东干渠;8.6;205.4\n西干渠;6.1;98.0\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(8.6, "公里"), (2054000, "立方米"), (6.1, "公里"), (980000, "立方米")]


def test_a_two_column_table_of_labels_and_figures_under_a_header():
    text = "种植规模        补贴标准（元/亩）\n5—50亩（含）    150\n50—200亩（含）  180\n200亩以上       200\n"
    assert [(f.value, f.unit, f.per) for f in extract_facts(text) if f.unit == "元"] == [(150, "元", "亩"), (180, "元", "亩"), (200, "元", "亩")]


def test_a_spoken_percentage_with_ji_is_over():
    assert [(f.value, f.approx) for f in extract_facts("医保能报百分之六十几。")] == [(60, "over")]


def test_footnote_marks_after_a_figure_or_a_header_unit_are_dropped():
    text = "表2\t分乡镇指标\n乡镇\t活跃网店(家)③\t同比(%)\n椿溪镇\t846\t24.7①\n栗坪乡\t503\t-3.8②\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(846, "家"), (24.7, "%"), (503, "家"), (3.8, "%")]


def test_an_html_cell_spanning_columns_keeps_the_figures_after_it_in_their_columns():
    text = ("<table><tr><td>品种</td><td>水域</td><td>规格（厘米）</td><td>数量（万尾）</td><td>金额（元）</td></tr>\n"
            "<tr><td>草鱼</td><td>白蚬河</td><td>12</td><td>214</td><td>321,000</td></tr>\n"
            "<tr><td colspan=\"3\"><b>合计</b></td><td><b>214</b></td><td><b>321,000</b></td></tr></table>\n")
    assert [(f.value, f.unit) for f in extract_facts(text)][-2:] == [(2140000, "尾"), (321000, "元")]


def test_a_serial_column_is_no_margin_numbering():
    text = "".join(f"{n}\t村{n}\t{n * 10}亩\n" for n in range(1, 7))
    assert [f.value for f in extract_facts(text)] == [10, 20, 30, 40, 50, 60]


def test_an_html_table_and_a_no_break_space_between_digit_groups():
    text = ("<p>总数达到4&nbsp;215个。</p>\n<table><tr><td>街道</td><td>新建（个）</td></tr>\n"
            "<tr><td>城东街道</td><td>612</td></tr></table>\n")
    assert [(f.value, f.subject) for f in extract_facts(text)] == [(4215, "总数"), (612, "城东街道")]


def test_percent_words_ranges_and_ocr_full_stops_for_points():
    facts = extract_facts("增长百分之五至百分之六；收入增长百分之五至六。\n审计发现资金l。88亿元，占2l。4%。\n")
    assert [(f.value, f.value_max) for f in facts] == [(5, 6), (5, 6), (188000000, None), (21.4, None)]


def test_a_no_break_space_after_a_group_of_two_or_three_digits_separates_thousands():
    facts = extract_facts("<p>总数达到45&nbsp;215个，另有2025&nbsp;年的3&nbsp;项。</p>")
    assert [(f.value, f.unit) for f in facts] == [(45215, "个"), (3, "项")]


def test_a_yuan_jiao_fen_sum_bounds_a_range_and_a_magnitude_serves_a_listed_pair():
    facts = extract_facts("一斤一块二毛二到一块二毛五。一趟要亏5、6千元，第3、4名没有奖金。")
    assert [(f.value, f.value_max, f.unit, f.per) for f in facts] == [(1.22, 1.25, "元", "斤"), (5000, 6000, "元", "趟")]


def test_a_modal_particle_after_a_spoken_figure_ends_it_and_names_nothing():
    facts = extract_facts("助播小龙：阿妹，在线人数过了五千二哒！")
    assert [(f.value, f.unit, f.subject) for f in facts] == [(5200, "人", "在线人数")]


def test_a_table_row_with_no_label_cell_takes_its_subjects_from_the_column_headers():
    facts = extract_facts("缴存比例|月缴存额上限（元）|月缴存额下限（元）\n5%|2464|216\n12%|5916|516\n")
    assert [(f.value, f.subject) for f in facts if f.unit == "元"] == [
        (2464, "月缴存额上限"), (216, "月缴存额下限"), (5916, "月缴存额上限"), (516, "月缴存额下限")]


def test_the_doses_of_one_application_and_their_water_share_the_rate():
    facts = extract_facts("每亩用240克/升噻呋酰胺悬浮剂20毫升，或5%井冈霉素水剂150—200毫升，兑水30公斤喷雾。")
    assert [(f.text, f.per) for f in facts if f.unit != "%"] == [
        ("240克/升", "升"), ("20毫升", "亩"), ("150—200毫升", "亩"), ("30公斤", "亩")]


@pytest.mark.parametrize("text, pers", [
    ("每小时基本工资由190元调升至196元。", ["小时", "小时"]),  # a rate raised to a new level keeps its denominator
    ("月最低工资标准一类区域2420元/月，二类区域2280元/月，分别比现行标准提高150元、140元。", ["月", "月", "月", "月"]),
    ("低收入组人均可支配收入12086元，中间偏下收入组22734元。", ["人", "人"]),  # groups side by side
    ("每次收取一般诊疗费10元，其中医保基金支付8元，个人自付2元。", ["次", "次", "次"]),  # the parts of a breakdown
    ("公司每年按入股资金的6%支付保底收益，其中70%用于分红，10%留作公积金。", ["年", None, None]),  # shares are no rate
    ("房租一年四万八，押金八千，转让费三万五。", ["年", None, None]),  # another kind of money
])
def test_figures_after_a_rate_share_its_denominator_only_when_they_continue_it(text, pers):
    assert [f.per for f in extract_facts(text)] == pers


def test_a_spoken_sum_that_a_statement_is_about_is_money():
    text = "总造价四十六万八千元，政府补贴二十万，剩下的二十六万八千由住户自己出，四万五相当于半年的收入。"
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)][2:4] == [(268000, "元", None), (45000, "元", None)]


@pytest.mark.parametrize("text, values", [
    ("岁支约占租入十之七。", [(70, None, "about")]),  # 十之七: seven tenths
    ("十之六七的田都荒了。", [(60, 70, None)]),
    ("百分之六七的人", [(6, 7, None)]),  # two neighbouring digits are a range, not 67
    ("新沟深三尺许。", [(3, None, "about")]),  # 许: classical "or so"
    ("收成不及伍成", [(50, None, "under")]),
    ("佃约一百二十八件", [(128, None, None)]),  # 佃约 is a tenancy deed, no 约
    ("每亩租谷一石二斗四升", [(1.24, None, None)]),  # 石, 斗 and 升 in one figure
])
def test_classical_shares_bounds_and_measures(text, values):
    assert [(f.value, f.value_max, f.approx) for f in extract_facts(text)] == values


def test_floors_and_tiers_before_their_figures_are_labels():
    assert [(f.value, f.unit) for f in extract_facts("可参照以下比例：二层5%、三层10%。")] == [(5, "%"), (10, "%")]
    assert [(f.value, f.unit) for f in extract_facts("二档| 50—99头|每平方米100元")] == [(50, "头"), (100, "元")]



@pytest.mark.parametrize("text, per", [
    ("头一年我家就打了三千多斤麦子。", None),  # the first year: one period, no rate
    ("近一周全市医疗机构共接诊中暑患者86例。", None),
    ("比前一年增加了两千元。", None),
    ("以前一天只有两趟班车。", "天"),  # but 以前 then a rate
    ("在外头一个月到手六千出头。", "月"),
])
def test_a_single_period_is_no_rate(text, per):
    assert [f.per for f in extract_facts(text)][-1] == per


def test_a_caption_with_fewer_units_than_columns_serves_them_by_meaning():
    text = ("单位：人、万元\n\n| 村 | 外出务工人数 | 其中：省外 | 上半年务工收入 |\n|:---|---:|---:|---:|\n"
            "| 石桥村 | 2,146 | 1,430 | 6,440 |\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(2146, "人"), (1430, "人"), (64400000, "元")]


def test_a_subtitle_framed_by_dashes_and_printed_twice_is_read_once():
    text = "————白沙镇土地托管面积突破3.2万亩侧记————白沙镇土地托管面积突破3.2万亩侧记\n正文。"
    assert [f.value for f in extract_facts(text)] == [32000]


@pytest.mark.parametrize("text, values", [
    ("按农户六成、企业四成分配。", [60, 40]),  # 成分 only as a word of its own
    ("剩下八成分给大家。", [80]),
    ("他带着老伴和两个儿子上山。", [2]),  # 个儿 is stature only before 高, 矮…
    ("自己担一成。", [10]),  # 一成 is a share, not an article
    ("全乡有小学十一所、初中一所。", [11, 1]),  # the 一 of a list of counts
])
def test_shares_and_counts_that_look_like_words(text, values):
    assert [f.value for f in extract_facts(text)] == values


@pytest.mark.parametrize("text, pers", [
    ("合作社按每斤四块五的保底价收购，比市场价高三四毛。", ["斤", "斤"]),
    ("今年干耳回收价每斤42元至48元，高于市场价3元左右。", ["斤", "斤"]),
    ("每亩纯收益在250元到300元之间，比上年减少100元上下。", ["亩", "亩"]),
    ("每亩补贴690元，另发放农资1000元。", ["亩", None]),  # no comparison: another sum
])
def test_a_figure_compared_with_a_rate_keeps_its_denominator(text, pers):
    assert [f.per for f in extract_facts(text)] == pers


def test_a_bound_word_before_a_pair_bounds_both():
    assert [f.approx for f in extract_facts("最高分别不超过1万元和3万元。")] == ["under", "under"]
    assert [f.approx for f in extract_facts("5000元以上和3000元")] == ["over", None]  # a bound after the first only


def test_a_masked_phone_number_is_no_figure():
    assert [f.value for f in extract_facts("3. 王子涵 一年级 186****3318\n全县**186家**民宿")] == [186]


def test_a_short_row_under_a_space_aligned_table_is_a_row():
    text = ("一、收入情况（单位：元）\n    项  目                    金  额        备  注\n"
            "    门面出租                   38,000       共4间门面\n    上级补助                  120,000       村级运转经费\n"
            "    合  计                    158,000\n")
    assert [f.value for f in extract_facts(text)][-1] == 158000


@pytest.mark.parametrize("text, values", [
    ("七块八太贵了，五块五整不整？", [7.8, 5.5]),  # the tenth after 块 before 太, 整
    ("盖起了两层半的小楼", [2.5]),
    ("码头吞吐量约118万个标准箱", [1180000]),
    ("主持人：感谢两位做客《乡村会客厅》。", []),  # guests addressed, no count
    ("附件：站点照片12张.zip", []),
])
def test_spoken_tenths_halves_and_chrome(text, values):
    assert [f.value for f in extract_facts(text)] == values


def test_a_bare_count_in_ge_counts_the_people_named_or_counted_before_it():
    facts = extract_facts("咱二组七十岁以上的老人有六十二个，独居的就有十九个。常住人口超过5万人的有两个。")
    assert [(f.value, f.kind) for f in facts] == [(70, "age"), (62, "people"), (19, "people"), (50000, "people"), (2, "count")]


def test_a_caption_unit_serves_a_list_of_labelled_figures():
    text = "【今日鱼价】（早市，单位：元/斤）\n🔸带鱼：38—45\n🔸小黄鱼：22左右\n\n各镇收入（单位：万元）\n东镇：120\n西镇：98.5\n"
    assert [(f.value, f.value_max, f.unit, f.per, f.approx) for f in extract_facts(text)] == [
        (38, 45, "元", "斤", None), (22, None, "元", "斤", "about"), (1200000, None, "元", None, None),
        (985000, None, "元", None, None)]


def test_a_caption_in_brackets_before_a_colon_serves_the_labelled_list_after_it_on_its_line():
    text = ("码头收购价（元/斤）：带鱼（大条）18～22　小黄鱼9.5　马鲛鱼14\n今日菜价（单位：元/斤）：白菜1.2、萝卜0.8左右。\n"
            "会议（上午）：讨论了3个议题。\n")
    assert [(f.value, f.value_max, f.unit, f.per, f.approx, f.subject) for f in extract_facts(text)] == [
        (18, 22, "元", "斤", None, "带鱼（大条）"), (9.5, None, "元", "斤", None, "小黄鱼"), (14, None, "元", "斤", None, "马鲛鱼"),
        (1.2, None, "元", "斤", None, "白菜"), (0.8, None, "元", "斤", "about", "萝卜"), (3, None, "个", None, None, "议题")]


def test_a_table_header_naming_times_of_day_under_a_caption_with_an_aside():
    text = ("散客场地费（单位：元/小时，按每片场地计）\n| 时段 | 早场07:00—12:00 | 晚场17:00—22:00 |\n"
            "| 工作日 | 40 | 70～80 |\n| 周末 | 60 | 90～100 |\n")
    assert [(f.value, f.value_max, f.unit, f.per, f.subject) for f in extract_facts(text)] == [
        (40, None, "元", "小时", "工作日"), (70, 80, "元", "小时", "工作日"), (60, None, "元", "小时", "周末"),
        (90, 100, "元", "小时", "周末")]


def test_a_caption_serves_a_list_past_its_headings_whose_labels_end_in_a_bracket():
    text = ("现将捐款500元以上的单位和个人公示如下（排名不分先后，单位：元）：\n\n一、单位捐款\n\n"
            "砚潭镇商会　　　　　　　　　　　　100,000\n砚潭镇中心小学全体教职工　　　　　　12,680\n\n二、个人捐款\n\n"
            "王德顺（砚潭村）　　　　　　　　　　10,000\n匿名（微信转账尾号6618）　　　　　　 5,000\n"
            "陈九斤（白沙村）　　　　　　　　　　 2,000\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (500, "元", "单位和个人"), (100000, "元", "砚潭镇商会"), (12680, "元", "砚潭镇中心小学全体教职工"),
        (10000, "元", "王德顺（砚潭村）"), (5000, "元", "匿名（微信转账尾号6618）"), (2000, "元", "陈九斤（白沙村）")]


def test_a_list_item_s_number_before_a_year_and_arabic_digits_after_a_magnitude_s_zero():
    facts = extract_facts("注：1．门诊量含线上复诊1.36万人次；2．药占比见正文；3．2024年数据已按新口径调整。"
                          "日均约10万零8百人次。3102回采工作面推进了86米。")
    assert [(f.value, f.unit, f.approx) for f in facts] == [(13600, "人次", None), (100800, "人次", "about"), (86, "米", None)]


def test_a_column_of_class_hours_counts_them():
    text = "｜班次｜工种｜课时｜计划招收（人）｜\n｜第1期｜电工｜120｜40｜\n｜第2期｜焊工｜136｜35｜\n"
    assert [(f.value, f.unit, f.kind, f.subject) for f in extract_facts(text)] == [
        (120, "课时", "count", "电工"), (40, "人", "people", "电工"), (136, "课时", "count", "焊工"), (35, "人", "people", "焊工")]


def test_a_markdown_table_padded_with_spaces_keeps_its_columns():
    text = ("附表　11月份警情分类统计（单位：起）\n| 类别     | 本月 | 去年同期 |\n| 火灾扑救 |  67  |    72    |\n"
            "| 合计     | 218  |   199    |\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (67, "起", "火灾扑救"), (72, "起", "火灾扑救"), (218, "起", "本月"), (199, "起", "去年同期")]
    text = "表1　网络销售情况\n品类　｜网络零售额（万元）｜同比增长\n脐橙　｜ 24,680 ｜ 18.2%\n腊肉　｜  9,862 ｜  9.7%\n"
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (246800000, "元", "脐橙"), (18.2, "%", "脐橙"), (98620000, "元", "腊肉"), (9.7, "%", "腊肉")]


def test_a_table_title_s_unit_in_brackets_serves_its_cells():
    text = "四、门诊诊查费标准（元/人次）\n| 类别 | 诊查费 | 备注 |\n|---|---|---|\n| 普通门诊 | 12 | 工作日 |\n| 急诊 | 15 | |\n"
    assert [(f.value, f.unit, f.per, f.subject) for f in extract_facts(text)] == [
        (12, "元", "人次", "普通门诊"), (15, "元", "人次", "急诊")]


def test_a_header_naming_two_measure_words_of_things_counted_gives_no_rate():
    text = "| 类别 | 救护数量（只/头） | 就诊（次/人） |\n| 鸟类 | 742 | 3 |\n"
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)] == [(742, "只", None), (3, "次", "人")]


@pytest.mark.parametrize("header, row, subjects", [
    # periods over a row of units: each row names what its cells hold
    ("| 收入项目 | 2024年 | 2025年 | 同比增减 |", "| 一、经营收入 | 42.60 | 55.80 | 31.0 |", ["一、经营收入"] * 3),
    # indicators over a row of units and rows of places: each column names what its cells count
    ("| 村（社区） | 粮食播种面积 | 粮食产量 | 茶叶产量 |", "| 岙头村 | 3,860 | 1,802 | 46.5 |", ["粮食播种面积", "粮食产量", "茶叶产量"]),
])
def test_a_row_of_units_under_the_header_keeps_what_names_the_cells(header, row, subjects):
    units = "| 单位 | 万元 | 万元 | % |" if "2024年" in header else "| 单位 | 亩 | 吨 | 吨 |"
    assert [f.subject for f in extract_facts("\n".join([header, units, row]) + "\n")] == subjects


def test_a_caption_at_the_end_of_a_sentence_serves_lines_of_labels_and_figures_apart_by_a_gap():
    text = ("全年完成营造林12.6万亩。分乡镇完成情况如下（单位：亩）：\n　　东营子镇　　　　28,600\n"
            "　　大石门镇　　　　24,800\n　　其余4个乡镇　　 19,000\n\n二、森林资源保护\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (126000, "亩", "营造林"), (28600, "亩", "东营子镇"), (24800, "亩", "大石门镇"), (4, "个", "乡镇"),
        (19000, "亩", "其余4个乡镇")]


@pytest.mark.parametrize("caption, header, row, units", [
    # one amount unit for the one column whose name calls for none (用电量 beside 同比增长 and 占比)
    ("单位：亿千瓦时、%", "类别　　用电量　　同比增长　　占比", "全社会　　186.42　　7.3　　100.0",
     [(18642000000, "千瓦时"), (7.3, "%"), (100, "%")]),
    # the caption's one amount again for a column that counts it once more (已整改 beside 隐患数)
    ("单位：处、%", "车间　　隐患数　　已整改　　整改率", "锻造车间　　78　　71　　91.0",
     [(78, "处"), (71, "处"), (91, "%")]),
    # … but never for a column of ranks
    ("单位：处、%", "车间　　隐患数　　排名　　整改率", "锻造车间　　78　　3　　91.0", [(78, "处"), (91, "%")]),
])
def test_a_caption_with_fewer_units_than_columns_leaves_no_column_unread(caption, header, row, units):
    text = f"表1　各车间情况\n{caption}\n{header}\n{row}\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == units


def test_a_column_of_case_counts_counts_cases():
    text = "位次　病种　报告例数　构成比（%）\n1　流行性感冒　1402　75.9\n2　手足口病　87　4.7\n"
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (1402, "例", "流行性感冒"), (75.9, "%", "流行性感冒"), (87, "例", "手足口病"), (4.7, "%", "手足口病")]


def test_an_invoice_s_sums_are_in_yuan_beside_its_unit_column():
    text = ("项目名称　　规格型号　　单位　数量　单价　　金额　　税率/征收率　税额\n"
            "*纸制品*宣纸　四尺单宣　　刀　　6　　84.16　504.95　1%　　5.05\n")
    assert [(f.value, f.unit) for f in extract_facts(text)][-5:] == [
        (6, "刀"), (84.16, "元"), (504.95, "元"), (1, "%"), (5.05, "元")]


def test_a_cell_s_thousands_apart_by_a_space_keep_their_decimals():
    text = "站名　　年平均气温（℃）　　年降水量（毫米）\n城关　　18.6　　1 548.3\n青檀坳　　16.7　　1 702.6\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(18.6, "℃"), (1548.3, "毫米"), (16.7, "℃"), (1702.6, "毫米")]


def test_a_total_row_s_figures_fill_the_last_columns_of_figures_not_a_text_column_after_them():
    text = ("序号　路线名称　里程（公里）　养护资金（万元）　实施乡镇\n1　岷梨线　8.450　211.3　梨坪镇\n"
            "2　岷岭线　6.180　309.0　岭口乡\n合计　　14.630　520.3\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)][-2:] == [
        (14.63, "公里", "里程"), (5203000, "元", "养护资金")]


def test_a_wage_quoted_in_a_headline_is_no_name():
    facts = extract_facts("【打工人说】从“一天一块八”到“一天三百二”——泥瓦匠的工钱账。他说“一年一度”的庙会又来了。")
    assert [(f.value, f.per) for f in facts] == [(1.8, "天"), (320, "天")]


def test_a_header_s_unit_per_a_second_written_with_mei():
    text = "洪水　洪峰水位（米）　洪峰流量（立方米每秒）\n“6·19”洪水　47.12　3,980\n"
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)] == [(47.12, "米", None), (3980, "立方米", "秒")]


def test_a_caption_unit_with_an_aside_before_the_next_and_a_town_column_before_the_buyer():
    text = ("单位：台（套）、元\n序号\t乡镇\t购机者\t机具品目\t数量\t补贴额\n1\t城关镇\t向德福\t轮式拖拉机\t1\t26800\n"
            "2\t龙潭乡\t田二贵\t微耕机\t2\t2400\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (1, "台", "向德福"), (26800, "元", "向德福"), (2, "台", "田二贵"), (2400, "元", "田二贵")]


def test_a_village_group_named_once_is_a_name_wherever_it_comes_again():
    text = "申请人系青杠坎村五组组长。2020年1月，五组11户把承包地流转给农场，挖坏了五组的田埂3处。"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(11, "户"), (3, "处")]


def test_a_header_unit_with_an_aside_after_it():
    text = "品名　等级　零售价（元/斤）　批发价（元/斤，10斤起批）\n雾峒银针　特级　1280　980\n"
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)][-2:] == [(1280, "元", "斤"), (980, "元", "斤")]


def test_an_annals_table_in_chinese_numerals_reads_four_digit_cells_that_are_no_years():
    text = ("年份　户数（户）　耕地（亩）　粮食总产（万斤）\n一九四九　一六二〇〇　二O八〇〇〇　三一〇七\n"
            "\n县境东西宽、南北窄。清光绪三十二年编查户口，全县计一万二\n千四百余户。\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (16200, "户"), (208000, "亩"), (31070000, "斤"), (12400, "户")]


def test_an_aside_at_a_line_s_end_gives_its_own_rate_to_the_list_below_but_not_the_line_s():
    facts = extract_facts("成本是这样的（按每盒算）\n▪️红糖本身约11元\n")
    assert [(f.value, f.per) for f in facts] == [(11, "盒")]
    facts = extract_facts("说说我一年到底挣多少钱（长文慎入）\n我们村卫生室管着邻村两个村，服务人口2760人。")
    assert [(f.value, f.per) for f in facts] == [(2, None), (2760, None)]


def test_a_caption_s_people_serve_columns_of_men_women_and_the_change():
    text = ("单位：户、人\n村（社区）　　户 数　　户籍人口　　 男　　　　女　　　比上年末增减\n"  # (男　　女 would be one label spaced out)
            "栎口社区　　2,418　　6,935　　3,502　　3,433　　+46\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (2418, "户"), (6935, "人"), (3502, "人"), (3433, "人"), (46, "人")]


def test_a_one_line_table_a_wide_gap_apart_with_a_change_column_after_a_share():
    text = ("表3  各项存款结构  单位：亿元、%  项目  金额  占比  较上年末增减  储蓄存款  286.50  76.99  24.37  "
            "对公存款  79.16  21.27  3.85\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (28650000000, "元", "储蓄存款"), (76.99, "%", "储蓄存款"), (2437000000, "元", "储蓄存款"),
        (7916000000, "元", "对公存款"), (21.27, "%", "对公存款"), (385000000, "元", "对公存款")]


def test_an_empty_cell_of_a_table_laid_out_with_wide_spaces_keeps_the_columns_after_it():
    text = ("品名　　　规格　　　　单位　　　本周均价　上周均价\n标准粉　　散装　　　　元/斤　　　2.35　　　2.30\n"
            "精瘦肉　　　　　　　　元/斤　　　15.80　　 16.30\n")
    assert [(f.value, f.per, f.subject) for f in extract_facts(text)] == [
        (2.35, "斤", "标准粉"), (2.3, "斤", "标准粉"), (15.8, "斤", "精瘦肉"), (16.3, "斤", "精瘦肉")]
    # … but a figure aligned right under a long header is in that column, not past an empty one
    text = "乡镇　　　　参保人数（人）　　　参保率（％）\n岙口镇　　　　　　　　　52,186　　　　98.3\n溪南乡　　　30,445　　　　　　　97.5\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(52186, "人"), (98.3, "%"), (30445, "人"), (97.5, "%")]


def test_a_price_per_an_amount_in_latin_letters_after_a_slash():
    facts = extract_facts("特价¥12.8元/500g，鸡蛋5.98元/500g。")
    assert [(f.value, f.unit, f.per) for f in facts] == [(12.8, "元", "500克"), (5.98, "元", "500克")]


def test_a_date_column_under_a_money_caption_holds_no_sums():
    text = ("三、本季度支出明细（单位：元）\n序号　日期　　摘　要　　　　　　金　额\n1　　7.03　　付村干部报酬　　　　18,600.00\n"
            "2　　7.15　　付保洁员工资　　　　6,600.00\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(18600, "元"), (6600, "元")]


def test_a_spoken_price_of_a_hundred_and_a_digit_before_one_and_a_measure_word():
    facts = extract_facts("俺闺女出门子那会儿才六百五一桌。鲤鱼十一块一斤。一百五十一人。")
    assert [(f.value, f.unit, f.per) for f in facts] == [(650, "元", "桌"), (11, "元", "斤"), (151, "人", None)]


def test_a_range_of_two_temperatures_below_zero_each_with_its_unit():
    facts = extract_facts("最低气温零下25℃至零下19℃，零下3℃至2℃。以前车一到零下二十摄氏度就趴窝。")
    assert [(f.value, f.value_max) for f in facts] == [(-25, -19), (-3, 2), (-20, None)]


def test_a_spoken_price_s_tenths_before_a_verb_of_having():
    facts = extract_facts("一斤十二块顶天了，十二块五没人要，三块五有人买。")
    assert [(f.value, f.unit) for f in facts] == [(12, "元"), (12.5, "元"), (3.5, "元")]


def test_an_index_a_wide_gap_after_its_name_and_a_mark_s_tenths_before_de():
    facts = extract_facts("【数据速览】\n沪　指　　３１８７.４２点　　跌０.２１％\n创业板指　２０４６.１１点　　涨０.６２％\n"
                          "钟煜跑出4分52秒6的成绩。")
    assert [(f.value, f.unit, f.subject) for f in facts] == [
        (3187.42, "点", "沪指"), (0.21, "%", "沪指"), (2046.11, "点", "创业板指"), (0.62, "%", "创业板指"), (292.6, "秒", "成绩")]


def test_a_spoken_hundred_before_one_month_is_per_month():
    facts = extract_facts("跑夜班能多收八百一个月。工钱两千一天。八百一十个月。")
    assert [(f.value, f.unit, f.per) for f in facts] == [(800, "元", "月"), (2000, "元", "天"), (810, "月", None)]


def test_a_unit_caption_broken_after_its_colon_serves_the_list_below():
    text = ("三个量水堰实测渗流量如下（单位：\n升/秒）：\n　　左岸量水堰　　1.82\n　　河床量水堰　　2.47\n"
            "各乡镇人民政府，县直有关单位：\n全县网络零售额增长18.6%。\n")
    assert [(f.value, f.unit, f.per, f.subject) for f in extract_facts(text)] == [
        (3, "个", None, "量水堰"), (1.82, "升", "秒", "左岸量水堰"), (2.47, "升", "秒", "河床量水堰"), (18.6, "%", None, "网络零售额")]


def test_months_old_and_a_hiring_frame():
    facts = extract_facts("年纪最小的仅8个月大。连续8个月大幅下降。每吸纳1名脱贫劳动力，补贴2000元。")
    assert [(f.value, f.kind, f.per) for f in facts] == [(8, "age", None), (8, "duration", None), (2000, "money", "人")]


def test_ocr_letters_in_a_figure_broken_over_two_lines():
    facts = extract_facts("待遇：底薪２,２８O元＋加班费，综合月薪５,５OO—７,２\nOO元；平时加班每小时１９．７元。")
    assert [(f.value, f.value_max, f.approx) for f in facts] == [(2280, None, None), (5500, 7200, None), (19.7, None, None)]


def test_a_one_cell_a_line_table_goes_on_past_a_page_break():
    text = ("岑水县卫生健康统计简报\n表2　主要指标\n卫生院\n床位（张）\n病床使用率（%）\n桐木卫生院\n120\n86.3\n"
            "白沙卫生院\n98\n79.4\n— 3 —\n岑水县卫生健康统计简报\n七星卫生院\n85\n74.0\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text) if f.subject == "七星卫生院"] == [
        (85, "张", "七星卫生院"), (74, "%", "七星卫生院")]


def test_the_one_after_each_and_a_verb_is_a_denominator():
    facts = extract_facts("每吸纳1名脱贫劳动力，补贴2000元。马铃薯每生产1000公斤鲜薯需吸收纯氮5公斤。每成功输送1人，奖励100元。")
    assert [(f.value, f.per) for f in facts] == [(2000, "人"), (5, "1000公斤"), (100, "人")]


def test_a_one_in_a_list_of_figures_is_a_count_but_not_after_a_verb_a_pronoun_or_a_figure():
    facts = extract_facts("油坊雇工五人，学徒一人。彩礼有金手镯一只、现金8.8万元。仅教师一人，学生二十余名。"
                          "坏一个赔一个，收到货四十八小时内联系。不光他一个，一共欠了十六万多。宿舍四个人一间，一个月扣一百。"
                          "将每隔3个月投产一台，力争2026年底建成。最多那天摘了一百五十八公斤，是俺们队的头一名。")
    ones = [(f.text, f.subject) for f in facts if f.value == 1]
    assert ones == [("一人", "学徒"), ("一只", "金手镯"), ("一人", "教师")]


def test_spoken_fen_after_mao_a_race_time_in_chinese_hundredths_and_a_space_after_a_range_dash():
    facts = extract_facts("按一斤一块三毛二卖给粮库。按每斤不低于1块2保底收。以二分零八秒四一的成绩夺冠，快了不到半秒。"
                          "月薪4500—6 800元的岗位最多。一天还能挣个百十来块。")
    assert [(f.value, f.value_max, f.unit, f.approx) for f in facts] == [
        (1.32, None, "元", None), (1.2, None, "元", "over"), (128.41, None, "秒", None), (0.5, None, "秒", "under"),
        (4500, 6800, "元", None), (100, None, "元", "about")]


def test_a_table_titled_per_person_rates_its_figures_but_not_its_shares():
    text = ("表11　2025年农村居民人均可支配收入构成\n项目\t金额（元）\t比上年增长（%）\n工资性收入\t9846\t7.9\n"
            "经营净收入\t6012\t5.6\n\n表12　2025年各乡镇收入\n项目\t金额（元）\t比上年增长（%）\n城关镇\t9846\t7.9\n")
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)] == [
        (9846, "元", "人"), (7.9, "%", None), (6012, "元", "人"), (5.6, "%", None), (9846, "元", None), (7.9, "%", None)]


def test_a_figure_opening_a_line_before_a_colon_is_of_the_label_after_it():
    facts = extract_facts("▲158.7亿元：全县地区生产总值，增长5.8%。\n▲130个：全年安排县级重点项目。\n"
                          "▲2.9元：实现“同网同价”后的居民水价。\n全年完成投资：12亿元。")
    assert [f.subject for f in facts] == ["地区生产总值", "地区生产总值", "县级重点项目", "居民水价", "全年完成投资"]


def test_the_people_an_age_describes_leave_out_the_figure_after_them():
    facts = extract_facts("村里六十五岁以上的老人有一百四十二个。醉驾人员中，18至25岁的年轻驾驶人约占三成。"
                          "在接受手术的患者中，七十岁以上的占百分之六十二。")
    subjects = {f.text: f.subject for f in facts}
    assert subjects["六十五岁以上"] == "老人"
    assert subjects["18至25岁"] == "年轻驾驶人"
    assert subjects["七十岁以上"] == "患者"


def test_an_age_told_of_nianling_is_the_age_of_the_people_named_or_counted_before():
    facts = extract_facts("护路员年龄大多在四十五岁到六十岁之间，年龄最大的六十三岁。患者中年龄最小的9岁。"
                          "县体校举重队有队员三十六人，年龄最小的只有九岁。外出劳动力中，近三成年龄在45岁以上。")
    assert [f.subject for f in facts if f.kind == "age"][1:] == ["护路员", "患者", "队员", "外出劳动力"]
    assert extract_facts("站点负责人共21人，平均年龄41.5岁。")[1].subject == "平均年龄"
    extremes = extract_facts("今年已有14名村民在牛场务工，最大的68岁，最小的31岁。村里只有六位老人，年纪最大的八十四岁。")
    assert [f.subject for f in extremes if f.kind == "age"] == ["村民", "村民", "老人"]


def test_round_65_overseas_units_a_subtraction_a_tier_and_spoken_sums():
    facts = extract_facts("榴莲每公斤68至80令吉，种了8依格。每次可领取约15磅食物。店里一天要用掉5、6吨水。"
                          "基本医保：（78500元-500元）×75%。1.6万元（不含）至5万元（含）报销60%。"
                          "大个的一斤一块零五。一盒鸡蛋都要七块几。处十五日拘留。")
    assert [(f.value, f.value_max, f.unit, f.approx) for f in facts] == [
        (68, 80, "令吉", None), (8, None, "依格", None), (15, None, "磅", "about"), (5, 6, "吨", None),
        (78500, None, "元", None), (500, None, "元", None), (75, None, "%", None), (16000, 50000, "元", None),
        (60, None, "%", None), (1.05, None, "元", None), (7, None, "元", "over"), (15, None, "日", None)]


def test_a_rate_marker_cut_by_jieba_names_no_subject():
    facts = extract_facts("助学金平均标准为每生每年2000元。中职学校国家助学金标准为每生每年2000元。")
    assert [f.subject for f in facts] == ["助学金平均标准", "学校国家助学金标准"]


def test_groups_of_people_are_counts_and_people_who_come_or_go_are_people():
    facts = extract_facts("全村9个村民小组、438户。有三个排工落水，救上来两个。母亲儿孙四十一个，今天来了三十八个。")
    assert [(f.value, f.kind) for f in facts] == [
        (9, "count"), (438, "households"), (3, "people"), (2, "people"), (41, "people"), (38, "people")]


def test_round_66_old_land_shares_years_counted_in_speech_tunnel_rings_and_half_a_jin():
    facts = extract_facts("每人分水田八分五厘、旱地三分。前前后后十四个年头。一个人配了四十多副药。树龄1300多年的古银杏。"
                          "已掘进968环。每天补一斤半米。祝母亲长命百岁！该桥被评定为四类。")
    assert [(f.value, f.unit, f.kind, f.approx) for f in facts] == [
        (0.85, "亩", "area", None), (0.3, "亩", "area", None), (14, "年", "duration", None), (40, "副", "count", "over"),
        (1300, "年", "duration", "over"), (968, "环", "count", None), (1.5, "斤", "weight", None)]


def test_a_one_character_thing_after_the_unit_is_the_subject():
    facts = extract_facts("还要交二十斤米。每人再发两桶油、十斤米。")
    assert [f.subject for f in facts] == ["米", "油", "米"]


def test_a_rate_marker_with_one_names_no_subject_of_its_own():
    facts = extract_facts("冷库出租一年四十六万。一吨煤才卖二十八块。加蛋一个一块五，加肠一根两块。")
    assert [f.subject for f in facts] == ["冷库出租", "煤", "加蛋", "加肠"]


def test_a_cap_in_a_clause_of_its_own_is_on_what_the_clause_before_pays():
    text = ("按投资额的30%给予补贴，最高不超过50万元。该项目可获得设备投资额8%的奖补，最高不超过1000万元。"
            "每逾期一日支付违约金，但最多不超过人民币伍佰元。支付违约金人民币贰佰元，最高不超过人民币伍仟元。")
    assert [(f.value, f.subject) for f in extract_facts(text) if f.unit == "元"] == [
        (500000, "补贴"), (10000000, "奖补"), (500, "违约金"), (200, "违约金"), (5000, "违约金")]


def test_a_pdf_table_with_a_header_on_two_lines_and_a_group_label_row():
    text = ("表6　2024年岑江区各级各类学校基本情况\n学校类别　　　　学校数　　　招生数　　　专任教师\n"
            "　　　　　　　　（所）　　　（人）　　　（人）\n普通高中　　　　　　6　　　　4,210　　　1,062\n义务教育\n"
            "　初中　　　　　　 24　　　　9,860　　 2,418\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (6, "所", "普通高中"), (4210, "人", "普通高中"), (1062, "人", "普通高中"),
        (24, "所", "初中"), (9860, "人", "初中"), (2418, "人", "初中")]


def test_count_columns_keep_their_own_unit_under_a_money_caption():
    text = ("单位：元\n户主　　　人口　　股数　　股份分红　　合计\n黄德贵　　5　　　5.5　　 1,025.75　　1,025.75\n"
            "最少的一户为单人户、0.5股。\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (5, "人"), (5.5, "股"), (1025.75, "元"), (1025.75, "元"), (0.5, "股")]


def test_round_67_a_long_base_of_a_share_formerly_and_half_an_hour_spoken():
    facts = extract_facts("损失超过全县上年一般公共预算收入的四成。以前十五分钟一班，现在要等半个多钟头。"
                          "二套最低为25%。客源少了三成还多。")
    assert [(f.value, f.unit, f.approx, f.per) for f in facts] == [
        (40, "%", "over", None), (15, "分钟", None, "班"), (0.5, "小时", "over", None), (25, "%", None, None),
        (30, "%", "over", None)]


def test_round_68_capital_jiao_and_fen_a_quoted_plot_village_groups_and_the_previous_one():
    facts = extract_facts("每株叁角伍分。建成“微菜园”420块。一早去七组走访监测户。比上一届多了近一万元。种粮大户杨五斗一家种了300亩。")
    assert [(f.value, f.unit, f.per) for f in facts] == [
        (0.35, "元", "株"), (420, "块", None), (10000, "元", None), (300, "亩", None)]


def test_a_pdf_table_with_a_category_column_a_merged_cell_and_a_per_hundred_title():
    text = ("12-2　每百户年末主要耐用消费品拥有量\n类　别　　　品　名　　　单位　　城镇居民　　农村居民\n"
            "交通通信　　家用汽车　　辆　　　　46.8　　　　31.2\n　　　　　　移动电话　　部　　　 256.0　　　 248.5\n\n"
            "12-3　农村住户调查样本基本情况\n指　标　　　　　　单位　　　2024年　　　2023年\n常住人口　　　　　人　　　　1,003　　　　1,018\n")
    assert [(f.value, f.unit, f.per, f.subject) for f in extract_facts(text)] == [
        (46.8, "辆", "百户", "家用汽车"), (31.2, "辆", "百户", "家用汽车"), (256, "部", "百户", "移动电话"),
        (248.5, "部", "百户", "移动电话"), (1003, "人", None, "常住人口"), (1018, "人", None, "常住人口")]


def test_round_69_names_with_numerals_bee_frames_trays_and_what_one_yuan_buys():
    facts = extract_facts("【向八斤】头一件是合并弱群。超支最多的是王二根户。西至三元路。足框蜂4框以上。"
                          "每亩要备秧盘25—30盘，每穴3—5苗。一块钱能充四个钟头，充满一次也就一块五左右。"
                          "每群越冬存蜜不能少于5公斤。向十一户非脱贫户发放贷款。")
    assert [(f.value, f.value_max, f.unit, f.approx, f.per) for f in facts] == [
        (4, None, "框", "over", None), (25, 30, "盘", None, "亩"), (3, 5, "苗", None, "穴"), (4, None, "小时", None, "元"),
        (1.5, None, "元", "about", "次"), (5, None, "公斤", "over", "群"), (11, None, "户", None, None)]


def test_old_prices_in_jiao_fen_and_li_and_land_shares_in_fen_and_li():
    facts = extract_facts("标准粉每斤一角八分五，玉米面每斤九分八厘，菜籽油每斤八角五分。自留地每人一分二厘。")
    assert [(f.value, f.unit, f.per) for f in facts] == [
        (0.185, "元", "斤"), (0.098, "元", "斤"), (0.85, "元", "斤"), (0.12, "亩", "人")]


def test_a_numbered_one_cell_a_line_table_past_a_page_footer_with_a_total_row():
    text = ("表1\n序号\n户主\n所在村组\n家庭人口（人）\n补助金额（元）\n1\n周三喜\n石门村二组\n4\n35,000\n"
            "2\n杨二柱\n桦沟村五组\n3\n40,000\n— 第 1 页 共 2 页 —\n3\n冯老六\n柳湾村一组\n2\n40,000\n合　计\n9\n115,000\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (4, "人", "周三喜"), (35000, "元", "周三喜"), (3, "人", "杨二柱"), (40000, "元", "杨二柱"),
        (2, "人", "冯老六"), (40000, "元", "冯老六"), (9, "人", "家庭人口"), (115000, "元", "补助金额")]


def test_round_70_names_accounts_after_the_count_and_an_hour_queued():
    facts = extract_facts("西关市场经营户钱二毛说。立法会议员麦三元建议。拍卖从八千八起拍。停电约2100户用户。排队近1个小时才进园。")
    assert [(f.value, f.unit, f.kind, f.approx) for f in facts] == [
        (2100, "户", "count", "about"), (1, "小时", "duration", "under")]


def test_round_71_a_period_column_tenths_before_a_verb_and_cantonese_short_of():
    text = ("表1　主要经济指标\n指标\n单位\n1—9月\n同比增长（%）\n农业总产值\n万元\n38,620\n4.1\n接待游客\n万人次\n68.2\n12.5\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(386200000, "元"), (4.1, "%"), (682000, "人次"), (12.5, "%")]
    facts = extract_facts("其中約兩成五將用於償還貸款。营收比重可从一成二拉高到两成左右。一個月批唔夠十宗。3个月期澳门元同业拆息平均为3.86%。")
    assert [(f.value, f.approx) for f in facts] == [(25, "about"), (12, None), (20, "about"), (10, "under"), (3.86, None)]


def test_an_abstract_and_a_pages_title_repeat_the_article_and_a_temperature_takes_its_tenth():
    text = ("标题：濛溪县新建高标准农田4.2万亩\n摘要：今年以来，濛溪县统筹各类资金1.26亿元，新建高标准农田4.2万亩。\n"
            "正文：\n今年以来，濛溪县统筹各类资金1.26亿元，新建高标准农田4.2万亩。孩子发烧到39度5。\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (42000, "亩"), (126000000, "元"), (42000, "亩"), (39.5, "℃")]


def test_a_quotation_after_a_verb_of_saying_is_speech_unless_as_short_as_a_slogan():
    assert [(f.value, f.unit) for f in extract_facts("一位养殖户说“现在卖一斤蛋要亏两毛”。")] == [(0.2, "元")]
    assert extract_facts("小本生意千万别听人说“月入过万”就往里冲。") == []


def test_a_spoken_number_ending_in_le_carries_the_unit_of_the_figure_before_but_not_a_head_count():
    facts = extract_facts("那时候能卖到六十多块一斤，现在掉到四十出头了。")
    assert [(f.value, f.unit, f.approx, f.per) for f in facts] == [(60, "元", "over", "斤"), (40, "元", "over", "斤")]
    assert [f.value for f in extract_facts("家里五口人，老母亲七十八了，常年卧床。")] == [5]


def test_a_table_label_spaced_out_to_its_column_is_one_word_as_a_subject():
    text = "品种| 本周| 上周\n土 豆| 2.38元| 2.30元\n黄 瓜| 3.72元| 3.35元\n"
    assert [f.subject for f in extract_facts(text)] == ["土豆", "土豆", "黄瓜", "黄瓜"]


def test_a_bare_figure_and_the_level_it_changed_to_share_the_unit_the_words_before_give():
    facts = extract_facts("店铺粉丝从3.2万涨到8.9万，复购率37%。月薪从四千涨到五千。")
    assert [(f.value, f.unit, f.per) for f in facts] == [
        (32000, "人", None), (89000, "人", None), (37, "%", None), (4000, "元", "月"), (5000, "元", "月")]


def test_a_caption_with_fewer_units_than_columns_gives_each_the_unit_its_name_counts():
    text = ("表１　各级各类学校基本情况（单位：所、人）\n学　段　　　学校数　　在校生数　　专任教师数\n"
            "幼儿园　　　　４８　　　８，６１２　　　　６０４\n小　学　　　　３６　　２４，３８０　　１，５２６\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (48, "所"), (8612, "人"), (604, "人"), (36, "所"), (24380, "人"), (1526, "人")]


def test_a_full_width_thousands_group_cut_by_a_space_is_completed():
    assert [(f.value, f.unit) for f in extract_facts("教职工４，６ １０人，其中专任教师３，９１２人。")] == [(4610, "人"), (3912, "人")]


def test_a_bare_ge_after_people_taken_on_counts_people_and_so_do_the_figures_that_go_on():
    facts = extract_facts("徒弟倒是带过三个，留下来的只有一个。这次全县招了六十五个学徒，分到炼钢车间的有十八个。")
    assert [(f.value, f.kind) for f in facts] == [(3, "people"), (1, "people"), (65, "people"), (18, "people")]


def test_a_price_after_a_pack_size_is_the_packs():
    facts = extract_facts("🍑水蜜桃3斤装¥25.8，第2件半价。10斤装每箱39.9元，20斤装每箱75元。②食用油：5升装每桶68元。")
    assert [f.subject for f in facts if f.unit == "元"] == ["水蜜桃3斤装", "10斤装", "20斤装", "食用油"]


def test_a_one_cell_a_line_table_whose_row_labels_are_bus_lines():
    text = ("表1　三季度日均客流前四位线路\n线路\n长度（公里）\n日均客流（人次）\nK1路\n28.6\n21,480\n"
            "5路\n16.2\n18,950\n旅游2线\n34.5\n12,360\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (28.6, "公里", "K1路"), (21480, "人次", "K1路"), (16.2, "公里", "5路"), (18950, "人次", "5路"),
        (34.5, "公里", "旅游2线"), (12360, "人次", "旅游2线")]


def test_a_bare_figure_before_a_word_of_reckoning_takes_the_unit_its_words_give():
    facts = extract_facts("按常住人口约427万计算，每千人口床位数6.7张。")
    assert [(f.value, f.unit, f.approx) for f in facts][:1] == [(4270000, "人", "about")]


def test_a_list_of_labels_and_figures_apart_by_a_bar_under_a_unit_caption():
    text = "单笔捐款金额前五位如下（单位：元）：\n▪️1987届 何九林｜50,000\n▪️1995届 陈二毛｜20,000\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(50000, "元"), (20000, "元")]
    assert extract_facts("单位：万元\n项目|2025年末|2024年末\n") == []


def test_a_header_spaced_a_character_apart_parts_its_cells_at_the_wider_gaps():
    text = ("表1  水利建设投资完成情况\n                                    单位：万元\n"
            "项 目 类 别      完 成 投 资      比上年增长（%）\n合计             64,800           12.3\n"
            "防洪工程         21,360           8.6\n灌溉工程         19,540           21.4\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)][-2:] == [
        (195400000, "元", "灌溉工程"), (21.4, "%", "灌溉工程")]


def test_a_column_in_percentage_points_and_a_label_of_three_spaced_characters():
    text = ("表3 各乡镇参保情况 乡镇 参保率（%） 比上年增减（百分点） 城关镇 97.3 ＋0.4 砚 台 镇 96.9 ＋0.7 "
            "三溪口乡 96.2 -0.2\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (97.3, "%", "城关镇"), (0.4, "个百分点", "城关镇"), (96.9, "%", "砚台镇"), (0.7, "个百分点", "砚台镇"),
        (96.2, "%", "三溪口乡"), (0.2, "个百分点", "三溪口乡")]


def test_a_stacked_header_naming_an_indicator_with_digits():
    text = ("县（市、区）\nPM2.5浓度（μg/m³）\n同比变化（%）\n优良天数比例（%）\n城北区\n26\n-10.3\n87.1\n"
            "柏枧县\n21\n-16.0\n96.8\n")
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)][:3] == [(26, "微克", "立方米"), (10.3, "%", None), (87.1, "%", None)]


def test_a_caption_whose_unit_list_ends_in_an_aside():
    text = ("分红到组明细（单位：户、人、元；各户明细另贴于村委会一楼大厅）\n    组  别      户  数      人  口       分红金额\n"
            "    一  组        78         271          94,500\n    二  组        69         248          87,150\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(78, "户"), (271, "人"), (94500, "元"), (69, "户"), (248, "人"),
                                                               (87150, "元")]


def test_a_stacked_table_runs_on_past_a_page_footer_with_blank_lines_around_it():
    text = ("麂子岭乡人民政府文件\n\n关于2025年工作总结的报告\n表1 主要经济指标\n指标\n单位\n2025年\n增长（%）\n"
            "地区生产总值\n亿元\n8.46\n6.3\n固定资产投资\n万元\n21,580\n-4.6\n\n— 1 —\n\n麂子岭乡人民政府文件\n"
            "社会消费品零售总额\n万元\n9,860\n5.6\n")
    assert [(f.value, f.subject) for f in extract_facts(text)][-2:] == [(98600000, "社会消费品零售总额"), (5.6, "社会消费品零售总额")]


@pytest.mark.parametrize("text, expected", [
    ("一個月可以賣到25、26台", [(25, 26, "台")]),
    ("一趟要虧5、6千元", [(5000, 6000, "元")]),
    ("分别有3、5、8台", [(3, None, "台"), (5, None, "台"), (8, None, "台")]),
])
def test_neighbouring_numbers_apart_by_a_pause_mark_are_a_range(text, expected):
    assert [(f.value, f.value_max, f.unit) for f in extract_facts(text)] == expected


def test_a_row_of_units_may_open_with_a_unit_label_or_hold_a_ratio_base():
    markdown = ("| 学校名称 | 专任教师 | 本科率 |\n|---|---|---|\n| 单位 | 人 | % |\n| 中心小学 | 61 | 85.2 |\n"
                "| 第二小学 | 32 | 75.0 |\n")
    assert [(f.value, f.unit) for f in extract_facts(markdown)] == [(61, "人"), (85.2, "%"), (32, "人"), (75, "%")]
    csv = ("村（社区）,户数,男,女,性别比\n,户,人,人,女=100\n芷塘社区,\"1,486\",\"2,093\",\"2,124\",98.5\n"
           "柿子湾村,612,\"1,061\",977,108.6\n栗树坪村,447,803,726,110.6\n")
    assert [(f.value, f.unit) for f in extract_facts(csv)][:3] == [(1486, "户"), (2093, "人"), (2124, "人")]


def test_an_unchanged_cell_and_an_issue_numbered_running_header_keep_a_stacked_table_whole():
    text = ("淇州市价格监测中心\n重要民生商品价格周报\n表1　主要蔬菜零售价格\n品名\n单位\n本周价格\n涨跌\n牛肉\n元/斤\n39.80\n持平\n"
            "羊肉\n元/斤\n42.00\n+1.00\n淇州市价格监测中心　重要民生商品价格周报　　　　　　— 1 —\n重要民生商品价格周报（2026年第11期）\n"
            "土豆\n元/斤\n1.80\n+0.20\n")
    assert [(f.value, f.subject) for f in extract_facts(text)] == [
        (39.8, "牛肉"), (42, "羊肉"), (1, "羊肉"), (1.8, "土豆"), (0.2, "土豆")]


def test_a_change_with_an_approximation_then_the_new_level_is_no_range():
    facts = extract_facts("失業人數增加約4,200人至16.1萬人")
    assert [(f.value, f.value_max, f.approx) for f in facts] == [(4200, None, "about"), (161000, None, None)]


def test_a_one_line_table_under_an_inline_caption_of_two_units():
    text = ("表2 主要经营指标 单位：亿元、% 项目 2025年末 2024年末 增减额 增幅 资产总额 486.32 452.17 34.15 7.55 "
            "各项存款 412.86 381.04 31.82 8.35\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)][:4] == [
        (48632000000, "元", "资产总额"), (45217000000, "元", "资产总额"), (3415000000, "元", "资产总额"), (7.55, "%", "资产总额")]


def test_a_stacked_table_whose_rows_open_with_two_labels():
    text = "表1　秋粮收购挂牌价格\n品种\n等级\n价格（元/斤）\n玉米\n一等\n1.12\n玉米\n二等\n1.10\n粳稻\n二等\n1.40\n"
    assert [(f.value, f.per, f.subject) for f in extract_facts(text)] == [(1.12, "斤", "玉米"), (1.1, "斤", "玉米"), (1.4, "斤", "粳稻")]


def test_a_table_whose_cells_a_pdf_parted_by_single_spaces():
    text = ("序号 户主 组别 面积(亩) 单价(元/亩) 应付租金(元) 领取情况\n"
            "1 龙德厚 二组 4.60 680 3128 已领\n2 邹九斤 二组 3.25 680 2210 未领\n")
    assert [(f.value, f.unit, f.per, f.subject) for f in extract_facts(text)] == [
        (4.6, "亩", None, "龙德厚"), (680, "元", "亩", "龙德厚"), (3128, "元", None, "龙德厚"),
        (3.25, "亩", None, "邹九斤"), (680, "元", "亩", "邹九斤"), (2210, "元", None, "邹九斤")]


def test_a_line_of_words_parted_by_spaces_is_no_table_without_rows_of_figures():
    text = "流转方 受让方 见证方 监督方\n村民代表会议同意，共流转29.45亩。\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(29.45, "亩")]


def test_a_screenings_header_counts_shows():
    text = "| 排名 | 影片 | 本周票房（万元） | 场次 |\n|---|---|---|---|\n| 1 | 《雪线以北》 | 512.3 | 4,210 |\n"
    assert [(f.value, f.unit, f.kind) for f in extract_facts(text)] == [(5123000, "元", "money"), (4210, "场", "count")]


def test_a_caption_in_a_currency_with_a_row_of_its_own_unit():
    text = ("單位：新台幣千元；每股盈餘為新台幣元\n\n項　　目　　| 114年度　　 | 113年度\n"
            "營業收入　　| 18,462,375　| 16,367,354\n每股盈餘　　|  5.37　　　 |  4.14\n")
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)] == [
        (18462375000, "元", None), (16367354000, "元", None), (5.37, "元", "股"), (4.14, "元", "股")]


def test_a_scanned_numerals_look_alikes_are_read_as_numerals():
    text = "本队共二+九户，稻谷一万一干八百八十八元，小麦一万二千三百斥，修理四百一十五元二甪。一干人等斥资三百万元"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(29, "户"), (11888, "元"), (12300, "斤"), (415.2, "元"), (3000000, "元")]


def test_a_sum_paid_at_once_is_no_rate_per_time():
    facts = extract_facts("受让方已将租金18,228元一次性转入账户，我一次过拎咗两个")
    assert [(f.value, f.per) for f in facts] == [(18228, None), (2, None)]


def test_a_grant_verb_before_a_figure_gives_what_follows_it():
    facts = extract_facts("每个给予5万元一次性奖补。每晚收取1至5美元不等的税款。每户补助1.5万元至3.5万元不等。")
    assert [f.subject for f in facts] == ["一次性奖补", "税款", "补助"]


def test_every_so_many_minutes_before_a_single_act_is_a_duration():
    facts = extract_facts("水文站每30分钟报送一次水情。每10股派发现金红利3元。")
    assert [(f.value, f.unit, f.per) for f in facts] == [(30, "分钟", None), (3, "元", "10股")]


def test_a_cell_with_its_own_unit_takes_its_columns_rate():
    text = "| 贷款品种 | 期限 | 原年利率 | 调整后年利率 |\n|---|---|---|---|\n| 农户联保贷款 | 1至3年 | 5.60% | 4.95% |\n"
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)] == [(1, "年", None), (5.6, "%", "年"), (4.95, "%", "年")]


def test_a_bracketed_unit_before_a_colon_captions_a_list_of_labels_and_figures_two_a_line():
    text = "主要站点累计雨量预报（毫米）：\n　　城关　　　25～35　　　　白塔　　　20～30\n　　马鞍岭　　40～60\n"
    assert [(f.value, f.value_max, f.unit, f.subject) for f in extract_facts(text)] == [
        (25, 35, "毫米", "城关"), (20, 30, "毫米", "白塔"), (40, 60, "毫米", "马鞍岭")]


def test_a_single_space_table_with_a_code_column_an_empty_last_cell_and_remarks():
    text = ("序号 项目编码 项目名称 计价单位 价格（元） 说明\n"
            "1 110200001 普通门诊诊查费 元/人次 12.00 副主任医师加收6元，主任医师加收16元\n"
            "2 110200002 急诊诊查费 元/人次 15.00\n"
            "3 311000001 肌肉注射 元/次 3.50 含 注射器\n")
    assert [(f.value, f.per, f.subject) for f in extract_facts(text) if f.rule.startswith("table")] == [
        (12, "人次", "普通门诊诊查费"), (15, "人次", "急诊诊查费"), (3.5, "次", "肌肉注射")]


def test_bracketed_units_a_single_space_apart_are_two_cells_of_a_header():
    text = ("序号  标段      招标控制价  中标价     下浮率  工期       综合得分\n"
            "                （万元）    （万元）   （%）   （日历天） （分）\n"
            "1     第一标段  1,624.58    1,541.73   5.10    180        92.36\n"
            "2     第二标段  1,487.92    1,406.38   5.48    150        91.08\n")
    assert [(f.value, f.unit) for f in extract_facts(text)][:5] == [
        (16245800, "元"), (15417300, "元"), (5.1, "%"), (180, "日历天"), (92.36, "分")]


def test_the_times_that_open_subtitle_lines_are_dropped_and_each_line_is_a_phrase():
    text = "00:11 从峒山拉到鹞子原，导航上显示\n00:15 一千一百三十公里，路上得开十七八个钟头\n00:20 光是租车，一趟就要六千五\n"
    assert [(f.value, f.unit) for f in extract_facts(text)][:2] == [(1130, "公里"), (17, "小时")]


def test_a_figure_spaced_digit_by_digit_in_a_wide_space_table_cell():
    text = ("    指　　标　　　　　　单位　　　目标任务　　　完成数\n"
            "    脱贫人口　　　　　　人　　　　1 3 9　　　　　1 4 2\n"
            "    新建通组公路　　　　公里　　　1 2　　　　　　1 4. 5\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(139, "人"), (142, "人"), (12, "公里"), (14.5, "公里")]


def test_a_row_label_wrapped_onto_the_next_line_keeps_the_tables_header_and_caption():
    text = ("单位：万元\n项目                          2025年          2024年      增减（%）\n"
            "营业收入                  486,213.57      427,630.84           13.70\n"
            "归属于上市公司股东的扣除非经常性\n"
            "损益的净利润               36,072.91       30,865.37           16.87\n")
    assert [(f.value, f.unit) for f in extract_facts(text)][3:] == [(360729100, "元"), (308653700, "元"), (16.87, "%")]


def test_a_one_cell_a_line_table_with_a_column_of_times():
    text = ("附表　1月份各消防站出动情况\n消防站\n出动（起）\n营救被困人员（人）\n平均到场时间\n"
            "城关消防站\n88\n27\n6分40秒\n湄沚消防站\n54\n16\n9分05秒\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)][:2] == [(88, "起", "城关消防站"), (27, "人", "城关消防站")]


def test_a_numbered_one_cell_a_line_table_may_hold_a_cell_with_its_own_unit():
    text = ("序号\n培训类别\n培训时长\n补贴标准（元/人）\n1\n电工、焊工\n不少于120学时\n1800\n"
            "2\n中式烹调、中式面点\n不少于80学时\n1200\n")
    assert [(f.value, f.unit, f.per) for f in extract_facts(text) if f.unit == "元"] == [(1800, "元", "人"), (1200, "元", "人")]


def test_an_annals_table_of_chinese_digits_with_written_decimal_points():
    text = ("年份　　　总人口（人）　出生率（‰）　粮食总产（万担）\n"
            "一九八〇　二〇九三〇〇　一九．六　　一七四．二\n一九八二　二一三五六四　二一．三　　一八九．五\n")
    assert [(f.value, f.unit) for f in extract_facts(text)][:3] == [(209300, "人"), (1.96, "%"), (1742000, "担")]


def test_a_charts_series_of_periods_and_figures_under_its_caption():
    text = "[图表] 2022—2024年接待游客（单位：万人次）\n2022　786.2　→　2023　1,143.5　→　2024　1,286.4\n"
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (7862000, "人次", "接待游客"), (11435000, "人次", "接待游客"), (12864000, "人次", "接待游客")]


def test_a_person_noun_right_before_a_count_in_个_makes_it_people():
    facts = extract_facts("整半劳力六十一个（男劳力三十二个、女劳力二十九个）。残疾人4个专区")
    assert [(f.value, f.kind) for f in facts] == [(61, "people"), (32, "people"), (29, "people"), (4, "count")]


def test_tiers_with_an_aside_share_the_rate_of_the_first():
    facts = extract_facts("取得初级工（五级）证书的每人补贴1000元，中级工（四级）1500元，总计（全年）2000元。")
    assert [(f.value, f.per) for f in facts] == [(1000, "人"), (1500, "人"), (2000, None)]


def test_a_price_list_of_label_figure_and_change_under_a_one_unit_caption():
    text = "【蔬菜】（单位：元/斤）\n大白菜　0.58—0.72　涨3.6%\n白萝卜　0.65—0.80　持平\n土豆　1.10—1.30　跌2.4%\n"
    assert [(f.value, f.value_max, f.unit, f.per, f.subject) for f in extract_facts(text) if f.unit == "元"] == [
        (0.58, 0.72, "元", "斤", "大白菜"), (0.65, 0.8, "元", "斤", "白萝卜"), (1.1, 1.3, "元", "斤", "土豆")]


def test_a_header_unit_with_a_plus_minus_sign():
    text = "乡镇\t翻耕进度（%）\t较上年同期（±百分点）\n苎坝镇\t66.0\t5.2\n杈口镇\t65.5\t-6.1\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(66, "%"), (5.2, "个百分点"), (65.5, "%"), (6.1, "个百分点")]


def test_a_table_in_chinese_numerals_is_rows_not_headers_and_its_people_column_counts_people():
    text = ("户　主　　人口　　劳动日　　　　应分口粮\n"
            "郭满仓　　六口　　四百八十二个　二千八百六十四斤八两\n田老满　　八口　　二百六十五个　二千九百五十一斤\n")
    assert [(f.value, f.unit, f.kind, f.subject) for f in extract_facts(text) if f.unit == "口"] == [
        (6, "口", "people", "郭满仓"), (8, "口", "people", "田老满")]


def test_a_rise_then_the_level_it_reaches_share_the_rate():
    facts = extract_facts("基础养老金最低标准每人每月再提高20元，达到173元。")
    assert [(f.value, f.per) for f in facts] == [(20, "月"), (173, "月")]


def test_a_temperature_bounding_a_noun_leaves_the_rate_to_the_count_after_it():
    facts = extract_facts("平均每年出现35℃以上高温日8.6天。")
    assert [(f.value, f.per) for f in facts] == [(35, None), (8.6, "年")]


def test_a_csv_with_a_units_row_and_a_remarks_field_holding_a_clause():
    text = ("序号,合作社名称,所在村,成员数,出资总额,备注\n,,,户,万元,\n"
            '1,鲥口镇青畦蔬菜种植专业合作社,鲥口社区,126,386.0,"新建冷库1座，库容300吨"\n'
            '2,鲥口镇168果业专业合作社,菱角湾村,58,320.5,"主营柑橘,枇杷"\n'
            "3,鲥口镇菱湖水产养殖专业合作社,菱角湾村,43,215.0,\n")
    facts = [(f.value, f.unit, f.subject) for f in extract_facts(text) if f.rule.startswith("table")]
    assert facts[:4] == [(126, "户", "鲥口镇青畦蔬菜种植专业合作社"), (3860000, "元", "鲥口镇青畦蔬菜种植专业合作社"),
                         (58, "户", "鲥口镇168果业专业合作社"), (3205000, "元", "鲥口镇168果业专业合作社")]


def test_a_one_cell_a_line_table_of_age_bands_and_figures_is_never_one_long_number():
    text = ("表2　2025年高龄津贴发放情况\n年龄段\n享受人数（人）\n标准（元/人·月）\n"
            "80—89周岁\n9,416\n50\n90—99周岁\n1,238\n200\n100周岁及以上\n27\n500\n")
    facts = [(f.value, f.unit, f.subject) for f in extract_facts(text) if f.rule.startswith("table")]
    assert facts == [(9416, "人", "80—89周岁"), (50, "元", "80—89周岁"), (1238, "人", "90—99周岁"), (200, "元", "90—99周岁"),
                     (27, "人", "100周岁及以上"), (500, "元", "100周岁及以上")]


def test_a_change_in_fen_after_a_sum_in_yuan_is_money_and_tenths_of_fen_are_li():
    facts = extract_facts("全社平均每个劳动日值七角三分六厘，比上年提高九分，约合每个工分值七分四厘。")
    assert [(f.value, f.unit, f.per) for f in facts] == [(0.736, "元", "劳动日"), (0.09, "元", "劳动日"), (0.074, "元", "工分")]


def test_a_one_line_yearbook_table_whose_columns_are_plain_years():
    text = "3-8 主要农作物单位面积产量 单位：公斤/公顷 品 种 2019 2020 2021 稻 谷 6812 6905 6868 小 麦 4126 4231 4198\n"
    assert [(f.value, f.unit, f.per, f.subject) for f in extract_facts(text)][:2] == [
        (6812, "公斤", "公顷", "稻谷"), (6905, "公斤", "公顷", "稻谷")]


def test_an_html_table_with_each_cell_on_a_line_of_its_own():
    text = ("<table>\n<tr>\n<td>乡（镇、街道）</td>\n<td>享受人数（人）</td>\n<td>发放金额（元）</td>\n</tr>\n"
            "<tr>\n<td>东垸镇</td>\n<td>2&nbsp;316</td>\n<td>911&nbsp;400</td>\n</tr>\n</table>\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [(2316, "人", "东垸镇"), (911400, "元", "东垸镇")]


def test_numbered_items_under_a_caption_never_glue_the_next_items_number_to_a_figure():
    text = ("一、收入部分（单位：元）\n1．村级光伏电站发电收益　　　　　　48,216.40\n"
            "2．集体杉木林流转租金（1,200亩，每亩每年30元）　　36,000.00\n3．入股村茶叶专业合作社分红　　　　60,000.00\n")
    assert [(f.value, f.subject) for f in extract_facts(text) if f.rule.startswith("caption")] == [
        (48216.4, "村级光伏电站发电收益"), (36000, "集体杉木林流转租金"), (60000, "入股村茶叶专业合作社分红")]


def test_an_age_bound_before_the_thing_counted_leaves_the_rate_to_the_count():
    facts = extract_facts("每千人口拥有3岁以下婴幼儿托位3.2个。每户有3岁孩子2人。")
    assert [(f.value, f.unit, f.per) for f in facts] == [(3, "岁", None), (3.2, "个", "千人"), (3, "岁", None), (2, "人", None)]


def test_a_wide_gap_table_row_whose_label_is_one_space_from_its_first_figure():
    text = ("单位：万元\n项　　目　　　　　　预算数　　　执行数　　　增长%\n"
            "　税收收入　　　　　56,200　　　55,318　　　 2.1\n"
            "　　　　　企业所得税 6,800　　　 7,146　　　 8.9\n"
            "　　　　　个人所得税 2,300　　　 2,215　　　 4.3\n")
    facts = [(f.value, f.unit, f.subject) for f in extract_facts(text) if f.subject != "税收收入"]
    assert facts == [(68000000, "元", "企业所得税"), (71460000, "元", "企业所得税"), (8.9, "%", "企业所得税"),
                     (23000000, "元", "个人所得税"), (22150000, "元", "个人所得税"), (4.3, "%", "个人所得税")]


def test_a_count_header_with_a_magnitude_alone_in_brackets():
    text = "医院名称　　　　门急诊人次（万）　病床使用率（%）\n县人民医院　　　　　62.48　　　　　93.6\n县中医医院　　　　　38.72　　　　　88.4\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(624800, "人次"), (93.6, "%"), (387200, "人次"), (88.4, "%")]


def test_a_row_label_rates_every_cell_of_its_row():
    text = "指标\t单位\t2020年\t2025年\n地区生产总值年均增长\t%\t—\t6.5\n每千人口执业（助理）医师数\t人\t2.4\t3.0\n城镇调查失业率\t%\t5.3\t5.5\n"
    assert [(f.value, f.per) for f in extract_facts(text)] == [(6.5, "年"), (2.4, "千人"), (3, "千人"), (5.3, None), (5.5, None)]


def test_a_units_row_labelled_in_its_second_cell_lines_up_with_the_header_at_the_left():
    text = ("序号\t村（社区）\t新造面积\t应发补助\t发放户数\t备注\n\t单位\t亩\t元\t户\t\n"
            "1\t槲栎坪村\t420\t252,000\t58\t\n2\t椴木村\t260\t156,000\t37\t其中2户外出务工\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text) if f.rule.startswith("table")] == [
        (420, "亩", "槲栎坪村"), (252000, "元", "槲栎坪村"), (58, "户", "槲栎坪村"),
        (260, "亩", "椴木村"), (156000, "元", "椴木村"), (37, "户", "椴木村")]


def test_a_caption_of_households_and_mouths_counts_people_and_land_columns_are_area():
    text = "（单位：户、口、亩）\n阶　层　　户数　　　人口　　　土改前占地　　土改后占地\n富　农　　二一五　　一一八六　一一二〇〇　　八三二〇\n"
    assert [(f.value, f.unit, f.kind) for f in extract_facts(text)] == [
        (215, "户", "households"), (1186, "口", "people"), (11200, "亩", "area"), (8320, "亩", "area")]


def test_a_line_of_label_and_figure_pairs_under_a_unit_caption():
    text = "全程前四名奖金设置（单位：元）：\n　　第1名　150,000　　第2名　80,000\n　　第3名　50,000　　 第4名　30,000\n"
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (150000, "元", "第1名"), (80000, "元", "第2名"), (50000, "元", "第3名"), (30000, "元", "第4名")]


def test_minutes_in_a_column_of_times_are_a_duration():
    text = "区间\t里程（公里）\t最快运行时间\t二等座（元）\n嵚州东—蘅口\t58.6\t21分\t27.5\n"
    assert [(f.value, f.unit, f.kind) for f in extract_facts(text)] == [
        (58.6, "公里", "length"), (21, "分钟", "duration"), (27.5, "元", "money")]


def test_race_times_in_rows_numbered_and_parted_by_wide_spaces():
    text = "男子全程前三名成绩如下：\n　　1　基普图伊（肯尼亚）　　　2:09:37\n　　2　塔费拉（埃塞俄比亚）　　2:09:58\n　　3　基普楚米（肯尼亚）　　　2:11:24\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(7777, "秒"), (7798, "秒"), (7884, "秒")]


def test_a_header_whose_last_cell_goes_on_alone_on_the_next_line():
    text = ("产品名称        单位       产量       比上年\n                              增长（%）\n"
            "粮食          万吨       15.62      1.9\n油料          吨        9 860      -2.4\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(156200, "吨"), (1.9, "%"), (9860, "吨"), (2.4, "%")]


def test_a_units_column_headed_jiliang_over_a_second_line():
    text = ("产品名称        计量       产量       比上年\n            单位                增长（%）\n"
            "饮料          万升       3.42      12.8\n水泥          万吨       186.5      -6.3\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(34200, "升"), (12.8, "%"), (1865000, "吨"), (6.3, "%")]


def test_an_ocr_price_table_cell_whose_first_digit_is_a_letter():
    text = ("附：调整前后水价对照表（单位：元/立方米）\n类别          现行价格      调整后价格      增加\n"
            "第一阶梯        2.2O          2.6O            O.4O\n第二阶梯        2.2O          3.2O            l.OO\n")
    assert [(f.value, f.per) for f in extract_facts(text)][2::3] == [(0.4, "立方米"), (1, "立方米")]


def test_a_header_line_of_units_two_fields_a_wide_gap_apart():
    text = ("指   标               绝对数      比上年\n                   （元）      增长（%）\n"
            "全体居民人均可支配收入        31 286      6.1\n  城镇居民              41 950      5.3\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(31286, "元"), (6.1, "%"), (41950, "元"), (5.3, "%")]


def test_cash_counted_in_thousands_and_silver_in_capital_tens():
    facts = extract_facts("捐錢叁拾千文，共錢壹佰柒拾貳千捌佰文，另捐銀拾兩，山价银贰拾两零伍钱。")
    assert [(f.value, f.unit) for f in facts] == [(30000, "文"), (172800, "文"), (10, "两"), (20.5, "两")]
    assert parse_number("四五千") is None  # adjacent digits stay a range, not 45 thousands


def test_a_commune_table_counts_labour_days_and_prices_each_one():
    text = "大　队　总收入（元）　　劳动日（个）　劳动日值（元）\n峂　坑　三一二四六〇　　二三六四〇〇　〇．八五五\n"
    assert [(f.value, f.unit, f.per) for f in extract_facts(text)] == [
        (312460, "元", None), (236400, "劳动日", None), (0.855, "元", "劳动日")]


def test_a_header_opening_with_each_rates_its_column():
    text = "年级\t班级数（个）\t每班人数（人）\n一年级\t8\t45\n"
    assert [(f.value, f.per) for f in extract_facts(text)] == [(8, None), (45, "班")]


def test_a_paragraph_under_a_related_links_header_is_read():
    text = "■相关链接\n　　锂泓公司成立于2011年，现有生产基地５个、员工６，８００余人。２０２５年出货量２１．３万吨，市场占有率约９．６％。\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(5, "个"), (6800, "人"), (213000, "吨"), (9.6, "%")]


def test_a_results_table_under_a_bracketed_currency_caption_with_a_notes_column():
    text = ("（港幣千元，每股數據除外）\n　　　　　　　　　　　　　附註　　2025年　　　　2024年\n"
            "收益　　　　　　　　　　　　3　　4,863,204　　　4,445,318\n"
            "銷售成本　　　　　　　　　　　　(3,127,560)　　(2,901,742)\n"
            "每股基本盈利為港幣38.6仙。\n")
    assert [(f.value, f.unit) for f in extract_facts(text)] == [
        (4863204000, "元"), (4445318000, "元"), (3127560000, "元"), (2901742000, "元"), (0.386, "元")]


def test_a_full_width_point_after_an_item_number_before_a_count_is_no_decimal():
    text = "三、整改情况\n　　1．41个问题已整改34个，整改率82.9%；\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(41, "个"), (34, "个"), (82.9, "%")]


def test_a_range_broken_across_a_pdf_line_after_a_degree_sign():
    text = ("　　据县气象台预报，未来一周全县仍以晴热天气为主，最高气温36℃\n至39℃，旱情可能持续发展。县防汛抗旱指挥部提醒广大群\n"
            "众节约用水、科学用水，出现饮水困难可拨打热线，全县已投入送水车42辆。\n")
    assert [(f.value, f.value_max, f.unit) for f in extract_facts(text)][:1] == [(36, 39, "℃")]


def test_a_one_cell_a_line_table_with_a_wrapped_header_cell_and_units_captioned_by_name():
    text = ("（面积单位：亩\n单产单位：公斤/亩\n产量单位：吨）\n乡镇\n播种面积\n单产\n总产量\n比上年\n增减（%）\n"
            "埝坪镇\n32460\n352.6\n11445.4\n4.8\n蓼渡镇\n38120\n368.4\n14043.4\n7.2\n")
    assert [(f.value, f.unit, f.per, f.subject) for f in extract_facts(text)][:4] == [
        (32460, "亩", None, "埝坪镇"), (352.6, "公斤", "亩", "埝坪镇"), (11445.4, "吨", None, "埝坪镇"), (4.8, "%", None, "埝坪镇")]


def test_a_table_number_alone_on_a_line_is_not_glued_to_its_title():
    assert [f.value for f in extract_facts("表1\n2025年各乡镇小麦生产情况\n全县小麦播种面积21.36万亩。\n")] == [213600]


def test_a_rate_per_du_of_power_keeps_du_as_written():
    assert [(f.value, f.per) for f in extract_facts("居民用电每度电0.56元。")] == [(0.56, "度")]


def test_a_percent_column_headed_with_a_plus_minus_sign():
    text = "指标名称　　　　单位　　　　本月　　　　1—11月累计　　累计同比±%\n社会消费品零售总额　　万元　　69,018　　712,460　　5.8\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(690180000, "元"), (7124600000, "元"), (5.8, "%")]


def test_a_boxed_table_whose_cells_are_padded_with_wide_spaces():
    text = ("┌──────┬──────┬────────┐\n│ 乡　镇 │收购点│ 收购量 │\n│        │（个）│ （吨） │\n├──────┼──────┼────────┤\n"
            "│ 蓧城镇 │  6   │ 10,860 │\n│ 荛田镇 │  5   │  9,240 │\n└──────┴──────┴────────┘\n")
    assert [(f.value, f.unit, f.subject) for f in extract_facts(text)] == [
        (6, "个", "蓧城镇"), (10860, "吨", "蓧城镇"), (5, "个", "荛田镇"), (9240, "吨", "荛田镇")]


def test_cantonese_dollars_and_ten_cents_as_one_sum_and_a_header_in_millions():
    assert [(f.value, f.unit) for f in extract_facts("总数一百三十七蚊六毫。")] == [(137.6, "元")]
    text = "月份　　毛收入（百萬澳門元）　　按年變幅（%）\n1月　　18,250　　4.1\n2月　　19,740　　6.8\n"
    assert [(f.value, f.unit) for f in extract_facts(text)] == [(18250000000, "澳门元"), (4.1, "%"), (19740000000, "澳门元"), (6.8, "%")]


def test_a_chart_series_of_years_and_figures_a_space_apart_under_its_caption():
    text = "[柱状图] 网络零售额（单位：亿元）\n2021　1.12\n2022　1.65\n2023　2.31\n"
    assert [(f.value, f.subject) for f in extract_facts(text)] == [(112000000, "2021"), (165000000, "2022"), (231000000, "2023")]


def test_a_medal_table_counts_medals_and_points():
    text = "代表团　　金牌　　银牌　　铜牌　　总分\n峖川市　　96　　　81　　　74　　　3,412.5\n潿城市　　83　　　79　　　70　　　3,106\n"
    assert [(f.value, f.unit) for f in extract_facts(text)][:4] == [(96, "枚"), (81, "枚"), (74, "枚"), (3412.5, "分")]


def test_a_space_parting_thousands_after_a_list_comma():
    assert [(f.value, f.unit) for f in extract_facts("去年合作社线上卖出鲜果46.8万单、1 120吨。")] == [(468000, "单"), (1120, "吨")]
