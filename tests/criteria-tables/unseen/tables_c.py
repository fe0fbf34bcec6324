# SPDX-License-Identifier: GPL-3.0-or-later
"""Unseen tables 9-13: Excel's CSV with semicolons and a BOM, Excel's UTF-16 "Unicode Text" with
the Trừ column before the Cộng column, '-' and '+' bullets as levels, bonuses and deductions only in
the words of a single points column, codes split over two Excel columns."""
from unseen_lib import C, GRADE, H, NOTE, TOTAL, csv_semicolon, excel_unicode, padded, tsv, write


def csv_cum_huyen_2022():
    """Doc 001 (Bình Định 2022) as Excel saves "CSV UTF-8" with a Vietnamese list separator: BOM,
    ';', CRLF, every row padded to the sheet's width, a title and an empty row above, quoted cells
    with ';', doubled quotes and a line break, codes 1 / 1.1 / 4.3.1, rules in the Ghi chú column."""
    W = 6
    r = padded(W)
    rows = [
        (r("BẢNG CHẤM ĐIỂM THI ĐUA CỤM CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ NĂM 2022"), H()),
        (r(), H("empty")),
        (r("TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm cộng", "Điểm trừ", "Ghi chú"), H()),
        (r("1", "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022", "40"), C("1", "1", None, "heading", 40)),
        (r("1.1", "Hoàn thành các chỉ tiêu chủ yếu theo Nghị quyết HĐND huyện năm 2022", "20"),
         C("1.1", "1.1", "1", "standard", 20)),
        (r("1.2", "Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch Covid-19 gắn với phục hồi phát triển "
                  "kinh tế - xã hội", "10"),
         C("1.2", "1.2", "1", "standard", 10, remark="Covid-19 is not a figure")),
        (r("1.3", "Thu ngân sách vượt dự toán: cứ mỗi 5% vượt cộng 1 điểm; tối đa 3 điểm", "", "3"),
         C("1.3", "1.3", "1", "linear_bonus", None, rate=1, threshold=0, step=5, bonus_cap=3,
           remark="quoted for its ';'; the measure is the % above the estimate, so the threshold is 0")),
        (r("1.4", "Giải ngân vốn đầu tư công đạt kế hoạch năm 2022", "10"), C("1.4", "1.4", "1", "standard", 10)),
        (r("2", "Thực hiện phong trào thi đua \"Bình Định chung tay vì người nghèo - Không để ai bị bỏ lại phía "
                "sau\"", "20"),
         C("2", "2", None, "heading", 20, remark="straight quotes doubled by the CSV")),
        (r("2.1", "Vận động cán bộ, công chức, viên chức ủng hộ ít nhất 01 ngày lương; hỗ trợ xây dựng từ 01 "
                  "đến 04 nhà ở cho hộ nghèo", "10"),
         C("2.1", "2.1", "2", "standard", 10)),
        (r("2.2", "Mỗi nhà ở cho hộ nghèo hoàn thành vượt chỉ tiêu Cụm phân bổ", "", "1", "",
           "Cộng 1 điểm/nhà, tối đa 2 điểm"),
         C("2.2", "2.2", "2", "bonus_each", None, rate=1, bonus_cap=2, remark="the cap is in the Ghi chú column")),
        (r("2.3", "Tổ chức Đợt I (đến 30/6/2022) và Đợt II (01/7 – 31/12/2022) thi đua chào mừng các ngày lễ lớn",
           "10"),
         C("2.3", "2.3", "2", "standard", 10)),
        (r("3", "Cải cách hành chính, chuyển đổi số", "20"), C("3", "3", None, "heading", 20)),
        (r("3.1", "Chỉ số cải cách hành chính (PAR INDEX) năm 2021 của huyện", "10"),
         C("3.1", "3.1", "3", "graded", 10)),
        (r("", "- Xếp trong nhóm 3 đơn vị dẫn đầu tỉnh", "10"), GRADE("3.1a", "3.1", 10)),
        (r("", "- Xếp từ thứ 4 đến thứ 7", "8"), GRADE("3.1b", "3.1", 8)),
        (r("", "- Xếp từ thứ 8 trở xuống", "6"), GRADE("3.1c", "3.1", 6)),
        (r("3.2", "Tỷ lệ thủ tục hành chính giải quyết trực tuyến toàn trình", "10"),
         C("3.2", "3.2", "3", "standard", 10)),
        (r("4", "Công tác thi đua, khen thưởng và hoạt động của Cụm", "20"), C("4", "4", None, "heading", 20)),
        (r("4.1", "Ban hành kế hoạch phát động thi đua; sửa đổi, bổ sung Quy chế hoạt động Cụm, thang bảng điểm",
           "5"),
         C("4.1", "4.1", "4", "standard", 5)),
        (r("4.2", "Tham gia đầy đủ hoạt động tọa đàm, giao lưu văn nghệ, thể thao của Cụm", "5"),
         C("4.2", "4.2", "4", "standard", 5)),
        (r("4.3", "Gửi hồ sơ, báo cáo đúng thời gian\n(báo cáo Đợt I trước 30/6/2022, báo cáo năm trước "
                  "15/12/2022)", "10"),
         C("4.3", "4.3", "4", "standard", 10, remark="a quoted cell with a line break")),
        (r("4.3.1", "Mỗi báo cáo gửi chậm", "", "", "0,5"), C("4.3.1", "4.3.1", "4.3", "deduction_each", None,
                                                              rate=-0.5)),
        (r("5", "Điểm trừ (tối đa trừ 10 điểm)", "", "", "10"),
         C("5", "5", None, "heading", None, deduction_cap=10, remark="the 10 in Trừ is the section's cap")),
        (r("5.1", "Có tập thể, cá nhân vi phạm bị xử lý kỷ luật", "", "", "2", "Trừ 2 điểm/trường hợp"),
         C("5.1", "5.1", "5", "deduction_each", None, rate=-2)),
        (r("5.2", "Không thực hiện chế độ báo cáo theo yêu cầu của Trưởng cụm", "", "", "1"),
         C("5.2", "5.2", "5", "deduction_points", None, deduction_max=1)),
        (r("", "Tổng cộng", "100"), TOTAL(100)),
    ]
    base = {"1.1": {"points": 20}, "1.2": {"points": 10}, "1.3": {"value": 12}, "1.4": {"points": 10},
            "2.1": {"points": 10}, "2.2": {"count": 1}, "2.3": {"points": 10}, "3.1": {"choice": "3.1a"},
            "3.2": {"points": 8}, "4.1": {"points": 5}, "4.2": {"points": 5}, "4.3": {"points": 10},
            "4.3.1": {"count": 1}, "5.1": {"count": 0}, "5.2": {"points": 0}}
    units = [
        {"name": "UBND huyện Phù Cát (giả định)", "about": "linear 2 steps of 5%; one late report",
         "self": base, "assessed": dict(base, **{"2.2": {"count": 3}}),
         "differences": [("2.2", "three houses over quota; the cap of 2 binds")]},
        {"name": "UBND huyện Hoài Nhơn (giả định)", "about": "the deduction section's cap of 10 binds",
         "self": dict(base, **{"3.1": {"choice": "3.1c"}, "5.1": {"count": 4}, "5.2": {"points": 1}}),
         "assessed": dict(base, **{"3.1": {"choice": "3.1c"}, "5.1": {"count": 5}, "5.2": {"points": 1}}),
         "differences": [("5.1", "a fifth disciplined official")]},
    ]
    return write("csv-cum-huyen-2022", "csv", rows,
                 "Cụm thi đua các huyện (giả định, theo kế hoạch 001) năm 2022 as Excel's CSV UTF-8 with ';': "
                 "BOM, CRLF, every row padded to six cells, a title row and an empty row, quoted cells "
                 "with ';', doubled quotes and a line break, codes 1 / 1.1 / 4.3.1, rules in Ghi chú, a "
                 "deduction section with its cap in the Trừ column; line numbers are the CSV's records",
                 ["code", "text", "standard", "bonus", "deduction", "note"], 100, units, csv_semicolon,
                 {"P4": ["3.1"], "P5": ["1.3"], "P6": ["2.2"], "deduction section": ["5", "5.1", "5.2"]})


def utf16_van_phong_2025():
    """Doc 003 (Văn phòng UBND tỉnh, Đợt thi đua cao điểm to 30/9/2025), saved from Excel as "Unicode
    Text": UTF-16LE with a BOM, CRLF, the Trừ column BEFORE the Cộng column, codes '1.' and 'a)',
    '+' grade bullets, a quoted cell with a line break and one with quotes, a note capping bonuses."""
    W = 5
    r = padded(W)
    rows = [
        (r("STT", "Tiêu chí", "Điểm tối đa", "Điểm trừ", "Điểm cộng"), H()),
        (r("1.", "Ban hành kế hoạch, triển khai Đợt thi đua cao điểm", "10"), C("1", "1", None, "heading", 10)),
        (r("a)", "Ban hành kế hoạch kịp thời, phù hợp với tình hình thực tế", "5"), C("1a", "a", "1", "standard", 5)),
        (r("b)", "Có báo cáo sơ kết, tổng kết Đợt thi đua theo quy định", "5"), C("1b", "b", "1", "standard", 5)),
        (r("2.", "Thực hiện nhiệm vụ chính trị, chuyên môn trong Đợt thi đua", "50"), C("2", "2", None, "heading", 50)),
        (r("a)", "Hoàn thành nhiệm vụ, chỉ tiêu năm 2024, 2025 được giao", "30"),
         C("2a", "a", "2", "graded", 30)),
        (r("", "+ Hoàn thành vượt mức: 30 điểm"), GRADE("2a1", "2a", 30)),
        (r("", "+ Hoàn thành: 25 điểm"), GRADE("2a2", "2a", 25)),
        (r("", "+ Hoàn thành nhưng còn chậm tiến độ: 20 điểm"), GRADE("2a3", "2a", 20,
                                                                    remark="'+' is a bullet, not a bonus")),
        (r("b)", "Tham mưu phục vụ Đại hội Đảng bộ các cấp tiến tới Đại hội XIV của Đảng", "10"),
         C("2b", "b", "2", "standard", 10)),
        (r("c)", "Có công trình, đề án, đề tài khoa học được áp dụng hiệu quả", "10", "", "1"),
         C("2c", "c", "2", "standard", 10, bonus_max=1, remark="the 1 is in Điểm cộng, the LAST column")),
        (r("d)", "Nhiệm vụ được giao không hoàn thành (mỗi nhiệm vụ)", "", "1"),
         C("2d", "d", "2", "deduction_each", None, rate=-1, remark="the 1 is in Điểm trừ, the 4th column")),
        (r("3.", "Chấp hành kỷ luật, kỷ cương hành chính; văn hóa, đạo đức công vụ", "20"),
         C("3", "3", None, "standard", 20)),
        (r("", "- Có cá nhân bị nhắc nhở, phê bình: trừ 1 điểm/trường hợp", "", "1"),
         C("3a", None, "3", "deduction_each", None, rate=-1)),
        (r("", "- Có cá nhân bị kỷ luật: trừ 5 điểm/trường hợp", "", "5"),
         C("3b", None, "3", "deduction_each", None, rate=-5)),
        (r("4.", "Công tác thi đua, khen thưởng", "20"), C("4", "4", None, "heading", 20)),
        (r("a)", "Đề nghị khen thưởng đúng thời hạn\n(trước ngày 01/10/2025)", "10"),
         C("4a", "a", "4", "standard", 10, remark="quoted with a line break")),
        (r("b)", "Phát hiện, tôn vinh điển hình tiên tiến; đề nghị \"Giấy khen của Chánh Văn phòng\" đúng tiêu "
                 "chuẩn", "10"),
         C("4b", "b", "4", "standard", 10, remark="straight quotes, doubled")),
        (r("", "Mỗi tập thể, cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh trong Đợt thi đua", "", "", "0,5"),
         C("4c", None, "4b", "bonus_each", None, rate=0.5)),
        (r("", "Tổng điểm cộng của mục 4 không quá 2 điểm"), NOTE(["4"], {"bonus_cap": 2})),
        (r("", "Tổng cộng", "100"), TOTAL(100)),
    ]
    base = {"1a": {"points": 5}, "1b": {"points": 5}, "2a": {"choice": "2a1"}, "2b": {"points": 10},
            "2c": {"points": 10, "bonus": 1}, "2d": {"count": 0}, "3": {"points": 20}, "3a": {"count": 1},
            "3b": {"count": 0}, "4a": {"points": 10}, "4b": {"points": 10}, "4c": {"count": 5}}
    units = [
        {"name": "Phòng Tổng hợp", "about": "bonus cap of mục 4 binds (5 × 0,5)",
         "self": base, "assessed": dict(base, **{"2a": {"choice": "2a2"}}),
         "differences": [("2a", "targets met, not exceeded")]},
        {"name": "Trung tâm Công báo - Tin học", "about": "a task not finished, a disciplined official",
         "self": dict(base, **{"2d": {"count": 1}, "3a": {"count": 0}, "4c": {"count": 1},
                               "2c": {"points": 8, "bonus": 0}}),
         "assessed": dict(base, **{"2d": {"count": 1}, "3a": {"count": 0}, "3b": {"count": 1}, "4c": {"count": 1},
                                   "2c": {"points": 8, "bonus": 0}}),
         "differences": [("3b", "a reprimand in August")]},
    ]
    return write("utf16-van-phong-2025", "txt", rows,
                 "Văn phòng UBND tỉnh (giả định, theo kế hoạch 003) chấm điểm các phòng, đơn vị trong Đợt thi "
                 "đua cao điểm, saved from Excel as Unicode Text: UTF-16LE with a BOM, CRLF, Điểm trừ BEFORE "
                 "Điểm cộng, codes '1.' and 'a)', '+' grade bullets, quoted cells with a line break and with "
                 "quotes, a note capping the bonuses of mục 4; line numbers are the records",
                 ["code", "text", "standard", "deduction", "bonus"], 100, units, excel_unicode,
                 {"P4": ["2a"], "P7": ["2c"], "P2": [20]})


def thon_buon_gach_dau_dong_2024():
    """Doc 002 (a commune scoring its villages, thôn and buôn): TT | Nội dung | Điểm, Roman then
    1/2/3, then '-' bullets that are sub-criteria with points, then '+' bullets that are grades."""
    rows = [
        (["TT", "Nội dung", "Điểm"], H()),
        (["I", "PHÁT TRIỂN KINH TẾ, GIẢM NGHÈO", "40"], C("I", "I", None, "heading", 40)),
        (["1", "Phát triển sản xuất nông nghiệp", "20"], C("I1", "1", "I", "heading", 20)),
        (["", "- Chuyển đổi cơ cấu cây trồng, vật nuôi theo kế hoạch của xã", "10"],
         C("I1a", None, "I1", "standard", 10, remark="a '-' bullet with points is a sub-criterion")),
        (["", "- Tham gia mô hình hợp tác xã, tổ hợp tác", "10"], C("I1b", None, "I1", "standard", 10)),
        (["2", "Giảm nghèo bền vững", "20"], C("I2", "2", "I", "heading", 20)),
        (["", "- Tỷ lệ hộ nghèo giảm so với đầu năm:", "15"],
         C("I2a", None, "I2", "graded", 15, remark="a bullet item whose '+' rows are its grades")),
        (["", "+ Giảm từ 3% trở lên", "15"], GRADE("I2a1", "I2a", 15, {"from": 3})),
        (["", "+ Giảm từ 1% đến dưới 3%", "10"], GRADE("I2a2", "I2a", 10, {"from": 1, "below": 3})),
        (["", "+ Giảm dưới 1%", "5"], GRADE("I2a3", "I2a", 5, {"below": 1})),
        (["", "- Không có hộ tái nghèo", "5"], C("I2b", None, "I2", "standard", 5)),
        (["II", "VĂN HÓA – XÃ HỘI", "30"], C("II", "II", None, "heading", 30)),
        (["1", "Xây dựng thôn, buôn văn hóa; tỷ lệ gia đình văn hóa đạt từ 85% trở lên", "10"],
         C("II1", "1", "II", "standard", 10, remark="85% is a condition, not a grade")),
        (["2", "Tỷ lệ người dân tham gia bảo hiểm y tế", "10"], C("II2", "2", "II", "graded", 10)),
        (["", "+ Đạt từ 94% trở lên: 10 điểm", ""], GRADE("II2a", "II2", 10, {"from": 94})),
        (["", "+ Đạt từ 90% đến dưới 94%: 7 điểm", ""], GRADE("II2b", "II2", 7, {"from": 90, "below": 94})),
        (["", "+ Dưới 90%: 4 điểm", ""], GRADE("II2c", "II2", 4, {"below": 90})),
        (["3", "Trẻ em trong độ tuổi đến trường đạt 100%", "10"], C("II3", "3", "II", "standard", 10)),
        (["", "- Mỗi trẻ bỏ học không được vận động trở lại trường: trừ 1 điểm", ""],
         C("II3a", None, "II3", "deduction_each", None, rate=-1)),
        (["III", "QUỐC PHÒNG – AN NINH", "20"], C("III", "III", None, "heading", 20)),
        (["1", "Hoàn thành chỉ tiêu giao quân", "10"], C("III1", "1", "III", "standard", 10)),
        (["2", "Không có tội phạm, tệ nạn xã hội phát sinh trên địa bàn", "10"], C("III2", "2", "III", "standard", 10)),
        (["", "- Mỗi vụ việc phát sinh: trừ 2 điểm, tổng điểm trừ không quá 10 điểm", ""],
         C("III2a", None, "III2", "deduction_each", None, rate=-2, deduction_cap=10)),
        (["IV", "XÂY DỰNG HỆ THỐNG CHÍNH TRỊ", "10"], C("IV", "IV", None, "heading", 10)),
        (["1", "Chi bộ thôn, buôn được xếp loại “Hoàn thành tốt nhiệm vụ” trở lên", "5"],
         C("IV1", "1", "IV", "standard", 5)),
        (["2", "Ban công tác Mặt trận và các chi hội đoàn thể hoàn thành tốt nhiệm vụ", "5"],
         C("IV2", "2", "IV", "standard", 5)),
        (["V", "ĐIỂM THƯỞNG", ""], C("V", "V", None, "heading", None)),
        (["", "+ Thôn, buôn được UBND huyện tặng Giấy khen: cộng 2 điểm", ""],
         C("V1", None, "V", "bonus_points", None, bonus_max=2)),
        (["", "+ Mỗi mô hình mới, cách làm hay được xã nhân rộng: cộng 1 điểm (tối đa 3 điểm)", ""],
         C("V2", None, "V", "bonus_each", None, rate=1, bonus_cap=3)),
        (["", "TỔNG CỘNG", "100"], TOTAL(100)),
    ]
    base = {"I1a": {"points": 10}, "I1b": {"points": 8}, "I2a": {"choice": "I2a2"}, "I2b": {"points": 5},
            "II1": {"points": 10}, "II2": {"choice": "II2a"}, "II3": {"points": 10}, "II3a": {"count": 1},
            "III1": {"points": 10}, "III2": {"points": 10}, "III2a": {"count": 0}, "IV1": {"points": 5},
            "IV2": {"points": 5}, "V1": {"points": 2}, "V2": {"count": 2}}
    units = [
        {"name": "Buôn Ly (giả định)", "about": "grades 10 and 10; bonuses 2 + 2",
         "self": base, "assessed": dict(base, V2={"count": 1}),
         "differences": [("V2", "one model not yet copied by other villages")]},
        {"name": "Thôn 3 (giả định)", "about": "many incidents: the row's cap of 10 binds",
         "self": dict(base, III2a={"count": 4}, II2={"choice": "II2b"}, V1={"points": 0}),
         "assessed": dict(base, III2a={"count": 6}, II2={"choice": "II2b"}, V1={"points": 0}),
         "differences": [("III2a", "six incidents, capped at 10")]},
    ]
    return write("thon-buon-gach-dau-dong-2024", "tsv", rows,
                 "UBND xã (giả định, theo kế hoạch 002) chấm điểm các thôn, buôn năm 2024: TT | Nội dung | Điểm, "
                 "Roman then 1/2/3, '-' bullets that are sub-criteria with points, '+' bullets that are "
                 "grades (some with points only in the words), a bonus section of '+' rows",
                 ["code", "text", "standard"], 100, units, tsv,
                 {"P4": ["I2a", "II2"], "bullets as levels": ["I1a", "I1b", "I2a", "I2b"]})


def inline_cum_huyen_2023():
    """Doc 004 (Bình Dương 2023: giải phóng mặt bằng, công trình giao thông trọng điểm, PCI, SIPAS,
    đô thị thông minh): STT | Nội dung | Điểm chuẩn with points '30,0', every bonus and deduction
    only in the words of codeless rows, a Tổng cộng row '100,0'."""
    rows = [
        (["STT", "Nội dung", "Điểm chuẩn"], H()),
        (["1", "Thực hiện các chỉ tiêu phát triển kinh tế - xã hội năm 2023 theo Nghị quyết của HĐND huyện "
               "(hoàn thành vượt tất cả các chỉ tiêu được cộng 2 điểm)", "30,0"],
         C("1", "1", None, "standard", 30, bonus_max=2, remark="a bonus in the words of a standard row")),
        (["", "Không hoàn thành mỗi chỉ tiêu trừ 1 điểm.", ""], C("1a", None, "1", "deduction_each", None, rate=-1)),
        (["2", "Tham mưu, triển khai hiệu quả công tác bồi thường, giải phóng mặt bằng các dự án công trình giao "
               "thông trọng điểm kết nối vùng", "20,0"],
         C("2", "2", None, "standard", 20)),
        (["", "Mỗi dự án chậm tiến độ do nguyên nhân chủ quan trừ 2 điểm, tối đa trừ 6 điểm", ""],
         C("2a", None, "2", "deduction_each", None, rate=-2, deduction_cap=6)),
        (["3", "Cải cách hành chính; cải thiện các Chỉ số PCI, PAR Index, PAPI, SIPAS", "20,0"],
         C("3", "3", None, "standard", 20)),
        (["", "- Chỉ số SIPAS của huyện đạt từ 85% trở lên: cộng 1 điểm", ""],
         C("3a", None, "3", "bonus_points", None, bonus_max=1)),
        (["", "- Chỉ số SIPAS của huyện dưới 80%: trừ 1 điểm", ""],
         C("3b", None, "3", "deduction_points", None, deduction_max=1)),
        (["4", "Chuyển đổi số, xây dựng chính quyền điện tử gắn với đô thị thông minh", "15,0"],
         C("4", "4", None, "standard", 15)),
        (["", "Tỷ lệ hồ sơ trực tuyến trên 60%: cứ mỗi 5% cộng 0,5 điểm, tối đa 2 điểm", ""],
         C("4a", None, "4", "linear_bonus", None, rate=0.5, threshold=60, step=5, bonus_cap=2)),
        (["5", "Công tác thi đua, khen thưởng; tham gia hoạt động của Cụm", "15,0"], C("5", "5", None, "standard", 15)),
        (["", "Vắng họp Cụm không có lý do: trừ 1 điểm/lần", ""], C("5a", None, "5", "deduction_each", None, rate=-1)),
        (["", "Gửi báo cáo tổng kết trễ hạn quá 05 ngày: không xếp loại", ""],
         C("5b", None, "5", "disqualifier", None, remark="'05 ngày' is not points")),
        (["", "Đơn vị có thành tích đột xuất được Cụm trưởng đề nghị cộng tối đa 3 điểm", ""],
         C("5c", None, "5", "bonus_points", None, bonus_max=3)),
        (["", "Tổng cộng", "100,0"], TOTAL(100)),
    ]
    base = {"1": {"points": 30, "bonus": 2}, "1a": {"count": 0}, "2": {"points": 20}, "2a": {"count": 1},
            "3": {"points": 20}, "3a": {"points": 1}, "3b": {"points": 0}, "4": {"points": 15},
            "4a": {"value": 71}, "5": {"points": 15}, "5a": {"count": 0}, "5b": {"applies": False},
            "5c": {"points": 0}}
    units = [
        {"name": "UBND thị xã Bến Cát (giả định)", "about": "linear 2 steps; a project late",
         "self": base, "assessed": dict(base, **{"1": {"points": 30, "bonus": 0}, "1a": {"count": 1}}),
         "differences": [("1", "not all targets exceeded"), ("1a", "one target missed")]},
        {"name": "UBND huyện Bàu Bàng (giả định)", "about": "four projects late: the cap of 6 binds; late report",
         "self": dict(base, **{"2a": {"count": 4}, "3a": {"points": 0}, "3b": {"points": 1}, "5b": {"applies": False}}),
         "assessed": dict(base, **{"2a": {"count": 4}, "3a": {"points": 0}, "3b": {"points": 1},
                                   "5b": {"applies": True}}),
         "differences": [("5b", "the report came 7 days late")]},
    ]
    return write("inline-cum-huyen-2023", "tsv", rows,
                 "Cụm thi đua các huyện, thị xã (giả định, theo chỉ thị 004) năm 2023: STT | Nội dung | Điểm "
                 "chuẩn with '30,0', every bonus and deduction only in the words (codeless rows, one on the "
                 "standard row itself), a disqualifier among them, Tổng cộng '100,0'",
                 ["code", "text", "standard"], 100, units, tsv,
                 {"P7": ["1"], "P5": ["4a"], "P9": ["5b"]})


def excel_hai_cot_ma_2024():
    """Doc 000 (Khối 6) built in Excel with the code split over two columns (Roman in A, the number
    in B), points written with their unit ('10 điểm', '0,5 điểm/lần'), a four-level tree 1 → 1.1 →
    1.1.1 under I, copied from Excel (tab-separated, LF inside quoted cells)."""
    rows = [
        (["TT", "", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm cộng", "Điểm trừ"], H()),
        (["I", "", "CÔNG TÁC CHUYÊN MÔN", "60 điểm", "", ""], C("I", "I", None, "heading", 60)),
        (["", "1", "Khám, chữa bệnh và chăm sóc sức khỏe nhân dân", "30 điểm", "", ""],
         C("I1", "1", "I", "heading", 30, remark="the code is in the second column")),
        (["", "1.1", "Hoàn thành chỉ tiêu giường bệnh, lượt khám theo kế hoạch", "15 điểm", "", ""],
         C("I11", "1.1", "I1", "standard", 15)),
        (["", "1.2", "Tỷ lệ bao phủ bảo hiểm y tế toàn tỉnh đạt 94%", "15 điểm", "", ""],
         C("I12", "1.2", "I1", "heading", 15)),
        (["", "1.2.1", "Tham mưu kế hoạch phát triển người tham gia bảo hiểm y tế", "10 điểm", "", ""],
         C("I121", "1.2.1", "I12", "standard", 10)),
        (["", "1.2.2", "Phối hợp tuyên truyền, vận động", "5 điểm", "", ""], C("I122", "1.2.2", "I12", "standard", 5)),
        (["", "2", "Y tế dự phòng, an toàn thực phẩm", "30 điểm", "", ""], C("I2", "2", "I", "standard", 30)),
        (["", "", "Mỗi vụ ngộ độc thực phẩm đông người trên địa bàn", "", "", "2 điểm/vụ"],
         C("I2a", None, "I2", "deduction_each", None, rate=-2)),
        (["II", "", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "20 điểm", "", ""], C("II", "II", None, "heading", 20)),
        (["", "1", "Ban hành kế hoạch phát động thi đua năm 2024, đăng ký thi đua đúng hạn", "10 điểm", "", ""],
         C("II1", "1", "II", "standard", 10)),
        (["", "2", "Gửi báo cáo sơ kết, tổng kết đúng hạn", "10 điểm", "", "0,5 điểm/lần"],
         C("II2", "2", "II", "standard_less_each", 10, rate=-0.5,
           remark="standard and a per-case deduction on one row: the deduction lowers the item")),
        (["III", "", "CHUYỂN ĐỔI SỐ, CẢI CÁCH HÀNH CHÍNH", "20 điểm", "", ""], C("III", "III", None, "heading", 20)),
        (["", "1", "Bệnh án điện tử, thanh toán không dùng tiền mặt", "10 điểm", "1 điểm", ""],
         C("III1", "1", "III", "standard", 10, bonus_max=1)),
        (["", "2", "Cơ quan thực hiện “Chuyển đổi số” đạt khá trở lên", "10 điểm", "", ""],
         C("III2", "2", "III", "standard", 10)),
        (["", "", "TỔNG CỘNG", "100 điểm", "", ""], TOTAL(100)),
    ]
    base = {"I11": {"points": 15}, "I121": {"points": 10}, "I122": {"points": 5}, "I2": {"points": 30},
            "I2a": {"count": 0}, "II1": {"points": 10}, "II2": {"count": 1}, "III1": {"points": 10, "bonus": 1},
            "III2": {"points": 10}}
    units = [
        {"name": "Bệnh viện Đa khoa tỉnh (giả định)", "about": "a late report; the bonus of III.1",
         "self": base, "assessed": dict(base, III1={"points": 9, "bonus": 1}),
         "differences": [("III1", "cash payments still 20%")]},
        {"name": "Trung tâm Kiểm soát bệnh tật tỉnh (giả định)", "about": "two food poisoning cases",
         "self": dict(base, I2a={"count": 1}, II2={"count": 0}),
         "assessed": dict(base, I2a={"count": 2}, II2={"count": 0}),
         "differences": [("I2a", "a second case in December")]},
    ]
    return write("excel-hai-cot-ma-2024", "tsv", rows,
                 "Khối Thi đua số 6 (giả định, theo kế hoạch 000) chấm điểm các đơn vị y tế năm 2024, copied "
                 "from Excel: the code split over two columns (I in A, 1 / 1.2.1 in B), every figure with "
                 "its unit ('60 điểm', '2 điểm/vụ', '0,5 điểm/lần'), four levels I → 1 → 1.2 → 1.2.1",
                 ["code", "code2", "text", "standard", "bonus", "deduction"], 100, units, tsv,
                 {"P1": ["I2", "I2a"], "P7": ["III1"]}, text_col=2)


if __name__ == "__main__":
    for f in (csv_cum_huyen_2022, utf16_van_phong_2025, thon_buon_gach_dau_dong_2024, inline_cum_huyen_2023,
              excel_hai_cot_ma_2024):
        d = f()
        print(d["file"], [str(u["expected"]["self"]["total"]) for u in d["units"]],
              [str(u["expected"]["assessed"]["total"]) for u in d["units"]])
