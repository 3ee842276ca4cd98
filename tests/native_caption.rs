use article_reader::caption::split_credit;

fn sc(t: &str) -> (Option<&'static str>, Option<&'static str>) {
    let (a, b) = split_credit(t);
    (a.map(|s| &*s.leak()), b.map(|s| &*s.leak()))
}

#[test]
fn credit_after_sentence() {
    assert_eq!(sc("Thủ tướng phát biểu kết luận. Ảnh: MT"), (Some("Thủ tướng phát biểu kết luận."), Some("MT")));
    assert_eq!(sc("Caption here. Photo: Reuters"), (Some("Caption here."), Some("Reuters")));
    assert_eq!(sc("Caption here! Credit: AP."), (Some("Caption here!"), Some("AP")));
    assert_eq!(sc("Gebäude. Foto: dpa"), (Some("Gebäude."), Some("dpa")));
    assert_eq!(sc("Toàn cảnh. Nguồn: Internet"), (Some("Toàn cảnh."), Some("Internet")));
    assert_eq!(sc("kết luận.Ảnh: MT"), (Some("kết luận."), Some("MT")));
    assert_eq!(sc("Chart. Source: World Bank"), (Some("Chart."), Some("World Bank")));
}

#[test]
fn credit_in_brackets() {
    assert_eq!(sc("Lễ khai mạc (Ảnh: TTXVN)"), (Some("Lễ khai mạc"), Some("TTXVN")));
    assert_eq!(sc("Lễ khai mạc. (Ảnh: TTXVN)."), (Some("Lễ khai mạc."), Some("TTXVN")));
    assert_eq!(sc("Lễ khai mạc [Photo: AFP]"), (Some("Lễ khai mạc"), Some("AFP")));
    assert_eq!(sc("(Ảnh: TTXVN)"), (None, Some("TTXVN")));
}

#[test]
fn credit_after_dash_or_pipe() {
    assert_eq!(sc("Người dân xuống đường - Ảnh: Hữu Khoa"), (Some("Người dân xuống đường"), Some("Hữu Khoa")));
    assert_eq!(sc("Người dân | Photo: AP"), (Some("Người dân"), Some("AP")));
}

#[test]
fn photo_by() {
    assert_eq!(sc("A street in Hanoi. Photo by Jane Doe"), (Some("A street in Hanoi."), Some("Jane Doe")));
    assert_eq!(sc("Photo by Jane Doe"), (None, Some("Jane Doe")));
    assert_eq!(sc("Photos by: Jane Doe."), (None, Some("Jane Doe")));
    // Not at a boundary: no split.
    assert_eq!(sc("She took the photo by the lake"), (Some("She took the photo by the lake"), None));
}

#[test]
fn label_case_and_forms() {
    assert_eq!(sc("Caption. ẢNH: MT"), (Some("Caption."), Some("MT")));
    assert_eq!(sc("Caption. ảnh: MT"), (Some("Caption."), Some("MT")));
    assert_eq!(sc("Caption. PHOTO: AP"), (Some("Caption."), Some("AP")));
    assert_eq!(sc("Caption. photo credit: AP"), (Some("Caption."), Some("AP")));
    // Decomposed (NFD) Vietnamese.
    assert_eq!(sc("Caption. A\u{309}nh: MT"), (Some("Caption."), Some("MT")));
    assert_eq!(sc("Caption. Ngu\u{f4}\u{300}n: VTV"), (Some("Caption."), Some("VTV")));
    // Without diacritics.
    assert_eq!(sc("Caption. Anh: MT"), (Some("Caption."), Some("MT")));
    // Full-width colon, spaces around it.
    assert_eq!(sc("Caption. Ảnh ： MT"), (Some("Caption."), Some("MT")));
}

#[test]
fn anh_minh_hoa() {
    assert_eq!(sc("Cây xanh. Ảnh minh họa: Internet"), (Some("Cây xanh."), Some("Internet")));
    assert_eq!(sc("Cây xanh. Ảnh minh hoạ: Pixabay"), (Some("Cây xanh."), Some("Pixabay")));
    assert_eq!(sc("Ảnh minh họa: Nguồn: Internet"), (None, Some("Internet")));
    // No colon: an annotation, not a credit.
    assert_eq!(sc("Ảnh minh họa"), (Some("Ảnh minh họa"), None));
    assert_eq!(sc("Nguồn ảnh: Shutterstock"), (None, Some("Shutterstock")));
}

#[test]
fn credit_on_own_line() {
    assert_eq!(sc("Lễ khai mạc\nẢnh: MT"), (Some("Lễ khai mạc"), Some("MT")));
    assert_eq!(sc("Lễ khai mạc\n  Photo by Jane Doe  \n"), (Some("Lễ khai mạc"), Some("Jane Doe")));
    assert_eq!(sc("Line one\nline two\n(Ảnh: TTXVN)"), (Some("Line one\nline two"), Some("TTXVN")));
}

#[test]
fn whole_string_credit() {
    assert_eq!(sc("Ảnh: MT"), (None, Some("MT")));
    assert_eq!(sc("  Credit: AP  "), (None, Some("AP")));
    assert_eq!(sc("Foto: Max Mustermann"), (None, Some("Max Mustermann")));
}

#[test]
fn no_split_in_the_middle() {
    for t in [
        "Ảnh hưởng của bão số 3 rất lớn.",
        "Ảnh hưởng: nặng nề",
        "Bức ảnh: một kỷ niệm đẹp của gia đình",
        "Người dân xem ảnh: mọi người đều vui",
        "Ảnh: MT. Người dân tham gia lễ hội tại quảng trường trung tâm thành phố vào sáng nay",
        "The photo shows the scene",
        "Photo: a very long description that goes on and on and on with many many words and keeps going",
        "Caption. Ảnh:",
        "Caption. Ảnh: .",
        "Ảnh",
        "Anh trai tôi",
        "Ánh: sáng",
    ] {
        assert_eq!(sc(t), (Some(t.trim()), None), "{t}");
    }
}

#[test]
fn credit_earlier_line_is_not_split() {
    assert_eq!(sc("Ảnh: MT\nNgười dân tham gia"), (Some("Ảnh: MT\nNgười dân tham gia"), None));
}

#[test]
fn capitalized_label_without_punctuation() {
    assert_eq!(sc("Bác sĩ khám bệnh Ảnh: BV"), (Some("Bác sĩ khám bệnh"), Some("BV")));
    assert_eq!(sc("bác sĩ khám bệnh ảnh: BV"), (Some("bác sĩ khám bệnh ảnh: BV"), None));
}

#[test]
fn empty_and_odd() {
    assert_eq!(sc(""), (None, None));
    assert_eq!(sc("   \n "), (None, None));
    assert_eq!(sc("Chỉ chú thích"), (Some("Chỉ chú thích"), None));
    for t in ["(", "[", ":", "Ảnh:(", "(Ảnh:)", "\u{309}", "a\u{309}", "ảnh\n", "\nẢnh: x", "İ: x", "Ảnh：", "…Ả"]
    {
        let _ = split_credit(t);
    }
    assert_eq!(sc("\nẢnh: x"), (None, Some("x")));
}
