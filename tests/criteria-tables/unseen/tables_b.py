# SPDX-License-Identifier: GPL-3.0-or-later
"""Unseen tables 5-8: a three-line header on 200 points, a Word copy whose cells were split over
lines (CRLF, NBSP, dashes, a vertical tab), a LibreOffice Writer HTML copy with spans in the body,
a Google Docs HTML copy with a single points column and the bonuses in the words."""
from unseen_lib import (C, CONT, GRADE, H, NOTE, TOTAL, gdocs_html, padded, physical, tsv, write,
                        writer_html)


def cum_200_diem_2022():
    """Doc 001 (Bình Định 2022: Đợt I to 30/6, Đợt II from 01/7, 01 ngày lương, 01 to 04 houses per
    cluster): a cluster of districts on 200 points, a header on three lines (ĐIỂM over Điểm chuẩn |
    Điểm thưởng, điểm trừ over Thưởng | Trừ), A → I → 1 codes, a deduction section B."""
    rows = [
        (["TT", "NỘI DUNG TIÊU CHÍ", "ĐIỂM"], H()),
        (["", "", "Điểm chuẩn", "Điểm thưởng, điểm trừ"], H()),
        (["", "", "", "Thưởng", "Trừ"], H()),
        (["A", "CÁC TIÊU CHÍ CHẤM ĐIỂM", "200", "", ""], C("A", "A", None, "heading", 200)),
        (["I", "Thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, an ninh", "80", "", ""],
         C("I", "I", "A", "heading", 80, remark="Roman numerals at the second level, under A")),
        (["1", "Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2022 theo Nghị quyết HĐND huyện", "30", "", ""],
         C("I1", "1", "I", "graded", 30)),
        (["", "- Đạt và vượt kế hoạch: 30 điểm", "", "", ""], GRADE("I1a", "I1", 30, {"from": 100})),
        (["", "- Đạt từ 90% đến dưới 100% kế hoạch: 20 điểm", "", "", ""],
         GRADE("I1b", "I1", 20, {"from": 90, "below": 100})),
        (["", "- Đạt dưới 90% kế hoạch: 10 điểm", "", "", ""], GRADE("I1c", "I1", 10, {"below": 90})),
        (["2", "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững", "30", "", ""],
         C("I2", "2", "I", "standard", 30)),
        (["3", "Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội; không để xảy ra điểm nóng", "20", "", ""],
         C("I3", "3", "I", "standard", 20)),
        (["II", "Thực hiện phong trào “Bình Định chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",
          "40", "", ""],
         C("II", "II", "A", "heading", 40)),
        (["1", "Vận động cán bộ, công chức, viên chức và người lao động ủng hộ ít nhất 01 ngày lương", "20", "", ""],
         C("II1", "1", "II", "standard", 20)),
        (["2", "Hỗ trợ xây dựng nhà ở cho hộ nghèo theo số lượng Cụm phân bổ (từ 01 đến 04 nhà)", "20", "", ""],
         C("II2", "2", "II", "standard", 20)),
        (["", "Mỗi nhà vượt số lượng được phân bổ: cộng 2 điểm (tối đa 8 điểm)", "", "8", ""],
         C("II2a", None, "II2", "bonus_each", None, rate=2, bonus_cap=8)),
        (["III", "Cải cách hành chính, chuyển đổi số", "40", "", ""], C("III", "III", "A", "heading", 40)),
        (["1", "Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng (SIPAS) năm 2021 của địa phương",
          "20", "", ""],
         C("III1", "1", "III", "standard", 20)),
        (["2", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "20", "", ""],
         C("III2", "2", "III", "standard", 20)),
        (["", "Trên 50%: cứ mỗi 5% cộng 1 điểm, tối đa 4 điểm", "", "4", ""],
         C("III2a", None, "III2", "linear_bonus", None, rate=1, threshold=50, step=5, bonus_cap=4)),
        (["IV", "Công tác thi đua, khen thưởng và hoạt động của Cụm", "40", "", ""],
         C("IV", "IV", "A", "heading", 40)),
        (["1", "Ban hành kế hoạch, đăng ký thi đua; sửa đổi, bổ sung Quy chế hoạt động Cụm, thang bảng điểm "
               "đúng thời gian", "10", "", ""],
         C("IV1", "1", "IV", "standard", 10)),
        (["2", "Tổ chức Đợt I (đến 30/6/2022) và Đợt II (01/7/2022 – 31/12/2022) thi đua lập thành tích chào "
               "mừng các ngày lễ lớn", "15", "", ""],
         C("IV2", "2", "IV", "standard", 15, remark="'Đợt I', 'Đợt II' inside the text are not codes")),
        (["3", "Tham gia đầy đủ hội nghị, tọa đàm, giao lưu văn nghệ, thể thao do Cụm tổ chức", "15", "", ""],
         C("IV3", "3", "IV", "standard", 15)),
        (["", "Vắng mỗi hoạt động: trừ 3 điểm", "", "", "3"],
         C("IV3a", None, "IV3", "deduction_each", None, rate=-3)),
        (["B", "ĐIỂM TRỪ (không quá 20 điểm)", "", "", ""],
         C("B", "B", None, "heading", None, deduction_cap=20)),
        (["1", "Để xảy ra sai phạm bị cơ quan có thẩm quyền kết luận, xử lý", "", "", "10"],
         C("B1", "1", "B", "deduction_points", None, deduction_max=10)),
        (["2", "Bị UBND tỉnh phê bình, nhắc nhở bằng văn bản (mỗi lần)", "", "", "5"],
         C("B2", "2", "B", "deduction_each", None, rate=-5)),
        (["", "TỔNG CỘNG (A – B)", "200", "", ""], TOTAL(200)),
    ]
    base = {"I1": {"choice": "I1a"}, "I2": {"points": 28}, "I3": {"points": 20}, "II1": {"points": 20},
            "II2": {"points": 20}, "II2a": {"count": 2}, "III1": {"points": 18}, "III2": {"points": 20},
            "III2a": {"value": 63}, "IV1": {"points": 10}, "IV2": {"points": 15}, "IV3": {"points": 15},
            "IV3a": {"count": 1}, "B1": {"points": 0}, "B2": {"count": 0}}
    units = [
        {"name": "UBND huyện Tuy Phước (giả định)", "about": "linear bonus 2 steps; one absence",
         "self": base, "assessed": dict(base, II2a={"count": 1}),
         "differences": [("II2a", "one house was finished in 2023")]},
        {"name": "UBND thị xã An Nhơn (giả định)", "about": "deduction section capped at 20",
         "self": dict(base, I1={"choice": "I1b"}, B1={"points": 10}, B2={"count": 1}, III2a={"value": 75}),
         "assessed": dict(base, I1={"choice": "I1b"}, B1={"points": 10}, B2={"count": 3}, III2a={"value": 75}),
         "differences": [("B2", "two more written criticisms; the cap of 20 binds")]},
    ]
    return write("cum-200-diem-2022", "tsv", rows,
                 "Cụm thi đua các huyện, thị xã, thành phố (giả định, theo kế hoạch 001) năm 2022 on 200 points: "
                 "a header on three lines (ĐIỂM over Điểm chuẩn | Điểm thưởng, điểm trừ over Thưởng | Trừ), "
                 "codes A → I → 1, a deduction section B with its cap, TỔNG CỘNG (A – B)",
                 ["code", "text", "standard", "bonus", "deduction"], 200, units, tsv,
                 {"P4": ["I1"], "P5": ["III2a"], "P6": ["II2a"], "deduction section": ["B", "B1", "B2"]})


def word_xuong_dong_2023():
    """Doc 004 again (a bloc of culture and society departments, 2023), copied from Word where cells
    hold several paragraphs: Word ends every paragraph of a cell with a line break, so a row continues
    on the next line(s); a Shift+Enter break comes through as a vertical tab.  CRLF line ends, NBSP
    and double spaces, '–' bullets, trailing empty cells, one row with an extra empty cell."""
    rows = [
        (["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm thưởng", "Điểm trừ"], H()),
        (["I", "THỰC HIỆN NHIỆM VỤ CHUYÊN MÔN\u00a0 NĂM 2023", "60", "", ""], C("I", "I", None, "heading", 60,
                                                                               remark="NBSP and a space")),
        (["1", "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn năm 2023"], C("I1", "1", "I", "graded", 30,
                                                                        remark="the cell goes on next line")),
        (["theo kế hoạch được UBND tỉnh giao", "30", "", ""], CONT("I1")),
        (["", "– Hoàn thành 100% trở lên: 30 điểm", "", "", ""], GRADE("I1a", "I1", 30, {"from": 100})),
        (["", "– Hoàn thành từ 90% đến dưới 100%: 25 điểm", "", "", ""],
         GRADE("I1b", "I1", 25, {"from": 90, "below": 100})),
        (["", "– Hoàn thành dưới 90%: 15 điểm", "", "", ""], GRADE("I1c", "I1", 15, {"below": 90})),
        (["2", "Tham mưu UBND tỉnh ban hành văn bản quy phạm pháp luật thuộc lĩnh vực phụ trách", "15", "", ""],
         C("I2", "2", "I", "standard", 15)),
        (["", "– Mỗi văn bản trình chậm so với Chương trình công tác:  trừ  0,5 điểm", "", "", "0,5"],
         C("I2a", None, "I2", "deduction_each", None, rate=-0.5, remark="double spaces")),
        (["3", "Triển khai các phong trào thi đua do Chủ tịch UBND tỉnh phát động", "15", "", "", ""],
         C("I3", "3", "I", "standard", 15, remark="one more empty cell than the header")),
        (["II", "CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ", "25", "", ""], C("II", "II", None, "heading", 25)),
        (["1", "Kết quả Chỉ số cải cách hành chính (PAR Index) năm 2022;"],
         C("II1", "1", "II", "standard", 10, bonus_max=2,
           remark="the bonus is on the continuation line and in the Thưởng column")),
        (["thuộc nhóm 05 đơn vị dẫn đầu được cộng 2 điểm", "10", "2", ""], CONT("II1")),
        (["2", "Triển khai Đề án 06 và chuyển đổi số\u000bcủa cơ quan", "10", "", ""],
         C("II2", "2", "II", "standard", 10, remark="a Shift+Enter break inside the cell")),
        (["3", "Giải quyết thủ tục hành chính đúng hạn", "5", "", ""], C("II3", "3", "II", "standard", 5)),
        (["", "Mỗi hồ sơ giải quyết quá hạn"], C("II3a", None, "II3", "deduction_each", None, rate=-0.25,
                                                 remark="the rate is on the continuation line's column")),
        (["(theo Hệ thống thông tin giải quyết thủ tục hành chính tỉnh)", "", "", "0,25"], CONT("II3a")),
        (["III", "XÂY DỰNG CƠ QUAN, ĐƠN VỊ VỮNG MẠNH", "15", "", ""], C("III", "III", None, "heading", 15)),
        (["1", "Tổ chức cơ sở đảng, đoàn thể hoàn thành tốt nhiệm vụ trở lên", "5", "", ""],
         C("III1", "1", "III", "standard", 5)),
        (["2", "Chấp hành kỷ luật, kỷ cương hành chính", "10", "", ""], C("III2", "2", "III", "standard", 10)),
        (["", "– Có cán bộ, công chức bị kỷ luật: trừ 2 điểm/trường hợp", "", "", "2"],
         C("III2a", None, "III2", "deduction_each", None, rate=-2)),
        (["", "(Trường hợp cơ quan tự phát hiện, xử lý thì không trừ điểm)", "", "", ""],
         NOTE(["III2a"], {"exemption": "Trường hợp cơ quan tự phát hiện, xử lý thì không trừ điểm"})),
        (["3", "Không gửi báo cáo tổng kết, bảng tự chấm điểm"], C("III3", "3", "III", "disqualifier", None,
                                                                  remark="'không xếp loại' is on the next line")),
        (["về Khối trưởng (không xếp loại)", "", "", ""], CONT("III3")),
        (["", "TỔNG CỘNG", "100", "", ""], TOTAL(100)),
    ]
    base = {"I1": {"choice": "I1a"}, "I2": {"points": 15}, "I2a": {"count": 1}, "I3": {"points": 15},
            "II1": {"points": 10, "bonus": 2}, "II2": {"points": 10}, "II3": {"points": 5},
            "II3a": {"count": 2}, "III1": {"points": 5}, "III2": {"points": 10}, "III2a": {"count": 1},
            "III3": {"applies": False}}
    units = [
        {"name": "Sở Văn hóa, Thể thao và Du lịch", "about": "an exempted discipline case",
         "self": dict(base, III2a={"count": 1, "exempt": True}), "assessed": base,
         "differences": [("III2a", "the meeting does not accept the exemption")]},
        {"name": "Sở Lao động - Thương binh và Xã hội", "about": "graded 25; no PAR bonus",
         "self": dict(base, I1={"choice": "I1b"}, II1={"points": 10, "bonus": 0}, III2a={"count": 0}),
         "assessed": dict(base, I1={"choice": "I1b"}, II1={"points": 8, "bonus": 0}, III2a={"count": 0}),
         "differences": [("II1", "PAR Index below the group average")]},
    ]
    return write("word-xuong-dong-2023", "txt", rows,
                 "Khối thi đua văn hóa – xã hội (giả định, theo chỉ thị 004) năm 2023, copied from Word with "
                 "cells of several paragraphs: a row goes on over the next line(s) (lines 4, 13, 17, 24 are "
                 "the rest of the row above), a vertical tab for Shift+Enter, CRLF, NBSP, double spaces, "
                 "'–' bullets, trailing empty cells, one row with an extra empty cell",
                 ["code", "text", "standard", "bonus", "deduction"], 100, units, physical,
                 {"continuation": [4, 13, 17, 24], "P8": ["III2a"], "P9": ["III3"]})


def writer_cum_xa_2024():
    """Doc 002 (xã Ea Ly, huyện Sông Hinh): a cluster of communes, copied from LibreOffice Writer
    (its HTML): STT and Phương pháp chấm over two header rows, Điểm over Chuẩn | Thưởng | Trừ, a code
    cell spanning the item and its grades, a line break and two paragraphs in a cell, empty cells as
    <br/>, a note across the whole row, TỔNG CỘNG across two columns."""
    N = 6
    r = padded(N)
    rows = [
        (["STT", "Nội dung tiêu chí", "Điểm", "Phương pháp chấm"], H(),
         [("STT", {"rowspan": 2}), ("Nội dung tiêu chí", {"rowspan": 2}), ("Điểm", {"colspan": 3}),
          ("Phương pháp chấm", {"rowspan": 2})]),
        (["Chuẩn", "Thưởng", "Trừ"], H()),
        (r("I", "KINH TẾ – XÃ HỘI", "40"), C("I", "I", None, "heading", 40)),
        (r("1", "Thu ngân sách nhà nước trên địa bàn đạt dự toán huyện giao năm 2024", "15"),
         C("I1", "1", "I", "standard", 15)),
        (r("2", "Tỷ lệ hộ nghèo giảm so với đầu năm", "10", "", "", "Theo kết quả rà soát hộ nghèo cuối năm"),
         C("I2", "2", "I", "graded", 10, remark="its code cell spans it and its three grades"),
         [("2", {"rowspan": 4}), "Tỷ lệ hộ nghèo giảm so với đầu năm", "10", "", "",
          "Theo kết quả rà soát hộ nghèo cuối năm"]),
        (["", "- Giảm từ 2% trở lên", "10", "", "", ""], GRADE("I2a", "I2", 10, {"from": 2}),
         ["- Giảm từ 2% trở lên", "10", "", "", ""]),
        (["", "- Giảm từ 1% đến dưới 2%", "7", "", "", ""], GRADE("I2b", "I2", 7, {"from": 1, "below": 2}),
         ["- Giảm từ 1% đến dưới 2%", "7", "", "", ""]),
        (["", "- Giảm dưới 1%", "4", "", "", ""], GRADE("I2c", "I2", 4, {"below": 1}),
         ["- Giảm dưới 1%", "4", "", "", ""]),
        (r("3", "Xây dựng nông thôn mới: hoàn thành các tiêu chí theo lộ trình được huyện giao", "15"),
         C("I3", "3", "I", "standard", 15)),
        (r("", "Mỗi tiêu chí không đạt theo lộ trình", "", "", "2"),
         C("I3a", None, "I3", "deduction_each", None, rate=-2)),
        (r("II", "QUỐC PHÒNG – AN NINH", "20"), C("II", "II", None, "heading", 20)),
        (r("1", "Hoàn thành 100% chỉ tiêu tuyển chọn và gọi công dân nhập ngũ năm 2024", "10"),
         C("II1", "1", "II", "standard", 10)),
        (r("2", "Giữ vững an ninh chính trị, trật tự an toàn xã hội", "10"), C("II2", "2", "II", "standard", 10)),
        (r("", "Để xảy ra vụ việc phức tạp kéo dài\n(mỗi vụ việc)", "", "", "2"),
         C("II2a", None, "II2", "deduction_each", None, rate=-2, remark="a <br/> inside the cell")),
        (r("III", "CẢI CÁCH HÀNH CHÍNH, THI ĐUA – KHEN THƯỞNG", "40"), C("III", "III", None, "heading", 40)),
        (r("1", "Giải quyết hồ sơ thủ tục hành chính đúng hạn đạt 100%", "10", "", "",
           "Căn cứ Hệ thống thông tin giải quyết TTHC¶Mỗi hồ sơ quá hạn trừ 0,5 điểm"),
         C("III1", "1", "III", "standard_less_each", 10, rate=-0.5,
           remark="the rate is the second paragraph of the method cell")),
        (r("2", "Triển khai phong trào “Vì người nghèo – Không để ai bị bỏ lại phía sau”", "10"),
         C("III2", "2", "III", "standard", 10)),
        (r("3", "Phát hiện, nhân rộng điển hình tiên tiến, mô hình mới, nhân tố mới", "10", "2", "",
           "Cộng khi có mô hình được UBND huyện công nhận"),
         C("III3", "3", "III", "standard", 10, bonus_max=2)),
        (r("4", "Gửi báo cáo thi đua 6 tháng, năm về Cụm trưởng đúng hạn", "10"),
         C("III4", "4", "III", "standard", 10)),
        (r("", "– Mỗi báo cáo gửi chậm", "", "", "1"), C("III4a", None, "III4", "deduction_each", None, rate=-1)),
        (["Ghi chú: Tổng điểm trừ của phần III không quá 5 điểm"], NOTE(["III"], {"deduction_cap": 5}),
         [("Ghi chú: Tổng điểm trừ của phần III không quá 5 điểm", {"colspan": N})]),
        (r("IV", "ĐIỂM THƯỞNG (tối đa 5 điểm)"), C("IV", "IV", None, "heading", None, bonus_cap=5)),
        (r("1", "Xã được công nhận đạt chuẩn nông thôn mới nâng cao trong năm", "", "3"),
         C("IV1", "1", "IV", "bonus_points", None, bonus_max=3)),
        (r("2", "Mỗi tập thể, cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen", "", "1"),
         C("IV2", "2", "IV", "bonus_each", None, rate=1)),
        (["TỔNG CỘNG", "100", "", "", ""], TOTAL(100),
         [("TỔNG CỘNG", {"colspan": 2}), "100", "", "", ""]),
    ]
    base = {"I1": {"points": 15}, "I2": {"choice": "I2a"}, "I3": {"points": 15}, "I3a": {"count": 1},
            "II1": {"points": 10}, "II2": {"points": 10}, "II2a": {"count": 0}, "III1": {"count": 2},
            "III2": {"points": 10}, "III3": {"points": 10, "bonus": 2}, "III4": {"points": 10},
            "III4a": {"count": 0}, "IV1": {"points": 3}, "IV2": {"count": 3}}
    units = [
        {"name": "UBND xã Ea Ly", "about": "bonus section capped at 5; one grade lower",
         "self": base, "assessed": dict(base, I2={"choice": "I2b"}),
         "differences": [("I2", "poverty fell by 1,6%")]},
        {"name": "UBND xã Ea Bá (giả định)", "about": "six late reports: the cap of 5 on III binds",
         "self": dict(base, II2a={"count": 1}, III1={"count": 6}, III4a={"count": 4}, IV1={"points": 0},
                      IV2={"count": 1}),
         "assessed": dict(base, II2a={"count": 2}, III1={"count": 6}, III4a={"count": 6}, IV1={"points": 0},
                          IV2={"count": 1}),
         "differences": [("II2a", "a second case"), ("III4a", "two more late reports")]},
    ]
    return write("writer-cum-xa-2024", "html", rows,
                 "Cụm thi đua các xã (giả định, huyện của kế hoạch 002) năm 2024, copied from LibreOffice Writer "
                 "(the clipboard's HTML): header cells spanning two rows and three columns, a code cell "
                 "spanning an item and its three grades, a <br/> and two paragraphs inside cells, empty "
                 "cells as <br/>, a note across the row, TỔNG CỘNG across two columns; line numbers are "
                 "the rows of the table",
                 ["code", "text", "standard", "bonus", "deduction", "method"], 100, units,
                 writer_html([36, 300, 42, 42, 42, 120], 2),
                 {"P4": ["I2"], "P2": [21], "P7": ["III3"]})


def gdocs_khoi6_2025():
    """Doc 000 a year later, typed in Google Docs and copied from the browser: STT | Nội dung chấm điểm
    | Điểm (Tối đa | Tự chấm) | Ghi chú, one points column, bonuses and deductions only in the words,
    bold runs inside cells, '+' bullets that are bonuses, 'trừ văn bản mật' meaning 'except'."""
    N = 5
    r = padded(N)
    rows = [
        (["STT", "Nội dung chấm điểm", "Điểm", "Ghi chú"], H(),
         [("STT", {"rowspan": 2}), ("Nội dung chấm điểm", {"rowspan": 2}), ("Điểm", {"colspan": 2}),
          ("Ghi chú", {"rowspan": 2})]),
        (["Tối đa", "Tự chấm"], H()),
        (r("I", "**THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO**", "50"), C("I", "I", None, "heading", 50,
                                                            title="THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO")),
        (r("1", "Hoàn thành kế hoạch công tác năm 2025 được UBND tỉnh giao", "30", "",
           "_Căn cứ Quyết định xếp loại của UBND tỉnh_"),
         C("I1", "1", "I", "standard", 30)),
        (r("2", "Thực hiện sắp xếp tổ chức bộ máy theo kế hoạch của tỉnh đúng tiến độ", "20"),
         C("I2", "2", "I", "standard", 20)),
        (r("", "- Chậm tiến độ: **trừ 1 điểm/nội dung**"),
         C("I2a", None, "I2", "deduction_each", None, rate=-1, title="Chậm tiến độ: trừ 1 điểm/nội dung",
           remark="the figure in a bold run")),
        (r("II", "**PHONG TRÀO THI ĐUA VÀ HOẠT ĐỘNG CỦA KHỐI**", "30"),
         C("II", "II", None, "heading", 30, title="PHONG TRÀO THI ĐUA VÀ HOẠT ĐỘNG CỦA KHỐI")),
        (r("1", "Ban hành kế hoạch phát động phong trào thi đua năm 2025 trong Quý II", "10"),
         C("II1", "1", "II", "standard", 10)),
        (r("2", "Tham gia Hội thao Khối (chậm nhất 20/8/2025) và các hoạt động của Khối; vắng mỗi hoạt động "
                "trừ 2 điểm", "10"),
         C("II2", "2", "II", "standard_less_each", 10, rate=-2)),
        (r("3", "Gửi báo cáo sơ kết (trước 30/6) và báo cáo tổng kết, bảng tự chấm điểm (trước 30/12) đúng hạn",
           "10"),
         C("II3", "3", "II", "standard", 10)),
        (r("", "+ Gửi trước hạn: cộng 0,5 điểm/báo cáo"),
         C("II3a", None, "II3", "bonus_each", None, rate=0.5, remark="'+' is a bullet")),
        (r("III", "**CHUYỂN ĐỔI SỐ, CẢI CÁCH HÀNH CHÍNH**", "20"),
         C("III", "III", None, "heading", 20, title="CHUYỂN ĐỔI SỐ, CẢI CÁCH HÀNH CHÍNH")),
        (r("1", "Tỷ lệ văn bản được ký số, gửi nhận trên môi trường mạng đạt 100% (trừ văn bản mật)", "10"),
         C("III1", "1", "III", "standard", 10, remark="'trừ văn bản mật' = except secret documents")),
        (r("2", "Cơ quan thực hiện “Chuyển đổi số” đạt loại khá trở lên", "10"),
         C("III2", "2", "III", "standard", 10)),
        (r("IV", "**ĐIỂM THƯỞNG** (tối đa 5 điểm)"),
         C("IV", "IV", None, "heading", None, bonus_cap=5, title="ĐIỂM THƯỞNG (tối đa 5 điểm)")),
        (r("1", "Được tặng Cờ thi đua của UBND tỉnh: cộng 3 điểm"),
         C("IV1", "1", "IV", "bonus_points", None, bonus_max=3)),
        (r("2", "Có mô hình, cách làm hay được Khối nhân rộng: cộng 1 điểm/mô hình"),
         C("IV2", "2", "IV", "bonus_each", None, rate=1)),
        (r("V", "**ĐIỂM TRỪ**"), C("V", "V", None, "heading", None, title="ĐIỂM TRỪ")),
        (r("1", "Vắng họp Khối không báo cáo: trừ 2 điểm/lần"),
         C("V1", "1", "V", "deduction_each", None, rate=-2)),
        (r("2", "Để xảy ra vụ việc tiêu cực, tham nhũng bị cơ quan có thẩm quyền kết luận: trừ 5 điểm"),
         C("V2", "2", "V", "deduction_points", None, deduction_max=5)),
        (r("", "**TỔNG CỘNG (I + II + III)**", "100"), TOTAL(100)),
    ]
    base = {"I1": {"points": 30}, "I2": {"points": 20}, "I2a": {"count": 1}, "II1": {"points": 10},
            "II2": {"count": 0}, "II3": {"points": 10}, "II3a": {"count": 2}, "III1": {"points": 10},
            "III2": {"points": 10}, "IV1": {"points": 3}, "IV2": {"count": 3}, "V1": {"count": 0},
            "V2": {"points": 0}}
    units = [
        {"name": "Sở Y tế", "about": "the bonus cap of 5 binds (3 + 3 + 1)",
         "self": base, "assessed": dict(base, V1={"count": 1}),
         "differences": [("V1", "an absence from the Q3 meeting")]},
        {"name": "Sở Khoa học và Công nghệ", "about": "two absences from activities; a report early",
         "self": dict(base, II2={"count": 2}, II3a={"count": 1}, IV1={"points": 0}, IV2={"count": 1}),
         "assessed": dict(base, II2={"count": 2}, II3a={"count": 1}, IV1={"points": 0}, IV2={"count": 0}),
         "differences": [("IV2", "the model was the bloc's, not the unit's")]},
    ]
    return write("gdocs-khoi6-2025", "html", rows,
                 "Khối Thi đua số 6 (giả định, theo kế hoạch 000) năm 2025 typed in Google Docs and copied from "
                 "the browser: the table inside <b style=\"font-weight:normal\">, every run a styled <span>, "
                 "STT | Nội dung chấm điểm | Điểm (Tối đa | Tự chấm) | Ghi chú, a single points column, "
                 "bonuses and deductions only in the words, '+' bullets, '(trừ văn bản mật)'",
                 ["code", "text", "standard", "self_score", "note"], 100, units,
                 gdocs_html([44, 330, 56, 56, 120], 2),
                 {"bonus section": ["IV"], "deduction section": ["V"]})


if __name__ == "__main__":
    for f in (cum_200_diem_2022, word_xuong_dong_2023, writer_cum_xa_2024, gdocs_khoi6_2025):
        d = f()
        print(d["file"], [str(u["expected"]["self"]["total"]) for u in d["units"]],
              [str(u["expected"]["assessed"]["total"]) for u in d["units"]])
