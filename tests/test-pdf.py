#!/usr/bin/python3
# PDFs written by "thidua export … --example", checked with poppler's tools:
# A4 landscape pages, serif fonts embedded, the official text (national
# header, date line, title, every unit, decimal commas, signature block),
# page numbers from page 2 only, the table header on every page, rows never
# split, and the signature never alone.  Pages are rendered to PNG in
# TD_TEST_OUTPUT_DIR for a person to look at.
# Usage: test-pdf.py THIDUA  (TAP on stdout)
import atexit
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from td_tap import main, run, test  # noqa: E402

THIDUA = sys.argv[1]
OUT = os.environ.get("TD_TEST_OUTPUT_DIR", tempfile.gettempdir())
TMP = tempfile.mkdtemp(prefix="td-pdf-")
atexit.register(shutil.rmtree, TMP, ignore_errors=True)


def export(sheet, name):
    path = os.path.join(TMP, name)
    run(THIDUA, "export", sheet, "--example", "--output", path, "--force")
    return path


def page_texts(path, raw=False):
    text = run("pdftotext", "-raw" if raw else "-layout", path, "-")
    return text.split("\f")[:-1]


def squash(text):
    return re.sub(r"\s+", " ", text)


RANKING = export("ranking", "Bang-xep-hang-Khoi-6-2024.pdf")
FORM = export("form", "Phieu-tu-cham-Khoi-6-2024.pdf")
PAGES = page_texts(RANKING)
RAW = page_texts(RANKING, raw=True)
# The workbook's PDF holds the ranking, then one unit's scoring sheet.
RANKING_END = next(i for i, t in enumerate(PAGES) if "Nơi nhận:" in t)
os.makedirs(OUT, exist_ok=True)
run("pdftoppm", "-r", "60", "-png", RANKING, os.path.join(OUT, "pdf-ranking"))
run("pdftoppm", "-r", "60", "-png", FORM, os.path.join(OUT, "pdf-form"))


@test
def a4_landscape_pages():
    info = run("pdfinfo", "-f", "1", "-l", "99", RANKING)
    n = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts \(A4\)", info, re.M)
    assert n == len(PAGES) and len(sizes) == n, (n, len(sizes))
    assert all(float(w) > float(h) for w, h in sizes), sizes
    assert abs(float(sizes[0][0]) - 841.89) < 0.1
    # 60 units do not fit on one page: the table paginates.
    assert RANKING_END >= 2, RANKING_END


@test
def serif_fonts_embedded():
    fonts = run("pdffonts", RANKING).splitlines()[2:]
    assert fonts, "fonts listed"
    for line in fonts:
        cols = line.split()
        assert cols[0].split("+")[-1].startswith("LiberationSerif"), line
        assert cols[-5] == "yes", line  # the "emb" column
    names = " ".join(fonts)
    assert "LiberationSerif-Bold" in names and "LiberationSerif-Italic" in names


@test
def national_header_and_title_on_page_one():
    first = PAGES[0]
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Bình Phước, ngày 05 tháng 01 năm 2025", "KHỐI THI ĐUA SỐ 6", "Số: 01/BC-KTĐ6",
                 "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA NĂM 2024"):
        assert text in first, text
    assert "CỘNG HÒA" not in PAGES[1]


@test
def every_unit_and_decimal_commas():
    text = squash(" ".join(RAW[: RANKING_END + 1]))
    for n in range(60):
        kinds = ["Trung tâm Y tế huyện", "Bệnh viện Đa khoa khu vực",
                 "Trung tâm Kiểm soát bệnh tật và Phòng chống dịch bệnh", "Phòng Y tế thị xã",
                 "Trạm Y tế xã"]
        places = ["Đồng Xoài", "Bình Long", "Phước Long", "Chơn Thành", "Lộc Ninh", "Bù Đăng",
                  "Bù Đốp", "Hớn Quản", "Đồng Phú", "Bù Gia Mập", "Phú Riềng", "Tân Thành"]
        name = f"{kinds[n % 5]} {places[(n // 5) % 12]} số {n + 1}"
        assert name in text, name
    for value in ("99,1", "97,65", "0,25", "82,17"):
        assert value in text, value
    assert not re.search(r"\b\d+\.\d+\b", text), re.findall(r"\b\d+\.\d+\b", text)[:5]


@test
def page_numbers_from_page_two():
    def top_line(page):
        return next(line.strip() for line in page.splitlines() if line.strip())

    assert top_line(PAGES[0]) != "1"
    assert not re.match(r"^\d+$", top_line(PAGES[0]))
    for i in range(1, RANKING_END + 1):
        assert top_line(PAGES[i]) == str(i + 1), (i, top_line(PAGES[i]))
    # The next sheet starts its own numbering: no number on its first page.
    if RANKING_END + 1 < len(PAGES):
        assert "CỘNG HÒA" in PAGES[RANKING_END + 1]
        assert not re.match(r"^\d+$", top_line(PAGES[RANKING_END + 1]))


@test
def table_header_on_every_page_and_rows_whole():
    numbers = []
    for i in range(RANKING_END + 1):
        for text in ("STT", "Đơn vị", "Kết quả chấm điểm", "Xếp loại", "Đề nghị khen thưởng"):
            assert text in PAGES[i], (i, text)
        raw = squash(RAW[i])
        page_rows = [int(n) for n in re.findall(
            r"(?:^| )(\d{1,2}) (?:Trung tâm|Bệnh viện|Phòng Y tế|Trạm Y tế)", raw)]
        assert page_rows, i
        numbers += page_rows
    # Every row once, in order, none lost or repeated at a page break.
    assert numbers == list(range(1, 61)), numbers


@test
def signature_block_on_last_page_with_rows():
    last = PAGES[RANKING_END]
    for text in ("Nơi nhận:", "- Lưu: VT.", "TM. KHỐI THI ĐUA SỐ 6", "KHỐI TRƯỞNG",
                 "Nguyễn Thị Thanh Hương", "Ghi chú: Tổng điểm"):
        assert text in last, text
    for page in PAGES[:RANKING_END]:
        assert "KHỐI TRƯỞNG" not in page and "Nơi nhận" not in page
    # Not alone: the last units are on the same page as the signature.
    assert re.search(r"^\s*60\s+\S", last, re.M), last[:400]
    assert last.index("Nơi nhận:") > last.index("Ghi chú")
    lines = last.splitlines()
    sig = next(i for i, line in enumerate(lines) if "KHỐI TRƯỞNG" in line)
    name = next(i for i, line in enumerate(lines) if "Nguyễn Thị Thanh Hương" in line)
    assert name - sig >= 3, "space to sign"


@test
def portrait_calendar():
    cal = export("calendar", "Lich-2024.pdf")
    info = run("pdfinfo", cal)
    assert "595.276 x 841.89 pts (A4)" in info, info
    text = page_texts(cal)[0]
    assert "DANH SÁCH CÁC NGÀY LỄ LỚN, SỰ KIỆN VÀ THỜI HẠN NĂM" in text
    assert "11/06/2024" in text and "Nơi nhận:" in text
    run("pdftoppm", "-r", "60", "-png", cal, os.path.join(OUT, "pdf-calendar"))


@test
def matrix_cells_stay_inside_the_grid():
    matrix = export("matrix", "Matrix-2024.pdf")
    text = squash(" ".join(page_texts(matrix, raw=True)))
    assert "Điểm thẩm định của các đơn vị" in text and "Xếp thứ" in text
    assert "93,75" in text
    run("pdftoppm", "-r", "60", "-png", matrix, os.path.join(OUT, "pdf-matrix"))


@test
def form_pdf():
    pages = page_texts(FORM)
    text = squash(" ".join(page_texts(FORM, raw=True)))
    assert "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024" in pages[0]
    assert "Hướng dẫn: Đơn vị nhập điểm tự chấm" in text
    assert "THỦ TRƯỞNG ĐƠN VỊ" in text and "Tổng cộng" in text
    assert "(Ký, ghi rõ họ tên và đóng dấu)" in text and "Nơi nhận" not in text
    assert "ngày …… tháng …… năm 2025" in text
    # Blank totals: the only number in the total row is the 100 of Điểm chuẩn.
    assert re.search(r"Tổng cộng 100( |$)", text), text[-300:]


main()
