"""Language routing: vi or en per article, by majority of its lines."""
import pytest

from pipeline.stages.langid import detect_language


@pytest.mark.parametrize("text,expected", [
    ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Hun Manet.", "vi"),
    ("Prime Minister Pham Minh Chinh held talks with Cambodian Prime Minister Hun Manet.", "en"),
    ("HÀ NỘI — Party General Secretary Tô Lâm met the Lao Prime Minister on Tuesday.", "en"),
    ("Tổng Bí thư Tô Lâm tiếp Đại sứ.\nThe Ambassador thanked him.\nHai bên nhất trí tăng cường hợp tác "
     "trong nhiều lĩnh vực quan trọng như kinh tế, thương mại và đầu tư.", "vi"),
    ("Hội đàm", "vi"),
])
def test_language_is_decided_by_the_majority_of_the_text(text, expected):
    assert detect_language(text) == expected
