"""The map's caption on a touch screen (QA12's low)."""
from __future__ import annotations


def test_the_map_caption_has_words_for_a_touch_screen(client):
    """« Survolez un point » on a phone (QA12's low): no hover there, and a tap filters at once."""
    html = client.get("/carte?q=eau").get_data(as_text=True)
    caption = html.split('id="map-info"', 1)[1].split("</p>", 1)[0]
    assert '<span class="on-hover">Survolez un point' in caption
    assert '<span class="on-touch">Touchez un point' in caption and "tableau sous la carte" in caption
