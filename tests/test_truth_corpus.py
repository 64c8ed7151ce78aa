"""Issue 16's measure: the project's own real-layout corpus (tests/truth_corpus.py) through the batch check. Every
file imports exactly, every real error is found, and nothing is reported that the report does not have (the
warnings its layout causes by design, such as 原报告未分列, are named per file)."""

from __future__ import annotations

import pytest

from cli.batch import check_files
from tests.truth_corpus import build, measure


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    corpus, paths = build(tmp_path_factory.mktemp("corpus"))
    return measure(corpus, check_files(paths, workers=1))


def test_every_file_of_the_corpus_imports_exactly(measured):
    assert measured.inexact == [] and measured.exact == measured.files >= 16


def test_every_real_error_is_found(measured):
    assert measured.missed == []
    assert measured.errors_found == measured.errors_present > 0


def test_no_false_error_and_no_false_warning(measured):
    assert measured.false_errors == []
    assert measured.false_warnings == []
