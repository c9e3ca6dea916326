#pragma once

#include "lmlab/data/text_corpus.h"

#include <string>

namespace lmlab {

// Real prose from Debian packages, read where the package installs it, turned into a
// pretraining corpus (one sentence per line, a blank line between documents). Each throws
// lmlab::Error naming the package to install when its files are missing.

// fortunes / fortunes-min (BSD): every fortune is a document; attributions ("-- Mark Twain")
// are kept as their own sentence. Offensive fortunes (the off/ folder) are never read.
// Files named in `skip` (e.g. "news", held out to measure tokenizers) are left out.
TextCorpus read_fortunes(const std::string& dir = "/usr/share/games/fortunes",
                         const std::vector<std::string>& skip = {});

// libreoffice-help-ko (MPL-2.0): Korean prose, one document per help page, its paragraphs
// split into sentences.
TextCorpus read_libreoffice_help(const std::string& dir = "/usr/share/libreoffice/help/ko");

// debian-handbook (GPL-2+ or CC-BY-SA-3.0): The Debian Administrator's Handbook, modern
// English prose (or the translation in another folder, e.g. ko-KR), one document per chapter;
// command listings are left out.
TextCorpus read_debian_handbook(const std::string& dir = "/usr/share/doc/debian-handbook/html/en-US");

// Splits running text into sentences after ". ", "! ", "? " (and the same at the end), the
// way the corpus format wants them; whitespace is collapsed.
std::vector<std::string> split_sentences(const std::string& text);

}  // namespace lmlab
