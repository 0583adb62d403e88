import pytest

from toolkit.params_checks import check_languages


@pytest.mark.parametrize(
    ("section", "languages", "language_map", "problem"),
    [
        ("rhetoric", ["ru", "zh"], {}, "rhetoric.languages: ru, zh: words of different"),
        ("trends", ["en", "ru", "zh"], {"ru": {"санкция": "sanction"}}, "trends.languages: en, ru"),
        ("rhetoric", ["en", "ru"], {"ru": {"санкция": "sanction"}}, None),  # all mapped but one
        ("rhetoric", ["ru"], {}, None),  # one language: compared within it
        ("rhetoric", ["ru", "ru"], {}, None),  # the same language twice is one
        ("trends", [], {}, None),  # the corpus's most common language
    ],
)
def test_several_languages_need_a_language_map_before_anything_runs(
    section, languages, language_map, problem
):
    params = {"rhetoric": {}, "trends": {}}
    params[section] = {"languages": languages, "language_map": language_map}
    problems: list[str] = []
    check_languages(params, problems)
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problems[0].startswith(problem)
        assert f"set {section}.language_map" in problems[0]


def test_validation_lists_the_language_problem_with_the_others(tmp_path):
    from test_params import write

    from toolkit.params import ParamsError, load_params

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "params").mkdir()
    (tmp_path / "docs").mkdir()
    path = write(
        tmp_path, {"sources": ["docs"], "seed": "x", "rhetoric": {"languages": ["ru", "zh"]}}
    )
    with pytest.raises(ParamsError) as err:
        load_params(path)
    assert "2 problems" in str(err.value) and "rhetoric.languages: ru, zh" in str(err.value)
