# SPDX-License-Identifier: GPL-3.0-or-later
"""Unseen tables 1-4: a self-score form, a "Thang điểm" column, a 1000-point table, a table
without a header whose points are only in the text."""
from unseen_lib import C, GRADE, H, NOTE, TOTAL, tsv, write


def khoi6_tu_cham_2024():
    """Doc 000 (Khối Thi đua số 6, Sở Y tế Khối trưởng): the blank self-score form the head sends,
    copied from Word: a title paragraph, TT | Nội dung tiêu chí | Điểm chuẩn | Điểm tự chấm | Điểm
    Khối chấm | Ghi chú with the two score columns empty, I/II/III then 1/2/3 then a/b/c grades,
    bonus and deduction sections of their own, a Tổng cộng row."""
    E = ["", "", ""]          # the empty Điểm tự chấm, Điểm Khối chấm, Ghi chú cells
    rows = [
        (["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024 CỦA CÁC CƠ QUAN, ĐƠN VỊ THUỘC KHỐI THI ĐUA SỐ 6"], H()),
        (["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Điểm Khối chấm", "Ghi chú"], H()),
        (["I", "THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ ĐƯỢC GIAO", "50", "", "", ""],
         C("I", "I", None, "heading", 50)),
        (["1", "Hoàn thành các chỉ tiêu, nhiệm vụ theo Chương trình công tác năm 2024 được UBND tỉnh phê duyệt",
          "30", "", "", "Căn cứ Quyết định đánh giá, xếp loại của UBND tỉnh"],
         C("I1", "1", "I", "graded", 30, remark="grades coded a, b, c; guidance in the Ghi chú column")),
        (["a", "Hoàn thành 100% chỉ tiêu, nhiệm vụ trở lên", "30"] + E,
         GRADE("I1a", "I1", 30, {"from": 100}, code="a")),
        (["b", "Hoàn thành từ 90% đến dưới 100% chỉ tiêu, nhiệm vụ", "25"] + E,
         GRADE("I1b", "I1", 25, {"from": 90, "below": 100}, code="b")),
        (["c", "Hoàn thành dưới 90% chỉ tiêu, nhiệm vụ", "20"] + E,
         GRADE("I1c", "I1", 20, {"below": 90}, code="c")),
        (["2", "Thực hiện các nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao đúng thời hạn (mỗi nhiệm vụ "
               "chậm hạn trừ 0,5 điểm)", "10", "", "",
          "Theo dữ liệu Hệ thống theo dõi nhiệm vụ của Văn phòng UBND tỉnh"],
         C("I2", "2", "I", "standard_less_each", 10, rate=-0.5)),
        (["3", "Thực hiện các chỉ tiêu chủ yếu năm 2024 của tỉnh thuộc lĩnh vực phụ trách (giảm 500 hộ nghèo; "
               "tỷ lệ bao phủ bảo hiểm y tế đạt 94%…)", "10"] + E,
         C("I3", "3", "I", "standard", 10, remark="500 and 94% are targets, not points")),
        (["II", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG VÀ HOẠT ĐỘNG CỦA KHỐI", "20"] + E,
         C("II", "II", None, "heading", 20)),
        (["1", "Ban hành kế hoạch phát động phong trào thi đua năm 2024 trong Quý II/2024; đăng ký thi đua "
               "với Khối trưởng đúng thời gian", "4"] + E,
         C("II1", "1", "II", "standard", 4)),
        (["2", "Tham gia Hội thao Khối Thi đua số 6 năm 2024 (hoàn thành chậm nhất 20/8/2024) và Hội nghị "
               "sơ kết 06 tháng tại đơn vị Khối phó", "4"] + E,
         C("II2", "2", "II", "standard", 4, remark="dates and 06 in the text are not points")),
        (["3", "Gửi báo cáo sơ kết 06 tháng (chậm nhất 30/6/2024), báo cáo tổng kết và bảng tự chấm điểm "
               "(chậm nhất 30/12/2024) về Sở Y tế (đơn vị Khối trưởng)", "6", "", "",
          "Mỗi báo cáo gửi chậm trừ 1 điểm"],
         C("II3", "3", "II", "standard_less_each", 6, rate=-1, remark="the rate is in the Ghi chú column")),
        (["4", "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; khen thưởng người lao động trực tiếp "
               "đạt tỷ lệ theo quy định", "4"] + E,
         C("II4", "4", "II", "standard", 4)),
        (["5", "Hưởng ứng phong trào “Vì người nghèo – Không để ai bị bỏ lại phía sau”, “Xóa nhà tạm, nhà dột "
               "nát”: vận động cán bộ, công chức, viên chức ủng hộ ít nhất 01 ngày lương", "2"] + E,
         C("II5", "5", "II", "standard", 2)),
        (["III", "CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ", "20"] + E,
         C("III", "III", None, "heading", 20)),
        (["1", "Kết quả Chỉ số cải cách hành chính (PAR INDEX) năm 2023 của đơn vị", "8"] + E,
         C("III1", "1", "III", "graded", 8, remark="ranks, not percentages: the grade is chosen")),
        (["a", "Xếp hạng từ thứ 1 đến thứ 5", "8"] + E, GRADE("III1a", "III1", 8, code="a")),
        (["b", "Xếp hạng từ thứ 6 đến thứ 10", "6"] + E, GRADE("III1b", "III1", 6, code="b")),
        (["c", "Xếp hạng từ thứ 11 trở xuống", "4"] + E, GRADE("III1c", "III1", 4, code="c")),
        (["2", "Cơ quan thực hiện “Chuyển đổi số” đạt loại khá trở lên", "6"] + E,
         C("III2", "2", "III", "standard", 6)),
        (["3", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt 100%", "6"] + E,
         C("III3", "3", "III", "standard", 6)),
        (["IV", "XÂY DỰNG TỔ CHỨC ĐẢNG, ĐOÀN THỂ VÀ CƠ QUAN VỮNG MẠNH", "10"] + E,
         C("IV", "IV", None, "heading", 10)),
        (["1", "Tổ chức cơ sở Đảng, Công đoàn, Đoàn Thanh niên được xếp loại “Hoàn thành tốt nhiệm vụ” "
               "trở lên", "5"] + E,
         C("IV1", "1", "IV", "standard", 5)),
        (["2", "Cơ quan đạt chuẩn “An toàn về an ninh, trật tự”", "5"] + E,
         C("IV2", "2", "IV", "standard", 5)),
        (["V", "ĐIỂM THƯỞNG (tối đa 10 điểm)", ""] + E,
         C("V", "V", None, "heading", None, bonus_cap=10, remark="a section of bonuses with its cap")),
        (["1", "Được tặng Cờ thi đua của Chính phủ hoặc Cờ thi đua của UBND tỉnh năm 2024: cộng 5 điểm", ""] + E,
         C("V1", "1", "V", "bonus_points", None, bonus_max=5)),
        (["2", "Được Chủ tịch UBND tỉnh tặng Bằng khen năm 2024: cộng 3 điểm", ""] + E,
         C("V2", "2", "V", "bonus_points", None, bonus_max=3)),
        (["3", "Mỗi sáng kiến, mô hình mới được cấp có thẩm quyền công nhận: cộng 1 điểm", ""] + E,
         C("V3", "3", "V", "bonus_each", None, rate=1)),
        (["VI", "ĐIỂM TRỪ", ""] + E,
         C("VI", "VI", None, "heading", None, remark="a section of deductions, no cap")),
        (["1", "Vắng họp Khối không có lý do: trừ 2 điểm/lần", ""] + E,
         C("VI1", "1", "VI", "deduction_each", None, rate=-2)),
        (["2", "Có cán bộ, công chức, viên chức bị xử lý kỷ luật từ khiển trách trở lên: trừ 3 điểm/trường hợp",
          ""] + E,
         C("VI2", "2", "VI", "deduction_each", None, rate=-3)),
        (["3", "Không gửi báo cáo tổng kết và bảng tự chấm điểm về Khối trưởng: không xếp loại thi đua", ""] + E,
         C("VI3", "3", "VI", "disqualifier", None)),
        (["", "Tổng cộng", "100"] + E, TOTAL(100)),
    ]
    base = {"I1": {"choice": "I1a"}, "I2": {"count": 1}, "I3": {"points": 10}, "II1": {"points": 4},
            "II2": {"points": 4}, "II3": {"count": 0}, "II4": {"points": 4}, "II5": {"points": 2},
            "III1": {"choice": "III1a"}, "III2": {"points": 6}, "III3": {"points": 6}, "IV1": {"points": 5},
            "IV2": {"points": 5}, "V1": {"points": 5}, "V2": {"points": 3}, "V3": {"count": 3},
            "VI1": {"count": 0}, "VI2": {"count": 0}, "VI3": {"applies": False}}
    a1 = dict(base, I1={"choice": "I1b"}, V3={"count": 2}, VI1={"count": 1})
    s2 = dict(base, I1={"choice": "I1b"}, I2={"count": 3}, II3={"count": 1}, III1={"choice": "III1b"},
              V1={"points": 0}, V3={"count": 1})
    a2 = dict(s2, II3={"count": 2}, VI2={"count": 1})
    units = [
        {"name": "Sở Xây dựng", "about": "bonus section capped at 10 (5 + 3 + 3 claimed); one grade lowered",
         "self": base, "assessed": a1,
         "differences": [("I1", "the meeting counts 97% of targets, not 100%"),
                         ("V3", "one model not recognised"), ("VI1", "one absence without reason")]},
        {"name": "Sở Tài chính", "about": "standard lowered per case; a late report found; a discipline case",
         "self": s2, "assessed": a2,
         "differences": [("II3", "a second late report"), ("VI2", "one official disciplined")]},
    ]
    return write("khoi6-tu-cham-2024", "tsv", rows,
                 "Khối Thi đua số 6 (Sở Y tế Khối trưởng, tỉnh giả định) năm 2024: the blank self-score form "
                 "copied from Word — a title paragraph, TT | Nội dung tiêu chí | Điểm chuẩn | Điểm tự chấm | "
                 "Điểm Khối chấm | Ghi chú with the score columns empty, I/II/III → 1/2/3 → a/b/c grades, "
                 "ĐIỂM THƯỞNG and ĐIỂM TRỪ as sections, rules in the Ghi chú column, a Tổng cộng row",
                 ["code", "text", "standard", "self_score", "assessed_score", "note"], 100, units, tsv,
                 {"P4": ["I1", "I1a", "I1b", "I1c", "III1", "III1a", "III1b", "III1c"],
                  "bonus section": ["V", "V1", "V2", "V3"], "deduction section": ["VI", "VI1", "VI2", "VI3"],
                  "P9": ["VI3"]})


def xa_thang_diem_2024():
    """Doc 002 (a commune scoring its sections, schools and health station): STT | Tiêu chí |
    Thang điểm, the scale written '0-5', 'từ 0 đến 20', '0 - 10', '0 – 10', deductions and bonuses
    written in the Thang điểm cell."""
    rows = [
        (["STT", "Tiêu chí", "Thang điểm"], H()),
        (["1", "Xây dựng và ban hành kế hoạch công tác năm 2024 của bộ phận, đơn vị đúng thời gian", "0-5"],
         C("1", "1", None, "standard", 5, remark="'0-5': the scorer gives 0 … 5")),
        (["2", "Triển khai thực hiện các chương trình, kế hoạch của Đảng ủy, HĐND, UBND xã về phát triển "
               "kinh tế - xã hội năm 2024", "từ 0 đến 20"],
         C("2", "2", None, "standard", 20)),
        (["3", "Tuyên truyền, hưởng ứng các phong trào thi đua do Thủ tướng Chính phủ, Chủ tịch UBND tỉnh, "
               "Chủ tịch UBND huyện phát động", "0 - 10"],
         C("3", "3", None, "standard", 10)),
        (["4", "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến, mô hình mới, nhân tố mới", "0 – 10"],
         C("4", "4", None, "standard", 10, remark="an en dash")),
        (["5", "Thực hiện chế độ thông tin, báo cáo định kỳ (quý, 6 tháng, năm) về Văn phòng UBND xã", "10"],
         C("5", "5", None, "standard", 10)),
        (["5.1", "Báo cáo gửi chậm so với thời hạn", "Mỗi báo cáo trừ 0,5 điểm, tối đa trừ 2 điểm"],
         C("5.1", "5.1", "5", "deduction_each", None, rate=-0.5, deduction_cap=2,
           remark="rate and cap in the Thang điểm cell")),
        (["6", "Chấp hành kỷ luật, kỷ cương hành chính, văn hóa công sở", "0-10"],
         C("6", "6", None, "standard", 10)),
        (["6.1", "Cán bộ, công chức vi phạm bị nhắc nhở bằng văn bản", "Mỗi trường hợp trừ 1 điểm"],
         C("6.1", "6.1", "6", "deduction_each", None, rate=-1)),
        (["6.2", "Cán bộ, công chức bị kỷ luật từ khiển trách trở lên", "Mỗi trường hợp trừ 3 điểm"],
         C("6.2", "6.2", "6", "deduction_each", None, rate=-3)),
        (["7", "Giải quyết hồ sơ thủ tục hành chính tại Bộ phận Một cửa đúng hạn", "0-15"],
         C("7", "7", None, "graded", 15, remark="a scale on the item, grades below")),
        (["", "- Tỷ lệ hồ sơ đúng hạn đạt 100%", "15"], GRADE("7a", "7", 15, {"from": 100})),
        (["", "- Từ 95% đến dưới 100%", "10"], GRADE("7b", "7", 10, {"from": 95, "below": 100})),
        (["", "- Dưới 95%", "5"], GRADE("7c", "7", 5, {"below": 95})),
        (["8", "Tham gia các hoạt động văn hóa, văn nghệ, thể dục thể thao do xã tổ chức", "0-5"],
         C("8", "8", None, "standard", 5)),
        (["9", "Xây dựng tổ chức đảng, đoàn thể trong sạch, vững mạnh", "từ 0 đến 10"],
         C("9", "9", None, "standard", 10)),
        (["10", "Ủng hộ Quỹ “Vì người nghèo”, xây dựng nhà ở cho hộ nghèo", "0-5"],
         C("10", "10", None, "standard", 5)),
        (["11", "Điểm thưởng: sáng kiến, cách làm hay được UBND huyện công nhận",
          "cộng 2 điểm/sáng kiến, tối đa 4 điểm"],
         C("11", "11", None, "bonus_each", None, rate=2, bonus_cap=4)),
        (["12", "Bộ phận, đơn vị có tập thể, cá nhân được Chủ tịch UBND huyện trở lên khen thưởng đột xuất",
          "cộng 1 điểm"],
         C("12", "12", None, "bonus_points", None, bonus_max=1)),
        (["", "Tổng cộng", "100"], TOTAL(100)),
    ]
    base = {"1": {"points": 5}, "2": {"points": 18}, "3": {"points": 10}, "4": {"points": 8},
            "5": {"points": 10}, "5.1": {"count": 1}, "6": {"points": 10}, "6.1": {"count": 0},
            "6.2": {"count": 0}, "7": {"choice": "7a"}, "8": {"points": 5}, "9": {"points": 10},
            "10": {"points": 5}, "11": {"count": 3}, "12": {"points": 1}}
    units = [
        {"name": "Trường Tiểu học xã (giả định)", "about": "bonus cap of 11 binds; late reports counted",
         "self": base, "assessed": dict(base, **{"5.1": {"count": 5}, "7": {"choice": "7b"}}),
         "differences": [("5.1", "five late reports, the cap of 2 binds"), ("7", "98% on time")]},
        {"name": "Trạm Y tế xã", "about": "a reminder and a discipline case",
         "self": dict(base, **{"2": {"points": 15}, "6.1": {"count": 1}, "11": {"count": 0}, "12": {"points": 0}}),
         "assessed": dict(base, **{"2": {"points": 15}, "6.1": {"count": 1}, "6.2": {"count": 1},
                                   "11": {"count": 0}, "12": {"points": 0}}),
         "differences": [("6.2", "a reprimand found by the commune")]},
    ]
    return write("xa-thang-diem-2024", "tsv", rows,
                 "UBND xã (giả định, theo kế hoạch 002) chấm điểm các bộ phận, trường học, trạm y tế năm 2024: "
                 "STT | Tiêu chí | Thang điểm with scales '0-5', 'từ 0 đến 20', '0 - 10', '0 – 10', deductions "
                 "and bonuses written in the Thang điểm cell, no headings",
                 ["code", "text", "scale"], 100, units, tsv)


def khoi_1000_diem_2023():
    """Doc 004 (Bình Dương 2023: PCI, PAR Index, PAPI, SIPAS, Đề án 06): a bloc of departments on
    1000 points, Roman I-V, 1/2/3, '-' grade bullets, '+' a linear bonus bullet, TỔNG ĐIỂM 1.000."""
    rows = [
        (["STT", "NỘI DUNG, TIÊU CHÍ THI ĐUA", "Điểm tối đa", "Điểm cộng", "Điểm trừ"], H()),
        (["I", "THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023", "400", "", ""],
         C("I", "I", None, "heading", 400)),
        (["1", "Mức độ hoàn thành các chỉ tiêu, nhiệm vụ được UBND tỉnh giao trong năm 2023", "200", "", ""],
         C("I1", "1", "I", "graded", 200)),
        (["", "- Hoàn thành vượt mức (trên 100%)", "200", "", ""], GRADE("I1a", "I1", 200, {"above": 100})),
        (["", "- Hoàn thành 100%", "180", "", ""], GRADE("I1b", "I1", 180, {"from": 100, "to": 100})),
        (["", "- Hoàn thành từ 90% đến dưới 100%", "150", "", ""], GRADE("I1c", "I1", 150, {"from": 90, "below": 100})),
        (["", "- Hoàn thành dưới 90%", "100", "", ""], GRADE("I1d", "I1", 100, {"below": 90})),
        (["2", "Giải ngân vốn đầu tư công năm 2023 (đối với đơn vị được giao vốn)", "100", "", ""],
         C("I2", "2", "I", "graded", 100)),
        (["", "- Tỷ lệ giải ngân đạt từ 95% trở lên", "100", "", ""], GRADE("I2a", "I2", 100, {"from": 95})),
        (["", "- Tỷ lệ giải ngân từ 80% đến dưới 95%", "70", "", ""], GRADE("I2b", "I2", 70, {"from": 80, "below": 95})),
        (["", "- Tỷ lệ giải ngân dưới 80%", "40", "", ""], GRADE("I2c", "I2", 40, {"below": 80})),
        (["3", "Tham mưu, tổ chức thực hiện các giải pháp nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), "
               "Chỉ số cải cách hành chính (PAR Index), Chỉ số PAPI, Chỉ số SIPAS", "100", "", ""],
         C("I3", "3", "I", "standard", 100)),
        (["", "- Chỉ số thành phần do đơn vị phụ trách tăng hạng so với năm 2022: cộng 20 điểm", "", "20", ""],
         C("I3a", None, "I3", "bonus_points", None, bonus_max=20)),
        (["", "- Chỉ số thành phần do đơn vị phụ trách giảm hạng so với năm 2022: trừ 20 điểm", "", "", "20"],
         C("I3b", None, "I3", "deduction_points", None, deduction_max=20)),
        (["II", "CẢI CÁCH HÀNH CHÍNH, CHUYỂN ĐỔI SỐ", "200", "", ""], C("II", "II", None, "heading", 200)),
        (["1", "Triển khai Đề án 06 về phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử",
          "60", "", ""],
         C("II1", "1", "II", "standard", 60, remark="'Đề án 06' is a name, not points")),
        (["2", "Giải quyết hồ sơ thủ tục hành chính trước hạn và đúng hạn", "80", "", ""],
         C("II2", "2", "II", "standard", 80)),
        (["", "- Mỗi hồ sơ giải quyết quá hạn: trừ 2 điểm", "", "", "2"],
         C("II2a", None, "II2", "deduction_each", None, rate=-2)),
        (["", "- Mỗi hồ sơ trễ hạn phải xin lỗi người dân bằng văn bản: trừ 5 điểm", "", "", "5"],
         C("II2b", None, "II2", "deduction_each", None, rate=-5)),
        (["", "Tổng điểm trừ của mục 2 không quá 40 điểm", "", "", ""],
         NOTE(["II2"], {"deduction_cap": 40})),
        (["3", "Tỷ lệ văn bản điện tử được ký số trên tổng số văn bản đi đạt từ 90% trở lên", "60", "", ""],
         C("II3", "3", "II", "standard", 60)),
        (["", "+ Trên 90%: cứ mỗi 1% cộng 2 điểm, tối đa 10 điểm", "", "10", ""],
         C("II3a", None, "II3", "linear_bonus", None, rate=2, threshold=90, step=1, bonus_cap=10,
           remark="'+' is a bullet; the column's 10 is the cap")),
        (["III", "CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "200", "", ""], C("III", "III", None, "heading", 200)),
        (["1", "Ban hành kế hoạch, phát động phong trào thi đua thường xuyên và chuyên đề", "50", "", ""],
         C("III1", "1", "III", "standard", 50)),
        (["2", "Tổ chức sơ kết, tổng kết, nhân rộng điển hình tiên tiến", "50", "", ""],
         C("III2", "2", "III", "standard", 50)),
        (["3", "Thực hiện khen thưởng kịp thời, đúng đối tượng, chú trọng người lao động trực tiếp", "50", "", ""],
         C("III3", "3", "III", "standard", 50)),
        (["4", "Tham gia đầy đủ các hoạt động của Khối (vắng mỗi cuộc họp trừ 10 điểm)", "50", "", ""],
         C("III4", "4", "III", "standard_less_each", 50, rate=-10)),
        (["IV", "XÂY DỰNG ĐẢNG, ĐOÀN THỂ VÀ CƠ QUAN", "100", "", ""], C("IV", "IV", None, "heading", 100)),
        (["1", "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "40", "", ""],
         C("IV1", "1", "IV", "standard", 40)),
        (["2", "Công đoàn, Đoàn Thanh niên cơ quan hoàn thành tốt nhiệm vụ trở lên", "30", "", ""],
         C("IV2", "2", "IV", "standard", 30)),
        (["3", "Cơ quan đạt chuẩn văn hóa, an toàn về an ninh, trật tự", "30", "", ""],
         C("IV3", "3", "IV", "standard", 30)),
        (["V", "THỰC HIỆN CHẾ ĐỘ THÔNG TIN, BÁO CÁO", "100", "", ""], C("V", "V", None, "heading", 100)),
        (["1", "Gửi báo cáo tổng kết, bảng tự chấm điểm về Khối trưởng đúng hạn", "60", "", ""],
         C("V1", "1", "V", "standard", 60)),
        (["", "- Mỗi báo cáo gửi chậm: trừ 10 điểm", "", "", "10"],
         C("V1a", None, "V1", "deduction_each", None, rate=-10)),
        (["2", "Thực hiện báo cáo đột xuất theo yêu cầu của Khối trưởng", "40", "", ""],
         C("V2", "2", "V", "standard", 40)),
        (["3", "Không gửi báo cáo tổng kết và bảng tự chấm điểm thì không xét thi đua", "", "", ""],
         C("V3", "3", "V", "disqualifier", None)),
        (["", "TỔNG ĐIỂM", "1.000", "", ""], TOTAL(1000)),
    ]
    base = {"I1": {"choice": "I1b"}, "I2": {"choice": "I2a"}, "I3": {"points": 100}, "I3a": {"points": 20},
            "I3b": {"points": 0}, "II1": {"points": 60}, "II2": {"points": 80}, "II2a": {"count": 3},
            "II2b": {"count": 0}, "II3": {"points": 60}, "II3a": {"value": 96.5}, "III1": {"points": 50},
            "III2": {"points": 50}, "III3": {"points": 45}, "III4": {"count": 1}, "IV1": {"points": 40},
            "IV2": {"points": 30}, "IV3": {"points": 30}, "V1": {"points": 60}, "V1a": {"count": 0},
            "V2": {"points": 40}, "V3": {"applies": False}}
    units = [
        {"name": "Sở Kế hoạch và Đầu tư", "about": "linear bonus 6 steps → 10 (cap); an extra late file",
         "self": base, "assessed": dict(base, II2a={"count": 4}),
         "differences": [("II2a", "a fourth late file")]},
        {"name": "Sở Giao thông vận tải", "about": "rank fell: −20; apologies; deduction cap of mục 2 binds",
         "self": dict(base, I1={"choice": "I1c"}, I2={"choice": "I2b"}, I3a={"points": 0}, I3b={"points": 20},
                      II2a={"count": 16}, II2b={"count": 2}, II3a={"value": 92.4}, V1a={"count": 1}),
         "assessed": dict(base, I1={"choice": "I1c"}, I2={"choice": "I2b"}, I3a={"points": 0},
                          I3b={"points": 20}, II2a={"count": 16}, II2b={"count": 3}, II3a={"value": 92.4},
                          V1a={"count": 1}),
         "differences": [("II2b", "a third apology letter (the cap of 40 binds either way)")]},
    ]
    return write("khoi-1000-diem-2023", "tsv", rows,
                 "Khối thi đua các sở, ngành tỉnh (giả định, theo chỉ thị 004) năm 2023 on 1000 points: Roman "
                 "I–V, 1/2/3, '-' grade bullets, a '+' bullet that is a linear bonus, TỔNG ĐIỂM 1.000",
                 ["code", "text", "standard", "bonus", "deduction"], 1000, units, tsv,
                 {"P4": ["I1", "I2"], "P1": ["II2", "II2a", "II2b"], "P5": ["II3a"], "P9": ["V3"]})


def phong_50_diem_2025():
    """Doc 003 (Văn phòng UBND tỉnh, special drive 01/10/2024 – 30/09/2025): the office scores its
    rooms on 50 points in a two-column table without a header; points only in the text, written
    '(5 điểm)', '(tối đa 15 điểm)', '10đ', '5,0', '– 10 điểm'."""
    rows = [
        (["I", "NHIỆM VỤ CHUYÊN MÔN TRONG ĐỢT THI ĐUA CAO ĐIỂM (30 điểm)"],
         C("I", "I", None, "heading", 30, remark="the section's points are in its text")),
        (["1", "Ban hành kế hoạch triển khai Đợt thi đua cao điểm kịp thời, phù hợp với tình hình thực tế của "
               "phòng (5 điểm)"],
         C("I1", "1", "I", "standard", 5)),
        (["2", "Hoàn thành các nhiệm vụ được Lãnh đạo Văn phòng giao trong Đợt thi đua đúng tiến độ, bảo đảm "
               "chất lượng (tối đa 15 điểm)"],
         C("I2", "2", "I", "standard", 15, remark="'tối đa 15 điểm' is the item's points, not a cap of bonuses")),
        (["", "- Mỗi nhiệm vụ chậm tiến độ trừ 1 điểm"],
         C("I2a", None, "I2", "deduction_each", None, rate=-1)),
        (["3", "Có đề tài, sáng kiến, giải pháp, cách làm hay được áp dụng, đem lại hiệu quả: 10đ"],
         C("I3", "3", "I", "standard", 10)),
        (["II", "KỶ LUẬT, KỶ CƯƠNG VÀ CÔNG TÁC PHỐI HỢP (20 điểm)"], C("II", "II", None, "heading", 20)),
        (["1", "Chấp hành kỷ luật, kỷ cương hành chính, văn hóa và đạo đức công vụ – 10 điểm"],
         C("II1", "1", "II", "standard", 10)),
        (["2", "Phối hợp phục vụ Đại hội Đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của "
               "Đảng: 5,0"],
         C("II2", "2", "II", "standard", 5, remark="'5,0' closing the text; XIV is not a code")),
        (["3", "Gửi hồ sơ đề nghị khen thưởng về phòng Hành chính tổ chức - Quản trị tài vụ trước ngày "
               "01/10/2025 (5 điểm)"],
         C("II3", "3", "II", "standard", 5, remark="a date before the points")),
        (["III", "ĐIỂM THƯỞNG (tối đa 5 điểm)"], C("III", "III", None, "heading", None, bonus_cap=5)),
        (["1", "Tập thể được đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh: cộng 3 điểm"],
         C("III1", "1", "III", "bonus_points", None, bonus_max=3)),
        (["2", "Mỗi cá nhân được tặng Giấy khen của Chánh Văn phòng: cộng 1 điểm"],
         C("III2", "2", "III", "bonus_each", None, rate=1)),
        (["", "Tổng cộng: 50 điểm"], TOTAL(50)),
    ]
    base = {"I1": {"points": 5}, "I2": {"points": 15}, "I2a": {"count": 1}, "I3": {"points": 10},
            "II1": {"points": 10}, "II2": {"points": 5}, "II3": {"points": 5}, "III1": {"points": 3},
            "III2": {"count": 3}}
    units = [
        {"name": "Phòng Tổng hợp", "about": "bonus cap of 5 binds (3 + 3)",
         "self": base, "assessed": dict(base, I3={"points": 8}),
         "differences": [("I3", "the initiative is applied in part only")]},
        {"name": "Phòng Hành chính tổ chức - Quản trị tài vụ", "about": "two late tasks",
         "self": dict(base, I2a={"count": 2}, III1={"points": 0}, III2={"count": 1}),
         "assessed": dict(base, I2a={"count": 2}, III1={"points": 0}, III2={"count": 0}),
         "differences": [("III2", "the Giấy khen was for the year before")]},
    ]
    return write("phong-50-diem-2025", "txt", rows,
                 "Văn phòng UBND tỉnh (giả định, theo kế hoạch 003) chấm điểm các phòng trong Đợt thi đua cao "
                 "điểm 01/10/2024 – 30/09/2025 on 50 points: two columns, no header row, every figure in the "
                 "text ('(5 điểm)', 'tối đa 15 điểm', '10đ', '5,0', '– 10 điểm'), a bonus section, "
                 "'Tổng cộng: 50 điểm'",
                 ["code", "text"], 50, units, tsv)


if __name__ == "__main__":
    for f in (khoi6_tu_cham_2024, xa_thang_diem_2024, khoi_1000_diem_2023, phong_50_diem_2025):
        d = f()
        print(d["file"], [u["expected"]["self"]["total"] for u in d["units"]],
              [u["expected"]["assessed"]["total"] for u in d["units"]])
