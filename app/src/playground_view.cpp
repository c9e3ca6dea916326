#include "playground_view.h"

#include "attention_view.h"
#include "checkpoint_picker.h"
#include "fewshot_panel.h"
#include "masked_lm_panel.h"
#include "error_dialog.h"
#include "probability_bars.h"
#include "token_loss_panel.h"
#include "word_neighbours_panel.h"
#include "tokenizer_pieces.h"
#include "run_store.h"
#include "saliency_panel.h"
#include "session_bridge.h"
#include "session_question.h"
#include "setting_fields.h"

#include "lmlab/session/training_job.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace lmlab::app {

namespace {

// The playground's questions; fail shows an error (a private member, so the caller passes it).
template <typename Result, typename Query, typename Show>
bool ask(SessionBridge* bridge, PlaygroundView* view, Query query, Show show, void (PlaygroundView::*fail)(const QString&)) {
  return ask_session<Result>(bridge, view, query, show,
                             [fail](PlaygroundView& target, const QString& message) { (target.*fail)(message); });
}

}  // namespace

PlaygroundView::PlaygroundView(RunStore* runs, QWidget* parent)
    : QWidget(parent), bridge_(new SessionBridge(this)), runs_(runs) {
  model_ = new CheckpointPicker(runs_, {QStringLiteral("pretrain"), QStringLiteral("finetune"), QStringLiteral("distill"),
                                         QStringLiteral("import")});
  model_->setObjectName(QStringLiteral("playgroundModel"));
  load_ = new QPushButton(tr("Load"));
  status_ = new QLabel(tr("Load a checkpoint: a GPT to generate with; any model to see its tokenizer."));
  status_->setWordWrap(true);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Model")));
  top->addWidget(model_, 1);
  top->addWidget(load_);

  prompt_ = new QLineEdit;
  prompt_->setObjectName(QStringLiteral("prompt"));
  prompt_->setPlaceholderText(tr("A prompt, e.g. the king of"));
  generate_ = new QPushButton(tr("Generate"));
  generate_->setObjectName(QStringLiteral("generate"));
  auto* knobs = new QFormLayout;
  knobs->addRow(tr("Prompt"), prompt_);
  generation_ = new SettingFields(this);
  const auto& settings = generation_description();
  FieldLook temperature{tr("Temperature")};
  temperature.step = 0.1, temperature.max = 5;
  temperature.tooltip = tr("0 always takes the most likely token; higher values flatten the distribution.");
  generation_->add(knobs, settings.setting("temperature"), temperature);
  FieldLook top_k{tr("Top-k"), tr("off")};
  top_k.max = 1000;
  generation_->add(knobs, settings.setting("top_k"), top_k);
  FieldLook top_p{tr("Top-p (nucleus)")};
  top_p.step = 0.05;
  generation_->add(knobs, settings.setting("top_p"), top_p);
  FieldLook tokens{tr("New tokens")};
  tokens.max = 500;
  generation_->add(knobs, settings.setting("max_tokens"), tokens);
  knobs->addRow(QString(), generate_);
  output_ = new QTextBrowser;
  output_->setObjectName(QStringLiteral("generation"));
  output_->setMinimumHeight(70);
  next_ = new ProbabilityBars;
  next_->setObjectName(QStringLiteral("nextTokenBars"));
  auto* generation = new QGroupBox(tr("Generation (GPT)"));
  auto* generation_layout = new QVBoxLayout(generation);
  generation_layout->addLayout(knobs);
  generation_layout->addWidget(output_, 1);
  generation_layout->addWidget(new QLabel(tr("Next token after the prompt, at this temperature:")));
  generation_layout->addWidget(next_);

  text_ = new QLineEdit;
  text_->setObjectName(QStringLiteral("tokenizerText"));
  text_->setPlaceholderText(tr("Type any text"));
  pieces_ = new QLabel;
  pieces_->setObjectName(QStringLiteral("tokenizerPieces"));
  pieces_->setWordWrap(true);
  pieces_->setTextFormat(Qt::RichText);
  pieces_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  auto* tokenizer = new QGroupBox(tr("Tokenizer"));
  auto* tokenizer_layout = new QVBoxLayout(tokenizer);
  tokenizer_layout->addWidget(new QLabel(tr("How the model reads text: its pieces and their ids (▁ or Ġ marks a word "
                                            "start, ## continues a word).")));
  tokenizer_layout->addWidget(text_);
  tokenizer_layout->addWidget(pieces_, 1);
  comparison_ = new TokenizerComparison(runs_);
  tokenizer_layout->addWidget(comparison_, 1);
  retokenize_ = new QTimer(this);
  retokenize_->setSingleShot(true);
  retokenize_->setInterval(150);  // one question per pause in typing, not per key
  rebar_ = new QTimer(this);
  rebar_->setSingleShot(true);
  rebar_->setInterval(150);

  auto* write_and_read = new QWidget;
  auto* panes = new QHBoxLayout(write_and_read);
  panes->addWidget(generation, 3);
  panes->addWidget(tokenizer, 2);

  // Inside the loaded model: a probe sentence's attention in every layer and head, and for a
  // BERT its [MASK] guesses, which is where an imported pretrained model shows what it knows.
  probe_ = new MaskedLmPanel;
  probe_->setObjectName(QStringLiteral("playgroundProbe"));
  attention_ = new AttentionView;
  attention_->setObjectName(QStringLiteral("playgroundAttention"));
  attention_->set_live(false);  // a saved model: no training steps to hold or to number
  auto* inside = new QSplitter;
  inside->addWidget(probe_);
  inside->addWidget(attention_);
  inside->setStretchFactor(0, 2);
  inside->setStretchFactor(1, 3);
  sections_ = new QTabWidget;
  sections_->setObjectName(QStringLiteral("playgroundSections"));
  sections_->setDocumentMode(true);
  sections_->addTab(write_and_read, tr("Generate and tokenize"));
  sections_->addTab(inside, tr("Attention and [MASK] guesses"));
  fewshot_ = new FewShotPanel(runs_);
  fewshot_->setObjectName(QStringLiteral("fewshotPanel"));
  sections_->addTab(fewshot_, tr("Few-shot prompting"));
  token_loss_ = new TokenLossPanel(bridge_);
  token_loss_->setObjectName(QStringLiteral("tokenLossPanel"));
  sections_->addTab(token_loss_, tr("Surprise per token"));
  neighbours_ = new WordNeighboursPanel(bridge_);
  neighbours_->setObjectName(QStringLiteral("neighboursPanel"));
  sections_->addTab(neighbours_, tr("Word neighbours"));
  saliency_ = new SaliencyPanel(bridge_);
  saliency_->setObjectName(QStringLiteral("saliencyPanel"));
  sections_->addTab(saliency_, tr("Why this label"));

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(status_);
  layout->addWidget(sections_, 1);

  connect(load_, &QPushButton::clicked, this, [this] { load(model_->checkpoint()); });
  connect(generate_, &QPushButton::clicked, this, &PlaygroundView::generate);
  connect(prompt_, &QLineEdit::returnPressed, this, &PlaygroundView::generate);
  connect(text_, &QLineEdit::textChanged, retokenize_, qOverload<>(&QTimer::start));
  connect(retokenize_, &QTimer::timeout, this, [this] {
    tokenize(text_->text());
    comparison_->set_text(text_->text());
  });
  // The bars show the next token at the current prompt and temperature, as they are edited.
  connect(generation_, &SettingFields::edited, rebar_, qOverload<>(&QTimer::start));
  connect(prompt_, &QLineEdit::textChanged, rebar_, qOverload<>(&QTimer::start));
  connect(rebar_, &QTimer::timeout, this, &PlaygroundView::update_next_tokens);
  connect(probe_, &MaskedLmPanel::probeChanged, bridge_, &SessionBridge::set_probe);
  connect(bridge_, &SessionBridge::snapshotArrived, this, [this](const Snapshot& snapshot) {
    probe_->show_snapshot(snapshot);
    attention_->show_snapshot(snapshot);
  });
  connect(bridge_, &SessionBridge::started, this, [this](const SessionInfo& info) {
    status_->setText(tr("Loaded: %1").arg(QString::fromStdString(info.description)));
    const QString arch = QString::fromStdString(info.arch);
    set_loaded(true, arch);
    const auto& untrained = info.untrained_heads;
    probe_->set_untrained_head(std::find(untrained.begin(), untrained.end(), "masked-LM head") != untrained.end());
    fewshot_->set_model(loading_, arch);
    token_loss_->set_model(arch);
    neighbours_->set_model(true);
    QStringList labels;
    for (const auto& label : info.labels) labels << QString::fromStdString(label);
    saliency_->set_model(labels);
    if (!text_->text().isEmpty()) tokenize(text_->text());
    probe_->set_architecture(arch, /*training=*/false);
    if (probe_->word_count() == 0)
      probe_->set_text(arch == QLatin1String("bert") ? QStringLiteral("the cat sat on the [MASK] .")
                                                     : QStringLiteral("once upon a time"));
    bridge_->set_probe(probe_->probe());
    // A BERT does not write text: what it offers is inside, its guesses and attention.
    if (arch == QLatin1String("bert")) sections_->setCurrentIndex(1);
  });
  connect(bridge_, &SessionBridge::failed, this, &PlaygroundView::show_error);
  set_loaded(false, {});
}

void PlaygroundView::load(const QString& checkpoint_dir) {
  if (checkpoint_dir.isEmpty()) return show_error(tr("Choose a checkpoint to load."));
  if (const QString problem = CheckpointPicker::problem_with(checkpoint_dir); !problem.isEmpty())
    return show_error(problem);
  model_->choose(checkpoint_dir);
  loading_ = checkpoint_dir;
  set_loaded(false, {});
  fewshot_->set_model({}, {});
  token_loss_->set_model({});
  neighbours_->set_model(false);
  saliency_->set_model({});
  status_->setText(tr("Loading %1…").arg(checkpoint_dir));
  const std::string dir = checkpoint_dir.toStdString();
  bridge_->start([dir] { return make_inspection_job(dir); });
}

void PlaygroundView::set_loaded(bool loaded, const QString& arch) {
  arch_ = arch;
  const bool gpt = loaded && arch == QLatin1String("gpt");
  generate_->setEnabled(gpt);
  generate_->setToolTip(loaded && !gpt ? tr("A BERT fills in [MASK] words but does not write text; load a GPT.")
                                       : QString());
  text_->setEnabled(loaded);
}

void PlaygroundView::generate() {
  if (!generate_->isEnabled()) return;
  GenerationQuery query;
  query.prompt = prompt_->text().toStdString();
  generation_->write_to(generation_description(), query.settings);
  query.settings.seed = static_cast<uint64_t>(QDateTime::currentMSecsSinceEpoch());  // a new sample each click
  const QString prompt = prompt_->text();
  generate_->setEnabled(false);
  // A base-size model on a CPU takes seconds: say it is working.
  output_->setHtml(QStringLiteral("<p style='color:gray'><i>%1</i></p>")
                       .arg(tr("Writing %n token(s)…", nullptr, query.settings.max_tokens).toHtmlEscaped()));
  ask<GenerationAnswer>(
      bridge_, this, [query](TrainingJob& job) { return answer_generation(job, query); },
      [prompt](PlaygroundView& view, const GenerationAnswer& answer) { view.show_generation(answer, prompt); },
      &PlaygroundView::show_error);
}

void PlaygroundView::update_next_tokens() {
  if (arch_ != QLatin1String("gpt") || prompt_->text().isEmpty()) return;
  GenerationQuery query;
  query.prompt = prompt_->text().toStdString();
  try {
    generation_->write_to(generation_description(), query.settings);
  } catch (const std::exception&) {
    return;  // a half-typed value: the bars wait for a valid one
  }
  ask<std::vector<TokenGuess>>(
      bridge_, this, [query](TrainingJob& job) { return answer_next_tokens(job, query); },
      [](PlaygroundView& view, const std::vector<TokenGuess>& next) { view.show_next_tokens(next); },
      &PlaygroundView::show_error);
}

void PlaygroundView::show_next_tokens(const std::vector<TokenGuess>& next) {
  std::vector<std::pair<QString, double>> bars;
  for (const auto& guess : next) bars.emplace_back(readable_piece(guess.piece), guess.probability);
  next_->set_items(std::move(bars));
  Q_EMIT nextTokensShown();
}

void PlaygroundView::tokenize(const QString& text) {
  const std::string utf8 = text.toStdString();
  ask<std::vector<TokenGuess>>(
      bridge_, this, [utf8](TrainingJob& job) { return tokenize_with(job, utf8); },
      [](PlaygroundView& view, const std::vector<TokenGuess>& pieces) { view.show_pieces(pieces); },
      &PlaygroundView::show_error);
}

void PlaygroundView::show_generation(const GenerationAnswer& answer, const QString& prompt) {
  generate_->setEnabled(arch_ == QLatin1String("gpt"));
  QString html = QStringLiteral("<p style='font-size:12pt'>%1 <b style='color:#1e6ec8'>%2</b></p>")
                     .arg(prompt.toHtmlEscaped(), QString::fromStdString(answer.continuation).toHtmlEscaped());
  // Fewer tokens than asked for is the model's choice, not a fault: say so.
  if (answer.reached_end)
    html += QStringLiteral("<p style='color:gray'><i>%1</i></p>")
                .arg(tr("Stopped after %n token(s): the model wrote its end-of-text token, as it learned to at the "
                        "end of a document.", nullptr, answer.tokens)
                         .toHtmlEscaped());
  output_->setHtml(html);
  show_next_tokens(answer.next);
  Q_EMIT answered();
}

void PlaygroundView::show_pieces(const std::vector<TokenGuess>& pieces) {
  pieces_->setText(pieces_html(pieces, text_->text()));
  Q_EMIT answered();
}

void PlaygroundView::show_error(const QString& message) {
  generate_->setEnabled(arch_ == QLatin1String("gpt"));
  status_->setText(tr("Error: %1").arg(message));
  open_error_dialog(this, tr("Playground"), message, QStringLiteral("playgroundError"));
  Q_EMIT failed(message);
}

}  // namespace lmlab::app
