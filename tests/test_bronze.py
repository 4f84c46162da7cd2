"""Decoding and normalisation of raw bytes."""

import codecs
import unicodedata

import pytest

from pipeline.bronze import RejectedDocument, batch_of, decode, normalise, scan

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed base letters (ư, ơ, ă, â, ê, ô, đ), combining tone marks."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones)
    return "".join(out).encode("cp1258")


TEXT = "Ngày 9/9, Bí thư Tỉnh ủy Cao Bằng Trần Hồng Minh đã có buổi gặp trực tuyến.\nQuảng Tây tăng 5,7%."


@pytest.mark.parametrize(("raw", "encoding"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (cp1258(TEXT), "windows-1258"),
])
def test_decodes_every_supported_encoding_to_the_same_nfc_text(raw, encoding):
    decoded = decode(raw)
    assert decoded.encoding == encoding
    assert decoded.text == TEXT
    assert unicodedata.is_normalized("NFC", decoded.text)


def test_nfd_utf8_becomes_nfc():
    decoded = decode(unicodedata.normalize("NFD", TEXT).encode("utf-8"))
    assert decoded.text == TEXT


def test_crlf_and_cr_become_lf():
    assert decode(b"A\r\nB\rC\n").text == "A\nB\nC\n"
    assert normalise("a\u2028b") == "a\nb"


@pytest.mark.parametrize(("raw", "reason"), [
    (b"", "empty file"),
    (b"  \n\r\n ", "only white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
    (b"abc\x00\x00def", "NUL bytes"),
])
def test_rejects_with_a_clear_reason(raw, reason):
    with pytest.raises(RejectedDocument, match=reason):
        decode(raw)


def test_scan_hashes_bytes_and_reports_relative_paths(tmp_path):
    (tmp_path / "b1").mkdir()
    (tmp_path / "b1" / "x.txt").write_bytes(b"abc")
    (tmp_path / "y.txt").write_bytes(b"abc")
    (tmp_path / "ignored.html").write_bytes(b"<p>")
    files = list(scan(tmp_path))
    assert [f.source_path for f in files] == ["b1/x.txt", "ignored.html", "y.txt"]
    assert files[0].sha256 == files[2].sha256
    assert files[0].article_id == "ba7816bf8f01cfea"
    assert (files[1].status, files[1].problem, files[1].sha256) == ("ignored", "not a .txt file", None)
    assert [batch_of(f.source_path) for f in files] == ["b1", "_root", "_root"]
