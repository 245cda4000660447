"""Stage ``backend`` for English: sentences and NER from spaCy unless another backend is chosen."""
from __future__ import annotations

from pipeline.stages.backend_stage import BackendStage
from pipeline.stages.registry import Resources, register_stage


@register_stage("backend", lang="en", requires=("text",), provides=("sentences", "ner"))
def english_backend(resources: Resources) -> BackendStage:
    """The backend stage for English articles, registered under the language so it is found first."""
    return BackendStage(resources, "en")
