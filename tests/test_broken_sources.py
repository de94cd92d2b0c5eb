"""A broken source document gets one precise French message (QA r45, audit 13): bytes that are not
UTF-8 say why in French, a document cut short is said to be, and the other documents are read."""
from __future__ import annotations

import shutil

import pytest

from indexer.corpus import parse_document
from indexer.registry import REPERTOIRES, Repertoire, get

DOC = "algerie-micl-cooperation.txt"


@pytest.fixture
def micl(tmp_path, data_dir):
    shutil.copy(data_dir / DOC, tmp_path / DOC)
    return tmp_path


@pytest.mark.parametrize("bad, said", [
    (b"\xff", "l'octet 0xFF ne peut commencer un caractère"),
    ("é ".encode("latin-1"), "l'octet 0xE9 n'est pas suivi des octets que son caractère demande"),
])
def test_bytes_that_are_not_utf8_are_said_in_french(micl, bad, said):
    text = (micl / DOC).read_bytes()
    cut = text.index(b"\n", len(text) // 2) + 1
    (micl / DOC).write_bytes(text[:cut] + bad + text[cut:])
    _, _, report = parse_document(micl, DOC)
    line = text[:cut].count(b"\n") + 1
    assert not report.ok
    # the bad byte follows the `cut` bytes kept: it is byte number cut + 1, counted from 1 as the lines are
    assert f"ligne {line} : ce n'est pas du texte UTF-8 ({said}, octet n° {cut + 1})" in report.error
    assert not any(w in report.error for w in ("invalid", "byte", "unexpected", "data"))


def test_a_bad_first_byte_is_byte_number_1(micl):
    (micl / DOC).write_bytes(b"\xff" + (micl / DOC).read_bytes())
    _, _, report = parse_document(micl, DOC)
    assert "ligne 1 : ce n'est pas du texte UTF-8 (l'octet 0xFF ne peut commencer un caractère, octet n° 1)" \
        in report.error


def test_a_file_cut_inside_a_character_says_so_in_french(micl):
    text = (micl / DOC).read_bytes()
    cut = text.index("é".encode()) + 1
    (micl / DOC).write_bytes(text[:cut])
    _, _, report = parse_document(micl, DOC)
    assert "le fichier s'arrête au milieu d'un caractère, commencé par l'octet 0xC3" in report.error
    assert "unexpected" not in report.error


@pytest.mark.parametrize("document", [r.file for r in REPERTOIRES])
def test_a_document_cut_short_is_said_so_not_read_up_to_its_cut(tmp_path, data_dir, document):
    """Mali cut in the middle of a sheet gave 370 of its 770 records, and the build said nothing."""
    text = (data_dir / document).read_text(encoding="utf-8")
    assert get(document).ends_as_written(text)  # the whole document ends as its registry entry says
    cut = text[: max(len(text) // 2, len(text) - 2000)]
    (tmp_path / document).write_text(cut, encoding="utf-8")
    ps, acts, report = parse_document(tmp_path, document)
    lines = cut.rstrip().count("\n") + 1
    assert (ps, acts, report.ok) == ([], [], False)
    assert report.error.startswith(f"{document} : fichier tronqué : il s'arrête ligne {lines} (« ")
    assert f"sans la fin du document (« {get(document).ending} »)" in report.error


def test_a_document_with_its_ending_and_a_line_more_is_read(tmp_path, data_dir):
    text = (data_dir / DOC).read_text(encoding="utf-8")
    (tmp_path / DOC).write_text(text + "\n  \n", encoding="utf-8")
    ps, _, report = parse_document(tmp_path, DOC)
    assert report.ok and ps


def test_a_repertoire_that_names_no_ending_is_read_whatever_its_end():
    assert Repertoire("x.txt", "X", ("Mali",), "mali:MaliReader").ends_as_written("n'importe quoi")


def test_a_reader_stopped_by_an_error_fails_its_document_rather_than_dropping_the_rest(micl, monkeypatch):
    """A reader's error before the document's end kept the sheets read before it as if the document were
    whole (an error at Mali's first sheets: none of its 770 records, exit 0, one warning among 24)."""
    from indexer.parsers import micl as reader

    read = reader.MiclReader.read

    def stops_halfway(self, doc, result):
        read(self, doc, result)
        del result.partnerships[len(result.partnerships) // 2:]
        raise KeyError("oops")

    monkeypatch.setattr(reader.MiclReader, "read", stops_halfway)
    ps, acts, report = parse_document(micl, DOC)
    assert (ps, acts, report.ok) == ([], [], False)
    assert report.error == (f"{DOC} : lecture interrompue par une erreur du lecteur (KeyError: 'oops') ; "
                            "aucune de ses fiches n'est lue")


def test_the_corpus_checksum_is_that_of_the_bytes_parsed(micl, monkeypatch):
    """The checksum hashes the bytes the build parsed, not the file read again after (which cost a
    second read, and described a file changed meanwhile, not what the index holds)."""
    from indexer import corpus
    from indexer.sources import corpus_checksum

    repertoires = [get(DOC)]
    before = corpus_checksum(micl, repertoires)
    real = corpus.parallel_map

    def then_changed(*args, **kwargs):
        parsed = real(*args, **kwargs)
        (micl / DOC).write_bytes((micl / DOC).read_bytes() + b"\n")  # changed once parsed
        return parsed

    monkeypatch.setattr(corpus, "parallel_map", then_changed)
    read = corpus.load_corpus(micl, repertoires=repertoires)
    assert read.partnerships and read.checksum == before != corpus_checksum(micl, repertoires)


def test_a_document_the_build_did_not_read_is_hashed_as_missing(micl, tmp_path_factory):
    """A document absent from the bytes parsed (missing or unreadable then, its records the fallback's) is
    hashed as a missing file, not read from disk: one appearing between the parse and the checksum made
    the index « fresh » though it holds none of its records."""
    from indexer.sources import corpus_checksum

    repertoires = [get(DOC)]
    empty = tmp_path_factory.mktemp("empty")
    assert (micl / DOC).exists()
    assert corpus_checksum(micl, repertoires, read={}) == corpus_checksum(empty, repertoires)
    data = (micl / DOC).read_bytes()
    assert corpus_checksum(empty, repertoires, read={DOC: data}) == corpus_checksum(micl, repertoires)
