"""Controlled vocabularies: the single source of truth for every enumerated value.

The survey's taxonomy (three model types, two evaluation categories) and the metric
table live here. The schema (``schema.py``) builds its ``Literal`` types from these
tables, the JSON Schema for editors is generated from the schema, and the site reads
labels and descriptions from here, so a label changes in one place only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary: its id (what YAML files use), label and meaning."""

    id: str
    label: str
    description: str = ""


def _ids(terms: tuple[Term, ...]) -> tuple[str, ...]:
    return tuple(t.id for t in terms)


# The survey's three types of medical LLM, by training methodology (atlas labels).
SURVEY_TYPES = (
    Term(
        "pretrained",
        "Pre-trained on medical data",
        "Weights trained from scratch on biomedical or clinical corpora.",
    ),
    Term(
        "fine-tuned",
        "Adapted from a general LLM",
        "A general model further trained: continued pre-training, supervised or instruction "
        "fine-tuning, preference alignment or reinforcement learning.",
    ),
    Term(
        "prompted",
        "General LLM steered without training",
        "Weights unchanged: prompting, in-context learning, retrieval augmentation, tool use "
        "or agents around a general model.",
    ),
)

# The survey's two categories of evaluation approach (atlas labels).
EVALUATION_CATEGORIES = (
    Term(
        "automatic",
        "Automatic evaluation",
        "Scored by a program against references or rubrics: exam-style multiple choice, "
        "NLP metrics, model-graded rubrics.",
    ),
    Term(
        "human",
        "Human evaluation",
        "Judged by clinicians, patients or actors: physician ratings, pairwise preference, "
        "simulated consultations.",
    ),
)

MODEL_KINDS = (
    Term("medical", "Medical model", "Built or adapted for medicine or biomedicine."),
    Term("general", "General model", "A general-purpose model, listed as a base or a baseline."),
)

WEIGHTS = (
    Term("open", "Open weights", "Weights downloadable without approval."),
    Term("gated", "Gated weights", "Weights downloadable after a licence agreement or approval."),
    Term("closed", "Closed", "Weights not released; access through an API or not at all."),
)

ARCHITECTURES = (
    Term("encoder", "Encoder-only transformer"),
    Term("decoder", "Decoder-only transformer"),
    Term("encoder-decoder", "Encoder-decoder transformer"),
    Term("mixture-of-experts", "Mixture-of-experts decoder"),
    Term("system", "System around other models", "A prompting, retrieval or agent system."),
)

MODALITIES = (
    Term("text", "Text"),
    Term("image", "Images"),
    Term("radiology", "Radiology images (2D/3D)"),
    Term("pathology", "Pathology slides"),
    Term("genomics", "Genomic data"),
    Term("audio", "Audio and speech"),
    Term("video", "Video"),
    Term("ehr", "Structured health records"),
    Term("signals", "Physiological signals (ECG, wearables)"),
    Term("molecule", "Molecules (SMILES, graphs)"),
    Term("protein", "Protein sequences and structures"),
)

TECHNIQUE_STAGES = (
    Term("data", "Data", "Building and curating training data, including synthetic data."),
    Term("pre-training", "Pre-training", "Training from scratch or continuing pre-training."),
    Term("fine-tuning", "Fine-tuning", "Supervised and instruction fine-tuning."),
    Term("alignment", "Alignment", "Preference optimisation and reinforcement learning."),
    Term("efficiency", "Efficiency", "Parameter-efficient training, quantisation, distillation."),
    Term("multimodal", "Multimodal", "Connecting vision or other modalities to a language model."),
    Term("inference-time", "Inference-time", "Prompting, retrieval, tools and agents."),
)

SECTORS = (
    Term("academia", "Academia"),
    Term("industry", "Industry"),
    Term("healthcare", "Healthcare provider"),
    Term("government", "Government or public institute"),
    Term("nonprofit", "Non-profit"),
)

ACCESS = (
    Term("public", "Public", "Anyone can download it."),
    Term("gated", "Gated", "Download after credentialing or a data-use agreement."),
    Term("private", "Private", "Held by its authors; results cannot be reproduced outside."),
)

TASKS = (
    Term("multiple-choice-qa", "Multiple-choice question answering"),
    Term("yes-no-qa", "Yes/no/maybe question answering"),
    Term("open-qa", "Open-ended question answering"),
    Term("nli", "Natural language inference"),
    Term("extraction", "Information extraction"),
    Term("reading-comprehension", "Reading comprehension"),
    Term("summarisation", "Summarisation"),
    Term("report-generation", "Report generation"),
    Term("visual-qa", "Visual question answering"),
    Term("dialogue", "Consultation and dialogue"),
    Term("agentic", "Agentic tasks in an environment"),
    Term("calculation", "Clinical calculation"),
    Term("suite", "Suite of many tasks"),
    Term("preference", "Pairwise preference"),
    Term("entity-linking", "Entity linking / concept normalisation"),
    Term("classification", "Text classification (e.g. detecting a condition from a post)"),
)

SOURCE_TYPES = (
    Term("article", "Journal or conference article"),
    Term("preprint", "Preprint"),
    Term("report", "Technical report"),
    Term("model-card", "Official model card"),
    Term("repository", "Official code repository"),
    Term("web", "Official web page or blog post"),
)

PROMPTING = (
    Term("plain", "Plain", "One answer per question, no written reasoning requested."),
    Term("cot", "Chain-of-thought", "The model writes its reasoning before answering."),
    Term(
        "ensemble",
        "Ensemble",
        "Several samples or prompts aggregated: self-consistency, ensemble refinement, "
        "choice shuffling.",
    ),
    Term("retrieval", "Retrieval", "Retrieved documents are added to the prompt (RAG)."),
    Term("agent", "Agent", "Several model calls act as agents: multi-agent or tool-using loops."),
    Term("system", "System", "Another pipeline around the model, such as tools or routing."),
)

CONTAMINATION = (
    Term("none-found", "No contamination found", "A source checked and found no overlap."),
    Term("suspected", "Contamination suspected", "A source reports signs of test-set exposure."),
    Term("confirmed", "Contamination confirmed", "A source shows the test items were seen."),
)


@dataclass(frozen=True)
class Metric:
    """A metric and the range its values must fall in (values are stored in this unit)."""

    id: str
    label: str
    unit: str
    low: float
    high: float
    higher_is_better: bool = True


METRICS = (
    Metric("accuracy", "Accuracy", "%", 0, 100),
    Metric("macro-f1", "Macro F1", "%", 0, 100),
    Metric("micro-f1", "Micro F1", "%", 0, 100),
    Metric("weighted-f1", "Weighted F1", "%", 0, 100),
    Metric("f1", "F1", "%", 0, 100),
    Metric("exact-match", "Exact match", "%", 0, 100),
    Metric("recall", "Recall", "%", 0, 100),
    Metric("balanced-accuracy", "Balanced accuracy", "%", 0, 100),
    Metric("auroc", "AUROC", "fraction", 0, 1),
    Metric("auprc", "AUPRC", "fraction", 0, 1),
    Metric("rouge-1", "ROUGE-1", "%", 0, 100),
    Metric("rouge-2", "ROUGE-2", "%", 0, 100),
    Metric("rouge-l", "ROUGE-L", "%", 0, 100),
    Metric("bleu", "BLEU", "%", 0, 100),
    Metric("bleu-1", "BLEU-1", "%", 0, 100),
    Metric("bleu-4", "BLEU-4", "%", 0, 100),
    Metric("meteor", "METEOR", "%", 0, 100),
    Metric("chexbert-f1", "CheXbert F1 (clinical efficacy)", "%", 0, 100),
    Metric("bertscore", "BERTScore", "%", 0, 100),
    Metric("radgraph-f1", "RadGraph F1", "%", 0, 100),
    Metric("rubric-score", "Rubric score", "fraction", 0, 1),
    Metric("win-rate", "Win rate", "%", 0, 100),
    Metric("success-rate", "Success rate", "%", 0, 100),
    Metric("rating", "Mean rating", "points", 0, 10),
    # Human evaluation: the share of rated answers judged favourably on one axis (the variant).
    Metric("rated-share", "Share of answers rated favourably", "%", 0, 100),
    Metric("elo", "Elo / Bradley-Terry rating", "points", 0, 4000),
    # Licensing exams marked in points (IgakuQA: each year's exam has its own total).
    Metric("exam-points", "Exam points", "points", 0, 1000),
    # Safety benchmarks that score how harmful a response is (MedSafetyBench: 1 = refusal).
    Metric("harmfulness", "Harmfulness score (lower is safer)", "points", 1, 5, False),
    # The share of incorrect answers, when a source reports errors rather than accuracy.
    Metric("error-rate", "Error rate (share of incorrect answers)", "%", 0, 100, False),
    Metric("precision", "Precision", "%", 0, 100),
    # Multi-label exams (FrenchMedMCQA): overlap between predicted and gold answer sets.
    Metric("hamming-score", "Hamming score", "%", 0, 100),
    Metric("ndcg-at-10", "nDCG@10", "fraction", 0, 1),
    # A benchmark's own overall number averaged over tasks scored with different metrics
    # (PromptCBLUE: F1 and ROUGE-L); comparable only within the same benchmark version.
    Metric("composite-score", "Composite score (mean over mixed task metrics)", "points", 0, 100),
)

METRIC_BY_ID = {m.id: m for m in METRICS}

# Languages are ISO 639-1 codes; this table gives labels for the ones in use.
LANGUAGES = (
    Term("en", "English"),
    Term("zh", "Chinese"),
    Term("es", "Spanish"),
    Term("fr", "French"),
    Term("de", "German"),
    Term("ja", "Japanese"),
    Term("ko", "Korean"),
    Term("ru", "Russian"),
    Term("ar", "Arabic"),
    Term("hi", "Hindi"),
    Term("pt", "Portuguese"),
    Term("it", "Italian"),
    Term("vi", "Vietnamese"),
    Term("ms", "Malay"),
    Term("id", "Indonesian"),
    Term("nl", "Dutch"),
    Term("sv", "Swedish"),
    Term("pl", "Polish"),
    Term("tr", "Turkish"),
    Term("fa", "Persian"),
    Term("he", "Hebrew"),
    Term("sw", "Swahili"),
    Term("th", "Thai"),
)

VOCABULARIES: dict[str, tuple[Term, ...]] = {
    "survey_type": SURVEY_TYPES,
    "evaluation_category": EVALUATION_CATEGORIES,
    "model_kind": MODEL_KINDS,
    "weights": WEIGHTS,
    "architecture": ARCHITECTURES,
    "modality": MODALITIES,
    "technique_stage": TECHNIQUE_STAGES,
    "sector": SECTORS,
    "access": ACCESS,
    "task": TASKS,
    "source_type": SOURCE_TYPES,
    "prompting": PROMPTING,
    "contamination": CONTAMINATION,
    "language": LANGUAGES,
}

LABELS: dict[str, dict[str, str]] = {
    name: {t.id: t.label for t in terms} for name, terms in VOCABULARIES.items()
}


def label(vocabulary: str, value: str) -> str:
    """The human label of ``value`` in ``vocabulary`` (the id itself if unknown)."""
    return LABELS.get(vocabulary, {}).get(value, value)


def ids(vocabulary: str) -> tuple[str, ...]:
    """The ids allowed in ``vocabulary``."""
    return _ids(VOCABULARIES[vocabulary])
