"""Issue 19 §3: the clerk reads a rule's plain-language name; its code (V-1, T3-C, X-4) is for reviewers."""

import re

from models.rules.rule_set import RULES, rule_name

CODE = re.compile(r"[A-Z]+\d*-[A-Z0-9-]+|[A-Z]-\d")


def test_every_rule_has_a_plain_chinese_name_of_its_own():
    names = [rule.name for rule in RULES]
    assert all(names), [rule.id for rule in RULES if not rule.name]
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert not CODE.search(rule.name), rule.name
        assert re.search(r"[\u4e00-\u9fff]", rule.name) and len(rule.name) <= 20, rule.name


def test_the_names_the_issue_asks_for():
    assert rule_name("T3-C") == "表三 列合计"
    assert rule_name("X-1") == "与上年结转不一致"
    assert rule_name("TXT-CARRIED-IN") == "正文上年结转申请数与表格不一致"


def test_an_unknown_rule_of_a_newer_draft_shows_its_code():
    assert rule_name("Z-9") == "Z-9"
