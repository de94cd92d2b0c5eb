"""What an action id that answers no action is told (review 3, #12 and #14)."""
from __future__ import annotations

from search_app import views
from test_action_ids import KALENKO, merged_app, read  # noqa: F401 (fixtures: pytest finds them by name)


def test_a_number_never_issued_says_the_range_and_its_gaps(merged_app):  # noqa: F811
    """With one gap, the 404 listed every action (« ses 23 actions sont a01, a02, …, a23 »)."""
    with merged_app.test_request_context():
        assert views.missing_action(f"{KALENKO}--a09")[1].endswith("ses 3 actions vont de a01 à a04, sans a02.")
        assert views._gaps(KALENKO, ["a01", "a23"]) == ", avec 21 numéros sans action"
        assert views._gaps(KALENKO, ["a01", "a02", "a03"]) == ""
