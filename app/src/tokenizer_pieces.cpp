#include "tokenizer_pieces.h"

#include "background_task.h"
#include "checkpoint_picker.h"
#include "data_build_dialog.h"
#include "error_text.h"

#include "lmlab/tokenizer.h"
#include "lmlab/tokenizer_cache.h"
#include "lmlab/tokenizer_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>

namespace lmlab::app {

QString readable_piece(const std::string& piece) {
  QString text = QString::fromStdString(piece);
  text.replace(QChar(0x2581), QStringLiteral("▁"));
  return text;
}

QString pieces_html(const std::vector<TokenGuess>& pieces, const QString& text) {
  // Alternating soft colours make piece boundaries visible without reading the ids.
  static const char* colours[] = {"#fde2b8", "#c9e4f6", "#d7f0c8", "#f3d0e6"};
  QString html;
  for (size_t i = 0; i < pieces.size(); ++i)
    html += QStringLiteral("<span style='background:%1'>&nbsp;%2&nbsp;<sub>%3</sub></span> ")
                .arg(QString::fromLatin1(colours[i % 4]), readable_piece(pieces[i].piece).toHtmlEscaped())
                .arg(pieces[i].id);
  const auto words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size();
  QString out = QStringLiteral("<p style='line-height:160%'>%1</p><p>").arg(html) +
                QCoreApplication::translate("lmlab::app::PlaygroundView", "%1 pieces").arg(pieces.size());
  if (words > 0)
    out += QCoreApplication::translate("lmlab::app::PlaygroundView", ", %1 per word")
               .arg(static_cast<double>(pieces.size()) / static_cast<double>(words), 0, 'f', 1);
  out += QStringLiteral("</p>");
  // Byte pieces puzzle a learner who has never heard of byte fallback: say what they are.
  if (std::any_of(pieces.begin(), pieces.end(), [](const TokenGuess& p) { return is_byte_piece(p.piece); }))
    out += QStringLiteral("<p style='color:#555'>%1</p>")
               .arg(QCoreApplication::translate(
                   "lmlab::app::PlaygroundView",
                   "Pieces like &lt;0xED&gt; are single bytes of UTF-8: this tokenizer met too few of these "
                   "characters (Korean, capitals, symbols) when it was trained to give them pieces of their own, so "
                   "it spells them byte by byte (byte fallback). Nothing is lost, but each such character costs two "
                   "to four tokens. A tokenizer trained on text that has them, or a larger vocabulary, keeps them "
                   "whole."));
  return out;
}

TokenizerComparison::TokenizerComparison(RunStore* runs, QWidget* parent)
    : QWidget(parent),
      picker_(new CheckpointPicker(runs, {QStringLiteral("pretrain"), QStringLiteral("finetune"), QStringLiteral("distill"),
                                          QStringLiteral("import")})),
      train_korean_(new QPushButton(tr("Train one on the Korean corpus"))), training_(new QLabel), pieces_(new QLabel),
      loading_(new BackgroundTask(this)) {
  picker_->setObjectName(QStringLiteral("compareTokenizer"));
  picker_->set_tokenizer_only(true);
  train_korean_->setObjectName(QStringLiteral("trainKoreanTokenizer"));
  auto* train_file = new QPushButton(tr("Train one on a text file…"));
  training_->setObjectName(QStringLiteral("tokenizerTraining"));
  training_->setWordWrap(true);
  pieces_->setObjectName(QStringLiteral("comparedPieces"));
  pieces_->setWordWrap(true);
  pieces_->setTextFormat(Qt::RichText);
  pieces_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(new QLabel(tr("Compare with the tokenizer of another model:")));
  layout->addWidget(picker_);
  auto* train_row = new QHBoxLayout;
  train_row->addWidget(train_korean_);
  train_row->addWidget(train_file);
  train_row->addStretch(1);
  layout->addLayout(train_row);
  layout->addWidget(training_);
  layout->addWidget(pieces_, 1);
  connect(picker_, &CheckpointPicker::changed, this, &TokenizerComparison::load_and_show);
  connect(train_korean_, &QPushButton::clicked, this, [this] { train_on(korean_corpus()); });
  connect(train_file, &QPushButton::clicked, this, [this] {
    const QString corpus = QFileDialog::getOpenFileName(this, tr("Text to train a tokenizer on (UTF-8, one sentence or "
                                                                 "paragraph per line)"),
                                                        built_dataset_dir(QString()));
    if (!corpus.isEmpty()) train_on(corpus);
  });
  connect(loading_, &BackgroundTask::ended, this, &TokenizerComparison::update_korean_button);
  update_korean_button();
}

QString TokenizerComparison::korean_corpus() {
  return built_dataset_dir(QStringLiteral("libreoffice-ko")) + QStringLiteral("/corpus.txt");
}

void TokenizerComparison::update_korean_button() {
  const bool built = QFileInfo::exists(korean_corpus());
  train_korean_->setEnabled(built && !loading_->busy());
  train_korean_->setToolTip(built ? tr("Trains a SentencePiece tokenizer on %1 (once; later it is reused).")
                                        .arg(QDir::toNativeSeparators(korean_corpus()))
                                  : tr("Build the Korean corpus first: Data → Build a dataset, LibreOffice help "
                                       "(libreoffice-help-ko)."));
}

void TokenizerComparison::train_on(const QString& corpus) {
  if (loading_->busy()) return;
  // One folder per corpus, named after the dataset folder it sits in (libreoffice-ko), so the
  // comparison list says what the tokenizer read.
  const QString name = QFileInfo(QFileInfo(corpus).absolutePath()).fileName() + QLatin1Char('-') +
                       QFileInfo(corpus).completeBaseName();
  const QString folder =
      QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/tokenizers/") + name;
  const SentencePieceTrainOptions options;  // pretraining's defaults: a run on this corpus gets the same one
  const QString label = tr("trained here on %1 (%2 pieces)").arg(QFileInfo(corpus).fileName()).arg(options.vocab_size);
  training_->setText(tr("Training a tokenizer on %1 (a minute or less)…").arg(QDir::toNativeSeparators(corpus)));
  train_korean_->setEnabled(false);
  const std::string corpus_path = corpus.toStdString(), model_path = (folder + QStringLiteral("/tokenizer.model")).toStdString();
  loading_->start([this, corpus_path, model_path, options, folder, label](const TaskControl&) -> BackgroundTask::Reply {
    QString error;
    try {
      const SentencePieceTokenizer tokenizer = TokenizerCache(TokenizerCache::default_dir()).for_corpus(corpus_path, options);
      QDir().mkpath(folder);
      tokenizer.save(model_path);
    } catch (const std::exception& e) {
      error = error_text(e);
    }
    return [this, error, folder, label] {
      training_->setText(error.isEmpty() ? QString() : tr("Cannot train a tokenizer: %1").arg(error));
      if (error.isEmpty()) {
        loaded_.erase(folder);  // a retrained file replaces what was read before
        picker_->choose(folder, label);
        load_and_show();
      }
    };
  });
}

void TokenizerComparison::set_text(const QString& text) {
  text_ = text;
  load_and_show();
}

void TokenizerComparison::load_and_show() {
  const QString dir = picker_->checkpoint();
  if (dir.isEmpty() || text_.isEmpty()) {
    pieces_->clear();
    return;
  }
  if (loaded_.count(dir)) return show();
  if (loading_->busy()) return;  // its reply shows the current text and choice
  const std::string folder = dir.toStdString();
  loading_->start([this, dir, folder](const TaskControl&) -> BackgroundTask::Reply {
    std::shared_ptr<const Tokenizer> tokenizer;
    QString error;
    try {
      tokenizer = load_tokenizer(folder);
    } catch (const std::exception& e) {
      error = error_text(e);
    }
    return [this, dir, tokenizer, error] {
      if (!error.isEmpty()) {
        pieces_->setText(tr("Cannot read this tokenizer: %1").arg(error.toHtmlEscaped()));
        return;
      }
      loaded_[dir] = tokenizer;
      load_and_show();
    };
  });
}

void TokenizerComparison::show() {
  const auto& tokenizer = *loaded_.at(picker_->checkpoint());
  std::vector<TokenGuess> pieces;
  for (int id : tokenizer.encode(text_.toStdString())) pieces.push_back({id, tokenizer.id_to_piece(id), 0});
  pieces_->setText(pieces_html(pieces, text_));
  Q_EMIT shown();
}

}  // namespace lmlab::app
